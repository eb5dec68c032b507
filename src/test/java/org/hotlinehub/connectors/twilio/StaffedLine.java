package org.hotlinehub.connectors.twilio;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.TwilioVoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The voice line during staffed hours, with Twilio's Calls API stubbed (WireMock), for the tests of a call's steps; the
 * line's hours go back to the system clock after each test. A test may close the line ({@code hours.useClock(CLOSED)}).
 */
abstract class StaffedLine {

    private static final ZoneId QINGDAO = ZoneId.of("Asia/Shanghai");
    /** A Wednesday, 10:00 and 23:00 in Qingdao: inside and outside the default staffed hours (08:00-20:00). */
    static final Clock STAFFED = Clock.fixed(ZonedDateTime.of(2026, 11, 18, 10, 0, 0, 0, QINGDAO).toInstant(), QINGDAO);
    static final Clock CLOSED = Clock.fixed(ZonedDateTime.of(2026, 11, 18, 23, 0, 0, 0, QINGDAO).toInstant(), QINGDAO);

    @Inject
    VoiceHours hours;

    @BeforeEach
    void staffedLine() {
        hours.useClock(STAFFED);
        TwilioVoice.stubCalls();
    }

    @AfterEach
    void systemClockForTheLine() {
        hours.useClock(Clock.systemUTC());
    }
}
