package org.hotlinehub.connectors.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Periods as people read them on the report pages ("2026年11月" / "November 2026", "11月2日" / "2 Nov"), never a raw
 * timestamp; the form fields keep the ISO forms ({@code 2026-11}, {@code 2026-11-02}) the parameters take.
 */
final class ReportDates {

    private static final DateTimeFormatter MONTH_ZH = DateTimeFormatter.ofPattern("uuuu年M月", Locale.CHINA);
    private static final DateTimeFormatter MONTH_EN = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_ZH = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.CHINA);
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter WEEK_ZH = DateTimeFormatter.ofPattern("M月d日", Locale.CHINA);
    private static final DateTimeFormatter WEEK_EN = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private ReportDates() {
    }

    static String month(YearMonth month, boolean english) {
        return (english ? MONTH_EN : MONTH_ZH).format(month);
    }

    static String day(LocalDate day, boolean english) {
        return (english ? DAY_EN : DAY_ZH).format(day);
    }

    /** A week by its Monday (the rates' week key, 2026-11-02). */
    static String week(LocalDate monday, boolean english) {
        return (english ? WEEK_EN : WEEK_ZH).format(monday);
    }

    /** The first day of a period starting at {@code from}, in hotline time. */
    static LocalDate firstDay(Instant from, ZoneId zone) {
        return from.atZone(zone).toLocalDate();
    }

    /** The last day of a period ending (exclusive) at {@code to}, in hotline time. */
    static LocalDate lastDay(Instant to, ZoneId zone) {
        return to.minusNanos(1).atZone(zone).toLocalDate();
    }

    /** A period [from, to) as its first and last day: "2026年11月1日 — 2026年11月30日". */
    static String period(Instant from, Instant to, ZoneId zone, boolean english) {
        return day(firstDay(from, zone), english) + " — " + day(lastDay(to, zone), english);
    }
}
