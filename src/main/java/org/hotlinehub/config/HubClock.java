package org.hotlinehub.config;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The hub's one time source for deadlines, pauses, the call-back survey and the rates: inject {@link Clock} and ask it
 * for {@code instant()} instead of calling {@code Instant.now()}. Tests replace it with a clock they move forward
 * (testsupport.MovableClock), so a deadline three days away is reached without sleeping.
 * <p>
 * Also the hotline's local time zone: inject {@link ZoneId} for the dates, weeks and months of the reports and the
 * times shown to people, instead of naming a zone in code. A class that needs both injects {@link HubTime}.
 */
@ApplicationScoped
public class HubClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * {@code hub.deadlines.zone}, parsed once: the business-hours calendars, the rates' weeks and months, and every
     * local time the hub writes or reads (pages, texts, CSV, Open311, dates without a time). The operators' hours of
     * the voice line have their own zone ({@code hub.voice.zone}, see VoiceHours).
     */
    @Produces
    @Singleton
    ZoneId zone(HubConfig config) {
        return ZoneId.of(config.deadlines().zone());
    }

    /** The clock and the zone together, for the classes that need both. */
    @Produces
    @Singleton
    HubTime time(Clock clock, ZoneId zone) {
        return new HubTime(clock, zone);
    }
}
