package org.hotlinehub.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class WeeklyCalendarTest {

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
