package org.hotlinehub.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Working time inside a business-hours calendar: what the clocks of a partner type with a calendar count. */
class WeeklyCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final WeeklyCalendar OFFICE = WeeklyCalendar.parse(List.of("mon-fri 08:30-17:30"));

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @Test
    void shouldCarryWorkingTimeOverTheWeekend() {
        // 2026-11-20 is a Friday: one hour left that day, three more from Monday 08:30
        assertEquals(at("2026-11-23T11:30"), OFFICE.plusWorking(at("2026-11-20T16:30"), Duration.ofHours(4), SHANGHAI));
        assertEquals(at("2026-11-20T17:30"), OFFICE.plusWorking(at("2026-11-20T16:30"), Duration.ofHours(1), SHANGHAI));
    }

    @Test
    void shouldStartAtTheNextOpeningWhenFiledAtNight() {
        assertEquals(at("2026-11-24T09:00"), OFFICE.plusWorking(at("2026-11-23T22:00"), Duration.ofMinutes(30),
                SHANGHAI));
        assertEquals(at("2026-11-23T09:30"), OFFICE.plusWorking(at("2026-11-22T12:00"), Duration.ofHours(1),
                SHANGHAI), "Sunday counts nothing");
    }

    @Test
    void shouldSpanSeveralDaysAndMergeOverlappingLines() {
        WeeklyCalendar split = WeeklyCalendar.parse(List.of("mon-fri 08:30-12:00", "mon-fri 11:00-17:30"));
        assertEquals(at("2026-11-25T12:30"), split.plusWorking(at("2026-11-23T08:30"), Duration.ofHours(22),
                SHANGHAI), "two full 9-hour days and 4 hours");
    }

    @Test
    void shouldMeasureWorkingTimeBetweenTwoInstants() {
        assertEquals(Duration.ofHours(4), OFFICE.workingBetween(at("2026-11-20T16:30"), at("2026-11-23T11:30"),
                SHANGHAI));
        assertEquals(Duration.ZERO, OFFICE.workingBetween(at("2026-11-21T08:00"), at("2026-11-22T20:00"), SHANGHAI));
        assertEquals(Duration.ZERO, OFFICE.workingBetween(at("2026-11-23T10:00"), at("2026-11-23T09:00"), SHANGHAI));
    }

    @Test
    void shouldCountAroundTheClockWithoutLines() {
        WeeklyCalendar always = WeeklyCalendar.parse(List.of());
        assertEquals(at("2026-11-22T04:00"), always.plusWorking(at("2026-11-21T22:00"), Duration.ofHours(6),
                SHANGHAI));
        assertEquals(Duration.ofHours(6), always.workingBetween(at("2026-11-21T22:00"), at("2026-11-22T04:00"),
                SHANGHAI));
    }

    @Test
    void shouldKeepARoundTripAfterAPause() {
        Instant deadline = OFFICE.plusWorking(at("2026-11-20T10:00"), Duration.ofHours(8), SHANGHAI);
        Duration left = OFFICE.workingBetween(at("2026-11-20T15:00"), deadline, SHANGHAI);
        assertEquals(at("2026-11-23T09:00"), deadline, "7.5 hours on Friday, half an hour on Monday");
        assertEquals(Duration.ofHours(3), left, "paused Friday 15:00 with three working hours left");
        assertEquals(at("2026-11-24T11:30"), OFFICE.plusWorking(at("2026-11-24T07:00"), left, SHANGHAI),
                "resumed Tuesday before opening: three hours from 08:30");
    }

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static ZonedDateTime at(int day, int hour) {
        // 2026-11-16 is a Monday
        return ZonedDateTime.of(2026, 11, 16 + day, hour, 0, 0, 0, ZONE);
    }

    @Test
    void shouldCoverEveryDayWhenTheRangeRunsMondayToSunday() {
        WeeklyCalendar all = WeeklyCalendar.parse(List.of("mon-sun 08:00-20:00"));
        for (int day = 0; day < 7; day++) {
            assertTrue(all.isOnDuty(at(day, 10)), "day " + day);
            assertFalse(all.isOnDuty(at(day, 21)), "day " + day);
        }
    }

    @Test
    void shouldWrapRangesOverTheWeekend() {
        WeeklyCalendar fridayToMonday = WeeklyCalendar.parse(List.of("fri-mon 09:00-17:00"));
        assertTrue(fridayToMonday.isOnDuty(at(4, 10)));
        assertTrue(fridayToMonday.isOnDuty(at(6, 10)));
        assertTrue(fridayToMonday.isOnDuty(at(0, 10)));
        assertFalse(fridayToMonday.isOnDuty(at(1, 10)));
        assertFalse(fridayToMonday.isOnDuty(at(3, 10)));
    }
}
