package org.hotlinehub.connectors.console;

import java.util.Set;

/**
 * Labels of the reference-data form fields (the CSV columns) in both languages ({@link AdminMessages#fieldLabel}),
 * and which validator problem belongs to which field: the validator names fields as the YAML does ({@code name.zh},
 * {@code delivery.url}).
 */
final class FieldLabels {

    /** Fields that take several values separated by ';'. */
    static final Set<String> LISTS = Set.of("aliases", "keywords_zh", "keywords_en", "fallback", "skills", "serves",
            "services", "on-duty", "flags", "emergency-contacts");

    private FieldLabels() {
    }

    static String label(String field, boolean english) {
        return ConsolePage.bundle(AdminMessages.class, english).fieldLabel(field);
    }

    /** The form field a validator's field name stands for. */
    static String formField(String validatorField) {
        if (validatorField == null || validatorField.isEmpty()) {
            return "";
        }
        String f = validatorField.replace("name.", "name_").replace("delivery.", "");
        return switch (f) {
            case "lat/lon" -> "lat";
            case "emergency" -> "emergency-contacts";
            case "unavailable" -> "on-duty";
            default -> f;
        };
    }
}
