package org.hotlinehub.referencedata;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.hotlinehub.model.Strings;

/**
 * A text of a reference-data entry that must be given: not null and not blank in the sense of
 * {@link Strings#isBlank} (Unicode white space, e.g. the ideographic space, counts as blank; {@code @NotBlank} would
 * let that through). The message is the problem text of the entry's row report.
 */
@Documented
@Constraint(validatedBy = Required.Check.class)
@Target({ElementType.FIELD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Required {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link Required}. */
    class Check implements ConstraintValidator<Required, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return !Strings.isBlank(value);
        }
    }
}
