package org.hotlinehub.model;

import java.util.Optional;

public enum Urgency implements Coded.LowerCaseName {

    URGENT,
    NORMAL,
    LOW;

    public static Optional<Urgency> fromCode(String code) {
        return Coded.fromCode(values(), code);
    }
}
