package org.hotlinehub.connectors.portal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A deadline as a partner reads it on a phone: the local time, how long is left (or how long it is overdue), and
 * whether it needs attention now; the words are in {@link PortalMessages}.
 */
public record Deadline(String iso, String local, String relative, boolean overdue, boolean soon) {

    private static final Duration SOON = Duration.ofMinutes(30);
    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.CHINA);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    /** Null when there is no deadline; {@code zone} is the hotline's, whose clock the local time shows. */
    static Deadline of(Instant at, Instant now, ZoneId zone, boolean english) {
        if (at == null) {
            return null;
        }
        Duration left = Duration.between(now, at);
        boolean overdue = left.isNegative() || left.isZero();
        PortalMessages words = PortalPage.words(english);
        String span = span(overdue ? left.negated() : left, english);
        String relative = overdue ? words.deadlineOverdue(span) : words.deadlineLeft(span);
        return new Deadline(at.toString(), local(at, zone, english), relative, overdue,
                overdue || left.compareTo(SOON) <= 0);
    }

    /** A time as the hotline's clock shows it, short enough for a phone. */
    static String local(Instant at, ZoneId zone, boolean english) {
        return (english ? EN : ZH).format(at.atZone(zone));
    }

    static String span(Duration d, boolean english) {
        long minutes = Math.max(1, (d.getSeconds() + 59) / 60);
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return PortalPage.words(english).spanDays(days, hours);
        }
        if (hours > 0) {
            return PortalPage.words(english).spanHours(hours, mins);
        }
        return PortalPage.words(english).spanMinutes(mins);
    }
}
