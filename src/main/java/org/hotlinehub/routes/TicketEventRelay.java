package org.hotlinehub.routes;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.connectors.jms.EventTopicSender;
import org.hotlinehub.model.port.TicketEvents;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The event outbox → hub.events. One thread per hub instance takes what is unsent (SKIP LOCKED, so instances share
 * the rows), publishes it with each event's duplicate-detection id and marks it sent. A commit on this node that wrote
 * events wakes it at once; otherwise it looks every {@code hub.events.relay-poll}. A failure (broker or database
 * away) is logged and tried again a second later: the rows stay unsent until then.
 */
@ApplicationScoped
public class TicketEventRelay {

    private static final Logger LOG = Logger.getLogger(TicketEventRelay.class);
    private static final long PURGE_EVERY_NANOS = TimeUnit.MINUTES.toNanos(10);

    @Inject
    TicketEvents events;
    @Inject
    EventTopicSender sender;
    @Inject
    HubConfig config;

    private final Semaphore wake = new Semaphore(0);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private Thread worker;

    void start(@Observes @Priority(PipelineOrder.RELAY) StartupEvent event) {
        events.onQueued(wake::release);
        running = true;
        worker = new Thread(this::run, RouteIds.EVENTS_RELAY);
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes @Priority(PipelineOrder.STOP_RELAY) ShutdownEvent event) throws InterruptedException {
        running = false;
        wake.release();
        if (worker != null && !stopped.await(30, TimeUnit.SECONDS)) {
            LOG.warn("the event relay was still publishing after 30 s; what it held is published again later");
        }
    }

    private void run() {
        int batch = config.events().relayBatch();
        long nextPurge = System.nanoTime();
        try {
            while (running) {
                try {
                    wake.drainPermits();
                    int relayed = events.relay(batch, sender::publish);
                    if (relayed >= batch) {
                        continue;
                    }
                    if (System.nanoTime() - nextPurge >= 0) {
                        nextPurge = System.nanoTime() + PURGE_EVERY_NANOS;
                        events.purgeRelayed();
                    }
                    wake.tryAcquire(config.events().relayPoll().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    if (running) {
                        LOG.warnf("event relay: %s; tried again in a second", e.getMessage());
                        pause();
                    }
                }
            }
        } finally {
            stopped.countDown();
        }
    }

    private void pause() {
        try {
            wake.tryAcquire(1, TimeUnit.SECONDS); // or sooner, when a commit (or the shutdown) wakes it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
