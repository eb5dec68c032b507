package org.hotlinehub.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.store.OperationsFigures;
import org.hotlinehub.store.OperationsFigures.Figures;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * The gauges of what the database holds: open tickets by status, overdue assignments, the outbox's depth, age and lag,
 * and dead letters not replayed. A scrape reads the last snapshot, never the database; the route
 * {@code metrics-refresh} reads it again every {@link #REFRESH} on each instance, so every instance reports the same
 * figures (a dashboard takes their max, not their sum). Until the first read, and after a read that failed, the
 * gauges report NaN rather than old figures.
 */
@ApplicationScoped
public class OperationsGauges {

    /** About a scrape interval: fresher figures would cost queries no scrape reads. */
    public static final Duration REFRESH = Duration.ofSeconds(15);
    private static final String EVERY = ", read from the database every " + REFRESH.toSeconds() + " s";

    @Inject
    OperationsFigures figures;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry registry;

    private volatile Figures latest;

    void register(@Observes StartupEvent event) {
        for (TicketStatus status : OperationsFigures.OPEN) {
            Gauge.builder("hub.tickets", this, g -> g.value(f -> f.openTickets().get(status)))
                    .description("Open tickets by status (closed, cancelled and merged are left out)" + EVERY)
                    .baseUnit("tickets").tag("state", status.name()).strongReference(true).register(registry);
        }
        gauge("hub.overdue.assignments", "assignments",
                "Accepted or in-progress assignments past their resolve-by (stamped overdue or not yet)",
                Figures::overdueAssignments);
        gauge("hub.outbox.pending", "messages", "Outbox rows not yet sent: due, waiting for a retry, or being sent",
                Figures::outboxPending);
        gauge("hub.outbox.oldest.age", "seconds", "How long ago the first outbox row still pending was written",
                Figures::outboxOldestAgeSeconds);
        gauge("hub.outbox.lag", "seconds", "How long the pending outbox row due first has been due (0: none due)",
                Figures::outboxLagSeconds);
        gauge("hub.open.dead.letters", "letters", "Dead letters not replayed yet", Figures::openDeadLetters);
    }

    private void gauge(String name, String unit, String description, ToDoubleFunction<Figures> figure) {
        Gauge.builder(name, this, g -> g.value(figure)).description(description + EVERY).baseUnit(unit)
                .strongReference(true).register(registry);
    }

    /**
     * Reads the figures again (the route's tick; a test calls it to see a change at once). A failed read leaves the
     * gauges at NaN and fails the tick, which the scheduled jobs' error policy logs.
     */
    public void refresh() {
        try {
            latest = figures.read(clock.instant());
        } catch (RuntimeException e) {
            latest = null;
            throw e;
        }
    }

    private double value(ToDoubleFunction<Figures> figure) {
        Figures snapshot = latest;
        return snapshot == null ? Double.NaN : figure.applyAsDouble(snapshot);
    }
}
