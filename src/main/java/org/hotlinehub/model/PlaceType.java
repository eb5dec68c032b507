package org.hotlinehub.model;

import java.util.Arrays;
import java.util.Optional;

/** Levels of the place hierarchy, from district down to unit; the order is the nesting order. */
public enum PlaceType {

    DISTRICT,
    STREET,
    COMMUNITY,
    GRID,
    COMPOUND,
    BUILDING,
    UNIT;

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<PlaceType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }
}
