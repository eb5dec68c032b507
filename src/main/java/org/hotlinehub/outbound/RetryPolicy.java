package org.hotlinehub.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;

/**
 * When a failed send is tried again: {@code hub.delivery.initial-backoff}, doubled after every attempt up to
 * {@code hub.delivery.max-backoff}, plus up to a fifth of it at random so that retries of a partner that was down do
 * not all arrive together. A retry that would fall after the row's give-up time is not made: the row gives up.
 */
@ApplicationScoped
public class RetryPolicy {

    @Inject
    HubConfig config;

    /** @param attempts the attempts made so far, counting the one that just failed */
    public Duration backoff(int attempts) {
        return backoff(attempts, config.delivery().maxBackoff());
    }

    /**
     * The same backoff with a lower cap (before the jitter): the outbox's probes of a partner whose circuit is open.
     *
     * @param attempts the attempts made so far, counting the one that just failed
     */
    public Duration backoff(int attempts, Duration cap) {
        long initial = config.delivery().initialBackoff().toMillis();
        long max = Math.min(cap.toMillis(), config.delivery().maxBackoff().toMillis());
        long exp = initial * (1L << Math.min(Math.max(attempts, 1) - 1, 30));
        long capped = Math.min(Math.max(exp, initial), max);
        long jitter = ThreadLocalRandom.current().nextLong(capped / 5 + 1);
        return Duration.ofMillis(capped + jitter);
    }

    /** @return when to try again, or empty when the row gives up */
    public Optional<Instant> nextAttempt(Instant now, int attempts, Instant giveUpAt) {
        Instant next = now.plus(backoff(attempts));
        return next.isAfter(giveUpAt) ? Optional.empty() : Optional.of(next);
    }
}
