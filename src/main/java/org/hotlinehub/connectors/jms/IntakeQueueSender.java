package org.hotlinehub.connectors.jms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
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
 * <p>The send goes straight to JMS ({@link PersistentSends}), not through a Camel exchange. It is handed to the sender
 * threads of this class, which send the contacts handed over meanwhile together, in one broker transaction (one commit
 * and one journal sync for a batch instead of one per contact; BENCHMARKS.md, round 18), while the caller waits at
 * most {@code hub.intake.send-timeout}: a send already on the wire when the
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
     * Batches in flight at a time, not counting those the broker has held longer than {@link #HELD_MS}: while one
     * commits, the next contacts gather for the next. More at once would make the batches smaller, not the answers
     * faster.
     */
    static final int SENDING_AT_ONCE = 2;
    /** A batch in flight this long is held by the broker (a healthy commit takes milliseconds): it stops counting. */
    static final long HELD_MS = 200;
    /** A sender thread with nothing to send for this long ends. */
    static final long IDLE_S = 30;

    /** A contact handed to the sender threads, and what its caller waits for. */
    private record Pending(PersistentSends.Outgoing message, CompletableFuture<Void> done) {
    }

    /** Contacts handed over and not yet taken by a sender thread. */
    private final LinkedBlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();

    /**
     * Room for contacts handed over and not yet sent or dropped: a contact either finds room at once or is refused at
     * once. Sends that outlived their caller's wait (a dead broker) keep their room until the client gives up; twice
     * the edge's bound leaves room for a bound's worth of those beside a full bound of new ones, and past that the
     * sender gets its 503 at once.
     */
    private Semaphore room;
    private int batchLimit;
    private volatile boolean running = true;
    private final AtomicInteger threadNumber = new AtomicInteger();
    /** Guarded by {@code this}: sender threads waiting for work, and when each busy one started its batch. */
    private int idle;
    private final Map<Thread, Long> sendingSince = new HashMap<>();

    @PostConstruct
    void startSenders() {
        batchLimit = config.intake().maxInFlight();
        room = new Semaphore(2 * batchLimit);
    }

    @PreDestroy
    void stopSenders() {
        running = false;
        synchronized (this) {
            sendingSince.keySet().forEach(Thread::interrupt);
            notifyAll();
        }
        Pending p;
        while ((p = waiting.poll()) != null) {
            p.done().completeExceptionally(new IllegalStateException("the hub is stopping"));
        }
    }

    /**
     * Makes sure a sender thread will take what was just handed over: an idle one will; else one more starts, unless
     * {@value #SENDING_AT_ONCE} batches are in flight and none of them is held by the broker (one of those takes it
     * after its commit). A send the broker holds therefore never holds up the contacts behind it.
     */
    private synchronized void wakeSender() {
        if (idle > 0) {
            notify();
            return;
        }
        long now = System.nanoTime();
        long inFlight = sendingSince.values().stream().filter(t -> now - t < HELD_MS * 1_000_000).count();
        if (inFlight >= SENDING_AT_ONCE) {
            return;
        }
        Thread t = new Thread(this::sendBatches, "intake-send-" + threadNumber.incrementAndGet());
        t.setDaemon(true);
        sendingSince.put(t, now);
        t.start();
    }

    /**
     * A sender thread: takes what has been handed over (at most the edge's bound), without waiting for more, and sends
     * it in one broker transaction, so contacts that arrive together share one commit and one journal sync; the
     * contacts' callers are answered once it is committed. A contact whose caller stopped waiting is not sent. When
     * the broker rolls a batch back (one of its duplicate ids was seen before: a sender's retry of a contact whose
     * first send reached the journal after all), each is sent alone, and the broker drops only the repeat.
     */
    private void sendBatches() {
        Thread self = Thread.currentThread();
        List<Pending> batch = new ArrayList<>(batchLimit);
        try {
            while (running) {
                waiting.drainTo(batch, batchLimit);
                if (batch.isEmpty()) {
                    if (!awaitWork(self)) {
                        return;
                    }
                    continue;
                }
                synchronized (this) {
                    sendingSince.put(self, System.nanoTime()); // this batch's start: held is per batch
                }
                try {
                    sendBatch(JmsEndpoints.INTAKE_QUEUE, batch);
                } finally {
                    room.release(batch.size());
                    batch.clear();
                }
            }
        } finally {
            synchronized (this) {
                sendingSince.remove(self);
            }
        }
    }

    /** Waits, idle, for contacts; false when none came for {@value #IDLE_S} s (the thread ends) or the hub stops. */
    private synchronized boolean awaitWork(Thread self) {
        sendingSince.remove(self);
        idle++;
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(IDLE_S);
            while (running && waiting.isEmpty()) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            idle--;
            sendingSince.put(self, System.nanoTime());
        }
    }

    /** Sender threads started since start (tests). */
    int sendersStarted() {
        return threadNumber.get();
    }

    /** {@link #sendBatch} on the caller's thread, for tests: what each caller would have been told. */
    List<CompletableFuture<Void>> sendTogether(String queue, List<PersistentSends.Outgoing> messages) {
        List<Pending> batch = messages.stream().map(m -> new Pending(m, new CompletableFuture<Void>())).toList();
        sendBatch(queue, batch);
        return batch.stream().map(Pending::done).toList();
    }

    /** Sends what is still waited for in one transaction (each alone after a rollback), and answers its callers. */
    private void sendBatch(String queue, List<Pending> batch) {
        List<Pending> live = batch.stream().filter(p -> !p.done().isDone()).toList();
        if (live.isEmpty()) {
            return;
        }
        if (live.size() > 1) {
            try {
                sends.sendAll(queue, live.stream().map(Pending::message).toList());
                live.forEach(p -> p.done().complete(null));
                return;
            } catch (PersistentSends.RolledBack e) {
                LOG.debugf("a batch of %d intake sends was rolled back, sent one by one: %s", live.size(),
                        e.getMessage());
            } catch (RuntimeException e) {
                live.forEach(p -> p.done().completeExceptionally(e));
                return;
            }
        }
        for (Pending p : live) {
            try {
                sends.send(queue, p.message().body(), p.message().properties());
                p.done().complete(null);
            } catch (RuntimeException e) {
                p.done().completeExceptionally(e);
            }
        }
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
                sends.warm(JmsEndpoints.INTAKE_QUEUE, sessions, 2 * SENDING_AT_ONCE);
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
            lag.accepted(System.currentTimeMillis());
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
     * The durable send, handed to the sender threads and waited for at most what is left of
     * {@code hub.intake.send-timeout}.
     *
     * @throws IllegalStateException when the broker did not confirm it in time, refused it, or there is no room to
     *             hand it over
     */
    private void sendWithin(String body, Map<String, String> properties) {
        if (!running || !room.tryAcquire()) {
            throw new IllegalStateException("no intake sender free: earlier sends still wait for the broker");
        }
        CompletableFuture<Void> send = new CompletableFuture<>();
        waiting.add(new Pending(new PersistentSends.Outgoing(body, properties), send));
        wakeSender();
        long timeoutMs = waitMs(config.intake().sendTimeout().toMillis(), admittedAt(), System.nanoTime());
        try {
            send.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // not sent yet: it will not be; already on its way: the broker has it or not (see the class comment)
            send.cancel(false);
            throw new IllegalStateException("the broker did not confirm the send within " + timeoutMs + " ms", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send.cancel(false);
            throw new IllegalStateException("interrupted while the broker confirmed the send", e);
        }
    }
}
