package org.hotlinehub.config;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The hub's time for the classes that need both halves of it: the instant on the hub's {@link Clock} and the
 * hotline's zone ({@code hub.deadlines.zone}), in which deadlines are written, days and months are counted and times
 * are shown. Inject this instead of the clock and the zone side by side; a class that only stamps instants injects
 * {@link Clock}. Made by {@link HubClock} from the clock it produces, so a test's moved clock (testsupport.MovableClock)
 * moves this one too.
 */
public record HubTime(Clock clock, ZoneId zone) {

    /** Now, on the hub's clock. */
    public Instant now() {
        return clock.instant();
    }

    /** Today's date in the hotline's zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), zone);
    }
}
