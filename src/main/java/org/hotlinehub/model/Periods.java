package org.hotlinehub.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reads the period bounds of the API's queries: an ISO date-time, or a date meaning that day in hotline time. */
public final class Periods {

    /** The hotline's local time: dates, weeks and months of the reports. */
    public static final ZoneId HOTLINE_ZONE = ZoneId.of("Asia/Shanghai");

    private Periods() {
    }

    /**
     * @param endOfDay a date means the start of the next day (an inclusive "to" date)
     * @return null for a blank value
     * @throws IllegalArgumentException naming the parameter and the formats it takes
     */
    public static Instant instant(String value, String name, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                LocalDate day = LocalDate.parse(value.strip());
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(HOTLINE_ZONE).toInstant();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException(name + " '" + value + "' is not an ISO date-time"
                        + " (2026-11-22T08:00:00+08:00) or date (2026-11-22)");
            }
        }
    }

    /** A month written 2026-05. */
    public static YearMonth month(String value, String name) {
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a month like 2026-05");
        }
    }
}
