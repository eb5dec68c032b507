package org.hotlinehub.connectors.jms;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.IntakeUnavailableException;
import org.hotlinehub.model.port.IntakeGroups;
import org.hotlinehub.model.port.IntakeQueue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Puts a contact on the intake queue: a persistent, blocking send, so it returns only after the broker has the
 * message in its journal. Any failure surfaces as {@link IntakeUnavailableException} (the edge answers 503); while
 * recent sends failed, {@link IntakeSendBreaker} refuses at once instead of letting each sender wait for the broker
 * client's time-outs.
 *
 * <p>The send goes straight to JMS ({@link PersistentSends}), not through a Camel exchange. It runs on a sender thread
 * of this class while the caller waits at most {@code hub.intake.send-timeout}: a send already on the wire when the
 * broker dies is held by the broker client until its {@code callTimeout} (5 s) or its reconnection, and the sender
 * must have its 503 within a second (targets.md R1). Such a late send is not lost or doubled: it either reaches the
 * journal (and the sender's retry, with the same reference and duplicate id, is dropped by the broker) or not.
 */
@ApplicationScoped
public class IntakeQueueSender implements IntakeQueue {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(IntakeQueueSender.class);

    @Inject
    PersistentSends sends;
    @Inject
    ObjectMapper json;
    @Inject
    IntakeSendBreaker breaker;
    @Inject
    HubConfig config;
    @Inject
    IntakeGroups groups;
    @Inject
    PipelineLag lag;
    @Inject
    CurrentVertxRequest request;

    /** The shortest wait for a send, however late the contact reached it. */
    static final long MIN_SEND_WAIT_MS = 100;

    /**
     * The threads the sends run on: no queue, so a send either starts at once or is refused at once. Sends that
     * outlived their caller's wait (a dead broker) keep their thread until the client gives up; twice the edge's bound
     * leaves room for a bound's worth of those beside a full bound of new ones, and past that the sender gets its 503
     * at once.
     */
    private ThreadPoolExecutor senders;

    @PostConstruct
    void startSenders() {
        int threads = 2 * config.intake().maxInFlight();
        AtomicInteger n = new AtomicInteger();
        senders = new ThreadPoolExecutor(0, threads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "intake-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stopSenders() {
        senders.shutdown();
    }

    /**
     * Opens the sessions the edge's sends may need at once (as many as contacts in flight, and the outbox's senders)
     * in the background after start, so that no send opens one later (see {@link PersistentSends#warm}).
     */
    void warmSessions(@Observes StartupEvent event) {
        int sessions = Math.min(JmsComponentProducer.SESSIONS,
                config.intake().maxInFlight() + config.delivery().parallelism());
        Thread warming = new Thread(() -> {
            try {
                long started = System.nanoTime();
                sends.warm(JmsEndpoints.INTAKE_QUEUE, sessions);
                LOG.infof("%d JMS sessions opened for sends in %d ms", sessions,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warnf("JMS sessions not opened ahead (each send opens its own when first needed): %s",
                        e.getMessage());
            }
        }, "jms-sessions-warm-up");
        warming.setDaemon(true);
        warming.start();
    }

    /**
     * The message's properties: the broker's duplicate id (it drops a resend of this very message, a failover retry; a
     * sender's retry told another reference, at another instance, gets through, and intake keeps that reference as an
     * alias), and the contact's group, when it has one, as the message group: the broker gives a group's contacts to
     * one intake consumer, so the batches of two consumers seldom wait for one area's lock.
     */
    Map<String, String> properties(InboundContact contact) {
        Map<String, String> properties = new HashMap<>(4);
        properties.put(JmsEndpoints.DUPLICATE_ID_HEADER,
                contact.channel().name() + ":" + contact.externalId() + ":" + contact.reference());
        groups.groupOf(contact).ifPresent(group -> properties.put(JmsEndpoints.GROUP_ID_PROPERTY, group));
        return properties;
    }

    /** Not while recent sends failed (the broker away), nor while the pipeline is too far behind. */
    @Override
    public boolean accepting() {
        return !breaker.refusing() && !lag.behind();
    }

    @Override
    public boolean behind() {
        return lag.behind();
    }

    @Override
    public void submit(InboundContact contact) {
        String body;
        try {
            body = json.writeValueAsString(contact);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("contact cannot be serialized", e);
        }
        Map<String, String> properties = properties(contact);
        try {
            breaker.send(() -> sendWithin(body, properties));
        } catch (CircuitBreakerOpenException e) {
            LOG.debugf("intake queue send refused at once for %s contact: the breaker is open", contact.channel());
            throw new IntakeUnavailableException("the intake queue is not available (recent sends failed)", e);
        } catch (RuntimeException e) {
            LOG.warnf(e, "intake queue send failed for %s contact", contact.channel());
            throw new IntakeUnavailableException("the intake queue is not available", e);
        }
    }

    /**
     * How long the send is waited for: what is left of {@code sendTimeoutMs} since the edge admitted the request
     * ({@code admittedAtNanos}, null outside a request: a timer's resubmission waits it all), at least
     * {@value #MIN_SEND_WAIT_MS} ms, so a healthy broker's send is not refused for the time the contact spent before it.
     */
    static long waitMs(long sendTimeoutMs, Long admittedAtNanos, long nowNanos) {
        long spent = admittedAtNanos == null ? 0 : Math.max(0, (nowNanos - admittedAtNanos) / 1_000_000);
        return Math.max(MIN_SEND_WAIT_MS, sendTimeoutMs - spent);
    }

    /** When the edge admitted the current HTTP request, if the send runs in one. */
    private Long admittedAt() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext rc = request.getCurrent();
        return rc == null ? null : rc.get(IntakeQueue.ADMITTED_AT_NANOS);
    }

    /**
     * The durable send on a sender thread, waited for at most what is left of {@code hub.intake.send-timeout}.
     *
     * @throws IllegalStateException when the broker did not confirm it in time, refused it, or no sender thread is free
     */
    private void sendWithin(String body, Map<String, String> properties) {
        CompletableFuture<Void> send;
        try {
            send = CompletableFuture.runAsync(() -> sends.send(JmsEndpoints.INTAKE_QUEUE, body, properties), senders);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("no intake sender free: earlier sends still wait for the broker", e);
        }
        long timeoutMs = waitMs(config.intake().sendTimeout().toMillis(), admittedAt(), System.nanoTime());
        try {
            send.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not confirm the send within " + timeoutMs + " ms", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the broker confirmed the send", e);
        }
    }
}
