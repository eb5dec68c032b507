package org.hotlinehub.connectors.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * A duration as the reference-data forms show it: an amount in minutes or hours, stored as before (the ISO-8601 text
 * the validator and the writer read, PT30M). Whole hours show as hours, anything else as minutes.
 */
final class DurationInput {

    /** The reference-data fields that hold a duration. */
    static final Set<String> FIELDS = Set.of("accept-within", "resolve-within", "give-up-after");

    static final String MINUTES = "min";
    static final String HOURS = "h";

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal HOUR = BigDecimal.valueOf(3600);

    /** What the form shows for a stored value: the amount and its unit; blank, or as stored if it is not ISO. */
    record Shown(String amount, String unit) {
    }

    private DurationInput() {
    }

    static Shown shown(String iso) {
        if (iso == null || iso.isBlank()) {
            return new Shown("", MINUTES);
        }
        try {
            long seconds = Duration.parse(iso.strip()).toSeconds();
            if (seconds > 0 && seconds % 3600 == 0) {
                return new Shown(String.valueOf(seconds / 3600), HOURS);
            }
            return new Shown(BigDecimal.valueOf(seconds).divide(SIXTY, 2, RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString(), MINUTES);
        } catch (DateTimeParseException e) {
            return new Shown(iso, MINUTES);
        }
    }

    /**
     * The stored form of an amount in a unit; null for a blank amount (the validator says whether it is required).
     *
     * @throws IllegalArgumentException for an amount that is not a positive number or a unit that is not min or h
     */
    static String iso(String amount, String unit) {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        BigDecimal n;
        try {
            n = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + amount + "' is not a number");
        }
        if (n.signum() <= 0) {
            throw new IllegalArgumentException("'" + amount + "' is not above zero");
        }
        BigDecimal perUnit = switch (unit == null ? MINUTES : unit.strip()) {
            case MINUTES -> SIXTY;
            case HOURS -> HOUR;
            default -> throw new IllegalArgumentException("unit '" + unit + "' is not min or h");
        };
        BigDecimal seconds = n.multiply(perUnit).setScale(0, RoundingMode.HALF_UP);
        if (seconds.compareTo(BigDecimal.valueOf(Duration.ofDays(3650).toSeconds())) > 0) {
            throw new IllegalArgumentException("'" + amount + "' is more than ten years");
        }
        return Duration.ofSeconds(seconds.longValueExact()).toString();
    }
}
