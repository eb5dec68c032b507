package org.hotlinehub.connectors.web;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;

/**
 * The hub's one request limiter, without a CAPTCHA service or a shared store: fixed one-minute windows per bucket and
 * client (an IP address, or a hash of the credential a request carries), in memory. Each hub instance counts its own
 * requests, which is enough to stop a script; behind a load balancer over n instances a client gets up to n times
 * the limit. The report form asks it directly (its answer is the form page); {@link RateLimitFilter} asks it for
 * /status, the REST API, Open311 and the partner API. Verified webhooks (Twilio, WeChat) are never counted.
 */
@ApplicationScoped
public class RateLimiter {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_CLIENTS = 100_000;

    /** What is counted; each has its own limit a minute ({@code hub.rate-limits.*}). */
    public enum Bucket {
        /** Posts to the report form (hub.web.reports-per-minute). */
        REPORT,
        /** GET /status: guessing references and phone numbers. */
        STATUS,
        API,
        OPEN311,
        PARTNER_API,
        /**
         * Requests of those APIs answered 401 or 403: an address past this limit is answered 429 on all of them until
         * its window ends, so guessed keys and passwords are slowed down to a few a minute.
         */
        FAILED_AUTH
    }

    private record Window(long startMillis, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Map<Bucket, Integer> perWindow;
    private final LongSupplier clock;

    @Inject
    RateLimiter(HubConfig config, Clock clock) {
        this(limits(config), clock::millis);
    }

    /** @param perWindow requests per minute and bucket; a bucket not named is not limited */
    RateLimiter(Map<Bucket, Integer> perWindow, LongSupplier clock) {
        this.perWindow = new EnumMap<>(perWindow);
        this.clock = clock;
    }

    private static Map<Bucket, Integer> limits(HubConfig config) {
        HubConfig.RateLimits limits = config.rateLimits();
        return Map.of(Bucket.REPORT, config.web().reportsPerMinute(), Bucket.STATUS, limits.statusPerMinute(),
                Bucket.API, limits.apiPerMinute(), Bucket.OPEN311, limits.open311PerMinute(), Bucket.PARTNER_API,
                limits.partnerApiPerMinute(), Bucket.FAILED_AUTH, limits.failedAuthPerMinute());
    }

    /** Counts one request; @return how long the client must wait, when it has had its share of this window */
    public Optional<Duration> tryAcquire(Bucket bucket, String client) {
        Integer limit = perWindow.get(bucket);
        if (limit == null) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        if (windows.size() > MAX_CLIENTS) {
            windows.values().removeIf(w -> now - w.startMillis() >= WINDOW.toMillis());
        }
        Window w = windows.compute(bucket + " " + client, (k, old) -> old == null
                || now - old.startMillis() >= WINDOW.toMillis()
                        ? new Window(now, 1)
                        : new Window(old.startMillis(), old.count() + 1));
        return w.count() <= limit ? Optional.empty() : Optional.of(wait(w, now));
    }

    /**
     * How long the client must wait in this bucket, without counting a request: once it has used up the limit (the
     * bucket counts failures, so its share is spent by the last one allowed).
     */
    public Optional<Duration> waiting(Bucket bucket, String client) {
        Integer limit = perWindow.get(bucket);
        Window w = windows.get(bucket + " " + client);
        long now = clock.getAsLong();
        if (limit == null || w == null || now - w.startMillis() >= WINDOW.toMillis() || w.count() < limit) {
            return Optional.empty();
        }
        return Optional.of(wait(w, now));
    }

    private static Duration wait(Window w, long now) {
        return Duration.ofMillis(Math.max(1000, w.startMillis() + WINDOW.toMillis() - now));
    }
}
