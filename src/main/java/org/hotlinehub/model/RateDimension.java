package org.hotlinehub.model;

import java.util.Optional;

/**
 * What the rates are grouped by (docs/architecture.md, "The three rates"): a party, a place, a category, a channel, or
 * a period.
 */
public enum RateDimension implements Coded {

    PARTNER("partner"),
    PARTY_TYPE("party-type"),
    COMMUNITY("community"),
    GRID("grid"),
    CATEGORY("category"),
    CHANNEL("channel"),
    WEEK("week"),
    MONTH("month"),
    /** Everything in one row. */
    ALL("all");

    private final String code;

    RateDimension(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Optional<RateDimension> fromCode(String code) {
        return Coded.fromCode(values(), code);
    }
}
