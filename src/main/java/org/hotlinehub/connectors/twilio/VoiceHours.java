package org.hotlinehub.connectors.twilio;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.WeeklyCalendar;

/** Whether operators are answering now: {@code hub.voice.staffed-hours} in {@code hub.voice.zone}. */
@ApplicationScoped
public class VoiceHours {

    @Inject
    HubConfig config;

    private WeeklyCalendar calendar;
    private ZoneId zone;
    private Clock clock = Clock.systemUTC();

    @PostConstruct
    void init() {
        zone = ZoneId.of(config.voice().zone());
        calendar = WeeklyCalendar.parse(Arrays.stream(config.voice().staffedHours().split(";")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList());
    }

    public boolean staffed() {
        return calendar.isOnDuty(ZonedDateTime.now(clock).withZoneSameInstant(zone));
    }

    public ZoneId zone() {
        return zone;
    }

    /** Tests set the time of day the line sees; production keeps the system clock. */
    void useClock(Clock clock) {
        this.clock = clock;
    }
}
