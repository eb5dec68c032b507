package org.hotlinehub.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The hub's clock in tests: the system clock plus an offset that tests move forward, so a deadline hours or days away
 * is reached at once and the real sweep (which reads this clock) fires it. It only moves forward, so rows stamped
 * earlier never lie in the future. Shared by every test of the run: move it by what your test needs and assert on
 * your own tickets.
 */
@Alternative
@Priority(1)
@Singleton
public class MovableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the test clock only moves forward");
        }
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Moves the clock forward to {@code target} (which must lie ahead). */
    public void moveTo(Instant target) {
        advance(Duration.between(instant(), target));
    }
}
