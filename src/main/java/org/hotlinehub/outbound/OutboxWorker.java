package org.hotlinehub.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.OutboxChannel;
import org.hotlinehub.model.OutboxMessage;
import org.hotlinehub.model.SendResult;
import org.hotlinehub.model.port.OutboxSender;
import org.hotlinehub.store.OutboxStore;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends the outbox. One thread runs rounds: each round records the outcomes of the sends that finished since the
 * last one, renews the lease of rows still waiting here and claims due rows, all in one transaction. Claimed rows are
 * sent asynchronously on a bounded pool ({@code hub.delivery.parallelism}), at most
 * {@code hub.delivery.per-recipient} at a time to one recipient (partner, volunteer, phone, openid); a recipient's
 * further rows wait in its own lane, still leased, so one slow partner never holds up the others. A recipient with a
 * long lane is left out of the next claims until it drains. A round starts when a writing transaction commits, when a
 * send finishes, on the poll of the outbox route, or after a second at the latest.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);
    /** Rows claimed in one round at most. */
    static final int BATCH = 500;
    /** Rows one instance holds at most: waiting in a lane or being sent. */
    static final int MAX_HELD = 4 * BATCH;
    /** Sends waiting for one recipient, per allowed concurrent send, before it is left out of the claims. */
    static final int LANE_DEPTH = 16;

    @Inject
    OutboxStore store;
    @Inject
    OutboxRecorder recorder;
    @Inject
    HubConfig config;
    @Inject
    Clock clock;
    @Inject
    Instance<OutboxSender> installed;

    private final Map<OutboxChannel, OutboxSender> senders = new EnumMap<>(OutboxChannel.class);
    /** Every row this instance holds, by id, with the end of its lease. */
    private final Map<Long, Instant> held = new ConcurrentHashMap<>();
    /** Guarded by itself. */
    private final Map<String, Lane> lanes = new HashMap<>();
    private final ConcurrentLinkedQueue<OutboxRecorder.Sent> finished = new ConcurrentLinkedQueue<>();
    private final Object signal = new Object();
    private boolean signalled;
    private volatile boolean running;
    private ExecutorService pool;
    private Thread rounds;

    /** The sends of one recipient: how many run, and what waits. */
    private static final class Lane {

        int running;
        final ArrayDeque<OutboxStore.Claimed> waiting = new ArrayDeque<>();
    }

    void start(@Observes StartupEvent event) {
        installed.forEach(s -> senders.put(s.channel(), s));
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(Math.max(1, config.delivery().parallelism()), r -> {
            Thread t = new Thread(r, "outbox-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running = true;
        rounds = new Thread(this::run, "outbox-rounds");
        rounds.setDaemon(true);
        rounds.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        if (pool == null) {
            return;
        }
        pool.shutdown();
        try {
            pool.awaitTermination(config.delivery().timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            rounds.join(5000);
            // What was sent is recorded; anything else comes due again after its lease.
            List<OutboxRecorder.Sent> last = drain();
            if (!last.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> recorder.record(last, clock.instant()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("outcomes of the last sends not recorded (%s); those rows are sent again after their lease",
                    e.getMessage());
        }
    }

    /** A transaction that wrote to the outbox committed: a round claims its rows now rather than at the next poll. */
    void written(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxStore.OutboxWritten event) {
        wake();
    }

    /** Asks for a round soon; many calls before it starts make one round. */
    public void wake() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (running) {
            synchronized (signal) {
                if (!signalled) {
                    try {
                        signal.wait(1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                signalled = false;
            }
            if (!running) {
                return;
            }
            try {
                round();
            } catch (RuntimeException e) {
                // The database may be away: what was claimed is sent and recorded later, the rest waits in the table.
                LOG.warnf("outbox round failed (%s); trying again shortly", e.getMessage());
                pause(config.delivery().pollInterval());
            }
        }
    }

    void round() {
        List<OutboxRecorder.Sent> done = drain();
        Instant now = clock.instant();
        Duration lease = config.delivery().timeout().plusSeconds(30);
        Instant leaseUntil = now.plus(lease);
        Set<Long> finishedIds = new HashSet<>();
        done.forEach(s -> finishedIds.add(s.claimed().message().id()));
        List<Long> renew = new ArrayList<>();
        held.forEach((id, until) -> {
            if (!finishedIds.contains(id) && until.isBefore(now.plus(lease.dividedBy(2)))) {
                renew.add(id);
            }
        });
        int room = Math.min(BATCH, MAX_HELD - (held.size() - done.size()));
        Set<String> full = fullLanes();
        List<OutboxStore.Claimed> claimed;
        try {
            claimed = QuarkusTransaction.requiringNew().call(() -> {
                recorder.record(done, now);
                store.renewLeases(renew, leaseUntil);
                return room > 0 ? store.claim(now, leaseUntil, room, full) : List.<OutboxStore.Claimed>of();
            });
        } catch (RuntimeException e) {
            recordEachAlone(done, now);
            throw e;
        }
        finishedIds.forEach(held::remove);
        renew.forEach(id -> held.computeIfPresent(id, (k, v) -> leaseUntil));
        Map<OutboxChannel, List<OutboxStore.Claimed>> together = new EnumMap<>(OutboxChannel.class);
        for (OutboxStore.Claimed c : claimed) {
            // A row of ours that came due again was only re-leased: it is already waiting or being sent.
            if (held.putIfAbsent(c.message().id(), leaseUntil) == null) {
                OutboxSender sender = senders.get(c.message().channel());
                if (sender != null && sender.handsOnLocally()) {
                    together.computeIfAbsent(c.message().channel(), k -> new ArrayList<>()).add(c);
                } else {
                    submit(c);
                }
            }
        }
        together.forEach((channel, rows) -> execute(() -> sendTogether(senders.get(channel), rows), rows.size()));
        if (claimed.size() == room && room > 0) {
            wake();
        }
    }

    /**
     * After a failed round: each outcome in a transaction of its own, so one that cannot be written never stops the
     * others. One that fails again is dropped; its row comes due after its lease and is sent again, under the same
     * idempotency key.
     */
    private void recordEachAlone(List<OutboxRecorder.Sent> done, Instant now) {
        for (OutboxRecorder.Sent s : done) {
            try {
                QuarkusTransaction.requiringNew().run(() -> recorder.record(List.of(s), now));
            } catch (RuntimeException e) {
                LOG.warnf("%s: outcome not recorded (%s); sent again after its lease", s.claimed().message(),
                        e.getMessage());
            }
            held.remove(s.claimed().message().id());
        }
    }

    private Set<String> fullLanes() {
        int depth = perRecipient() * LANE_DEPTH;
        Set<String> full = new HashSet<>();
        synchronized (lanes) {
            lanes.forEach((recipient, lane) -> {
                if (lane.running + lane.waiting.size() >= depth) {
                    full.add(recipient);
                }
            });
        }
        return full;
    }

    private void submit(OutboxStore.Claimed c) {
        String recipient = c.message().recipient();
        synchronized (lanes) {
            Lane lane = lanes.computeIfAbsent(recipient, r -> new Lane());
            if (lane.running >= perRecipient()) {
                lane.waiting.add(c);
                return;
            }
            lane.running++;
        }
        execute(() -> sendAll(c), 1);
    }

    private void execute(Runnable sends, int rows) {
        try {
            pool.execute(sends);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debugf("shutting down: %d row(s) sent after their lease", rows);
        }
    }

    /**
     * A round's rows for a sender that only hands them on inside the hub: one call for all of them, outside the
     * recipients' lanes (nobody outside waits on them).
     */
    private void sendTogether(OutboxSender sender, List<OutboxStore.Claimed> rows) {
        List<SendResult> results;
        try {
            results = sender.sendAll(rows.stream().map(OutboxStore.Claimed::message).toList());
        } catch (RuntimeException e) {
            LOG.warnf(e, "the %s sender failed for %d row(s)", sender.channel(), rows.size());
            results = Collections.nCopies(rows.size(),
                    SendResult.retry(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        for (int i = 0; i < rows.size(); i++) {
            finished.add(new OutboxRecorder.Sent(rows.get(i), results.get(i)));
        }
        wake();
    }

    /** Sends {@code first}, then whatever waits for the same recipient, keeping its place in the lane. */
    private void sendAll(OutboxStore.Claimed first) {
        OutboxStore.Claimed c = first;
        while (c != null) {
            finished.add(new OutboxRecorder.Sent(c, send(c.message())));
            wake();
            c = next(c.message().recipient());
        }
    }

    private OutboxStore.Claimed next(String recipient) {
        synchronized (lanes) {
            Lane lane = lanes.get(recipient);
            OutboxStore.Claimed next = running ? lane.waiting.poll() : null;
            if (next == null) {
                lane.running--;
                if (lane.running == 0 && lane.waiting.isEmpty()) {
                    lanes.remove(recipient);
                }
            }
            return next;
        }
    }

    private SendResult send(OutboxMessage m) {
        OutboxSender sender = senders.get(m.channel());
        if (sender == null) {
            return SendResult.retry("no sender for channel " + m.channel());
        }
        try {
            return sender.send(m);
        } catch (RuntimeException e) {
            // A sender reports failures; one that throws has a bug or met the unexpected: worth another try.
            LOG.warnf(e, "%s: the %s sender failed", m, m.channel());
            return SendResult.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private List<OutboxRecorder.Sent> drain() {
        List<OutboxRecorder.Sent> done = new ArrayList<>();
        for (OutboxRecorder.Sent s; (s = finished.poll()) != null;) {
            done.add(s);
        }
        return done;
    }

    private int perRecipient() {
        return Math.max(1, config.delivery().perRecipient());
    }

    /** Waits before the next round after a failed one; stopping the worker ends the wait at once. */
    private void pause(Duration d) {
        synchronized (signal) {
            try {
                if (running) {
                    signal.wait(d.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
