package org.hotlinehub.model;

import java.util.Arrays;
import java.util.Optional;

public enum Urgency {

    URGENT,
    NORMAL,
    LOW;

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<Urgency> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }
}
