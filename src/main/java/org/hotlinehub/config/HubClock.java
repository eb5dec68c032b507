package org.hotlinehub.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The hub's one time source for deadlines, pauses, the call-back survey and the rates: inject {@link Clock} and ask it
 * for {@code instant()} instead of calling {@code Instant.now()}. Tests replace it with a clock they move forward
 * (testsupport.MovableClock), so a deadline three days away is reached without sleeping.
 */
@ApplicationScoped
public class HubClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
