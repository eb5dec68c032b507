package org.hotlinehub.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A time the hub writes into a timeline entry (a deadline, when a question went out): in the hotline's zone
 * ({@code hub.deadlines.zone}), to the minute, the same in both languages, so the console shows it as it is.
 */
public final class TimelineTimes {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TimelineTimes() {
    }

    /** {@code at} as "2026-12-06 19:30" in {@code zone}; "-" for none. */
    public static String minute(Instant at, ZoneId zone) {
        return at == null ? "-" : MINUTE.withZone(zone).format(at);
    }
}
