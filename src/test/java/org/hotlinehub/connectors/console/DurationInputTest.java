package org.hotlinehub.connectors.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Durations in the forms as minutes or hours, stored as the ISO-8601 text the import reads, both ways. */
class DurationInputTest {

    @Test
    void shouldShowWholeHoursAsHoursAndAnythingElseAsMinutes() {
        assertEquals(new DurationInput.Shown("30", "min"), DurationInput.shown("PT30M"));
        assertEquals(new DurationInput.Shown("2", "h"), DurationInput.shown("PT2H"));
        assertEquals(new DurationInput.Shown("90", "min"), DurationInput.shown("PT1H30M"));
        assertEquals(new DurationInput.Shown("48", "h"), DurationInput.shown("P2D"));
        assertEquals(new DurationInput.Shown("0.03", "min"), DurationInput.shown("PT2S"));
        assertEquals(new DurationInput.Shown("", "min"), DurationInput.shown(null));
    }

    @Test
    void shouldStoreAnAmountInItsUnitAsBefore() {
        assertEquals("PT45M", DurationInput.iso("45", "min"));
        assertEquals("PT2H", DurationInput.iso("2", "h"));
        assertEquals("PT1H30M", DurationInput.iso(" 1.5 ", "h"));
        assertEquals("PT2S", DurationInput.iso("0.03", "min"), "a test's two seconds survive a round trip");
        assertNull(DurationInput.iso(" ", "min"), "blank: the validator says whether it is required");
    }

    @Test
    void shouldRefuseWhatIsNotAPositiveAmountInMinutesOrHours() {
        assertEquals("'abc' is not a number",
                assertThrows(IllegalArgumentException.class, () -> DurationInput.iso("abc", "min")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DurationInput.iso("0", "h"));
        assertThrows(IllegalArgumentException.class, () -> DurationInput.iso("-5", "min"));
        assertThrows(IllegalArgumentException.class, () -> DurationInput.iso("5", "d"));
        assertThrows(IllegalArgumentException.class, () -> DurationInput.iso("1e12", "h"));
    }
}
