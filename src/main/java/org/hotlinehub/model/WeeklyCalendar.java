package org.hotlinehub.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A weekly on-duty calendar written as lines such as {@code mon-fri 08:00-12:00} or {@code sat,sun 09:00-17:00}, in
 * the hotline's local time. No lines means always on duty.
 */
public final class WeeklyCalendar {

    private static final Pattern LINE = Pattern.compile(
            "\\s*([a-z]{3}(?:\\s*-\\s*[a-z]{3})?(?:\\s*,\\s*[a-z]{3}(?:\\s*-\\s*[a-z]{3})?)*)\\s+(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})\\s*");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private record Slot(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
    }

    private final List<Slot> slots;

    private WeeklyCalendar(List<Slot> slots) {
        this.slots = slots;
    }

    /** @throws IllegalArgumentException naming the line that cannot be read */
    public static WeeklyCalendar parse(List<String> lines) {
        List<Slot> slots = new ArrayList<>();
        for (String line : lines == null ? List.<String>of() : lines) {
            Matcher m = LINE.matcher(line.toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + line + "' is not like 'mon-fri 08:00-12:00'");
            }
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String part : m.group(1).split(",")) {
                String[] range = part.strip().split("\\s*-\\s*");
                int from = day(range[0], line);
                int to = range.length > 1 ? day(range[1], line) : from;
                // do-while: mon-sun wraps to where it started and still covers every day
                int d = from;
                do {
                    days.add(DayOfWeek.of(d + 1));
                    d = (d + 1) % 7;
                } while (d != (to + 1) % 7);
            }
            LocalTime from = LocalTime.parse(m.group(2));
            LocalTime to = m.group(3).equals("24:00") ? LocalTime.MAX : LocalTime.parse(m.group(3));
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("'" + line + "' ends before it starts");
            }
            slots.add(new Slot(days, from, to));
        }
        return new WeeklyCalendar(slots);
    }

    public boolean isOnDuty(ZonedDateTime at) {
        if (slots.isEmpty()) {
            return true;
        }
        LocalTime time = at.toLocalTime();
        return slots.stream().anyMatch(s -> s.days().contains(at.getDayOfWeek()) && !time.isBefore(s.from())
                && time.isBefore(s.to()));
    }

    /** Whether the calendar has no lines: always on duty, time counts around the clock. */
    public boolean isAlways() {
        return slots.isEmpty();
    }

    /**
     * The instant at which {@code working} time inside this calendar has passed after {@code from} (time outside it
     * does not count): 4 working hours from Friday 16:30 in a mon-fri 08:30-17:30 calendar end Monday 11:30.
     */
    public Instant plusWorking(Instant from, Duration working, ZoneId zone) {
        if (slots.isEmpty() || working.isZero() || working.isNegative()) {
            return slots.isEmpty() ? from.plus(working) : from;
        }
        Duration left = working;
        LocalDate day = from.atZone(zone).toLocalDate();
        while (true) {
            for (Instant[] open : openIntervals(day, zone)) {
                Instant start = open[0].isBefore(from) ? from : open[0];
                if (!start.isBefore(open[1])) {
                    continue;
                }
                Duration available = Duration.between(start, open[1]);
                if (available.compareTo(left) >= 0) {
                    return start.plus(left);
                }
                left = left.minus(available);
            }
            day = day.plusDays(1);
        }
    }

    /** Working time inside this calendar between two instants (zero when {@code to} is not after {@code from}). */
    public Duration workingBetween(Instant from, Instant to, ZoneId zone) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (slots.isEmpty()) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(to.atZone(zone).toLocalDate()); day = day
                .plusDays(1)) {
            for (Instant[] open : openIntervals(day, zone)) {
                Instant start = open[0].isBefore(from) ? from : open[0];
                Instant end = open[1].isAfter(to) ? to : open[1];
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** The day's on-duty intervals as [start, end) instants, merged and in order. */
    private List<Instant[]> openIntervals(LocalDate day, ZoneId zone) {
        List<Instant[]> open = new ArrayList<>();
        slots.stream().filter(s -> s.days().contains(day.getDayOfWeek()))
                .sorted(java.util.Comparator.comparing(Slot::from)).forEach(s -> {
                    Instant start = day.atTime(s.from()).atZone(zone).toInstant();
                    Instant end = s.to().equals(LocalTime.MAX)
                            ? day.plusDays(1).atStartOfDay(zone).toInstant()
                            : day.atTime(s.to()).atZone(zone).toInstant();
                    Instant[] last = open.isEmpty() ? null : open.get(open.size() - 1);
                    if (last != null && !start.isAfter(last[1])) {
                        last[1] = end.isAfter(last[1]) ? end : last[1];
                    } else {
                        open.add(new Instant[]{start, end});
                    }
                });
        return open;
    }

    private static int day(String name, String line) {
        int index = DAYS.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("'" + line + "': unknown day '" + name + "' (mon … sun)");
        }
        return index;
    }
}
