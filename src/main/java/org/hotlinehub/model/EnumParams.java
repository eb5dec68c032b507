package org.hotlinehub.model;

import java.util.Arrays;
import java.util.Optional;

import jakarta.ws.rs.BadRequestException;

/**
 * An optional filter of a list endpoint that names an enum constant (a status, a state), read by one rule and refused
 * with one message.
 */
public final class EnumParams {

    private EnumParams() {
    }

    /**
     * @param name the query parameter, as the refusal names it
     * @return empty for a missing or blank value, else the constant the value names in any case
     * @throws BadRequestException (400) naming the value and every accepted one, in lower case
     */
    public static <E extends Enum<E>> Optional<E> optional(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip().toUpperCase()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("unknown " + name + " '" + value + "'; use one of "
                    + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase()).toList());
        }
    }
}
