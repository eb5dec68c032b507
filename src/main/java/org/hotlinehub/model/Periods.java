package org.hotlinehub.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Reads the period bounds of the API's queries: an ISO date-time, or a date meaning that day in hotline time (the zone
 * the caller passes: hub.deadlines.zone).
 */
public final class Periods {

    private Periods() {
    }

    /**
     * @param endOfDay a date means the start of the next day (an inclusive "to" date)
     * @param zone the hotline's zone, in which a date starts
     * @return null for a blank value
     * @throws IllegalArgumentException naming the parameter and the formats it takes
     */
    public static Instant instant(String value, String name, boolean endOfDay, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(value.strip());
            inRange(at.getYear(), value, name);
            return at.toInstant();
        } catch (DateTimeParseException e) {
            LocalDate day = date(value, name);
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        }
    }

    /**
     * A date written 2026-11-22, in the years the hub can store ({@value #FIRST_YEAR}–{@value #LAST_YEAR}).
     *
     * @throws IllegalArgumentException naming the parameter
     */
    public static LocalDate date(String value, String name) {
        try {
            LocalDate day = LocalDate.parse(value.strip());
            inRange(day.getYear(), value, name);
            return day;
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not an ISO date-time"
                    + " (2026-11-22T08:00:00+08:00) or date (2026-11-22)");
        }
    }

    /** A month written 2026-05. */
    public static YearMonth month(String value, String name) {
        try {
            YearMonth month = YearMonth.parse(value.strip());
            inRange(month.getYear(), value, name);
            return month;
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a month like 2026-05");
        }
    }

    /**
     * Years far outside these (±999,999,999 parse as ISO dates) overflow the day after or PostgreSQL's timestamps;
     * no ticket lies outside them.
     */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 9999;

    /** @throws IllegalArgumentException naming the parameter, for a year outside FIRST_YEAR–LAST_YEAR */
    public static void inRange(int year, String value, String name) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException(name + " '" + value + "' is outside the years " + FIRST_YEAR + "–"
                    + LAST_YEAR);
        }
    }
}
