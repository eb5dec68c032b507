package org.hotlinehub.connectors.web;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;

/**
 * Abuse protection without a CAPTCHA service: each client (IP address) may post a few reports a minute. Fixed
 * one-minute windows per client, in memory: each hub instance counts its own posts, which is enough to stop a script.
 */
@ApplicationScoped
public class ReportRateLimiter {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_CLIENTS = 100_000;

    private record Window(long startMillis, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int perWindow;
    private final LongSupplier clock;

    @Inject
    ReportRateLimiter(HubConfig config) {
        this(config.web().reportsPerMinute(), System::currentTimeMillis);
    }

    ReportRateLimiter(int perWindow, LongSupplier clock) {
        this.perWindow = perWindow;
        this.clock = clock;
    }

    /** Counts one post; @return how long the client must wait, when it has had its share of this window */
    public Optional<Duration> tryAcquire(String client) {
        long now = clock.getAsLong();
        if (windows.size() > MAX_CLIENTS) {
            windows.values().removeIf(w -> now - w.startMillis() >= WINDOW.toMillis());
        }
        Window w = windows.compute(client, (k, old) -> old == null || now - old.startMillis() >= WINDOW.toMillis()
                ? new Window(now, 1)
                : new Window(old.startMillis(), old.count() + 1));
        if (w.count() <= perWindow) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.max(1000, w.startMillis() + WINDOW.toMillis() - now)));
    }
}
