package org.hotlinehub.model;

import java.util.Optional;

/** Levels of the place hierarchy, from district down to unit; the order is the nesting order. */
public enum PlaceType implements Coded.LowerCaseName {

    DISTRICT,
    STREET,
    COMMUNITY,
    GRID,
    COMPOUND,
    BUILDING,
    UNIT;

    public static Optional<PlaceType> fromCode(String code) {
        return Coded.fromCode(values(), code);
    }
}
