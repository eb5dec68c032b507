package org.hotlinehub.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An enum whose constants are written and read as codes (in reference data, the APIs and the database), so that every
 * such enum finds a constant by its code, and lists its codes, by the same rule.
 */
public interface Coded {

    String code();

    /** @return the constant of {@code values} with this code; empty for an unknown code or null */
    static <E extends Coded> Optional<E> fromCode(E[] values, String code) {
        return Arrays.stream(values).filter(v -> v.code().equals(code)).findFirst();
    }

    /** The codes of {@code values}, in their order, for a message that names what is accepted. */
    static List<String> codes(Coded[] values) {
        return Arrays.stream(values).map(Coded::code).toList();
    }

    /** An enum whose code is its constant's name in lower case. */
    interface LowerCaseName extends Coded {

        String name();

        @Override
        default String code() {
            return name().toLowerCase();
        }
    }
}
