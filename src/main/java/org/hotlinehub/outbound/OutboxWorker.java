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
 * <p>
 * A partner's endpoint has a circuit here: after {@link #OPEN_AFTER} passing failures in a row it opens, and while it
 * is open one row at a time probes the endpoint, at first after {@code hub.delivery.initial-backoff}, then at doubling
 * intervals up to {@link #PROBE_EVERY_MAX}. The partner's other rows are parked: put back untried, without counting an
 * attempt, for {@link #PARK}, so a partner that is down for hours costs a few calls a minute instead of a refused call
 * per row and retry, and its rows do not fill the claims. The first success closes the circuit and brings the parked
 * rows back at once, on every instance (they are rows of the shared table). Each instance has its own circuits; one
 * that still has a circuit open parks rows until its own probe succeeds, within {@link #PROBE_EVERY_MAX}.
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
    /** Passing failures in a row of a partner's endpoint that open its circuit. */
    static final int OPEN_AFTER = 5;
    /** The longest wait between two probes of an open circuit. */
    static final Duration PROBE_EVERY_MAX = Duration.ofMinutes(1);
    /** How long a row of a partner whose circuit is open waits untried, unless the circuit closes before. */
    static final Duration PARK = Duration.ofMinutes(10);

    @Inject
    OutboxStore store;
    @Inject
    OutboxRecorder recorder;
    @Inject
    RetryPolicy retry;
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
    /** Partners whose circuit closed since the last round: their parked rows are due again. */
    private final ConcurrentLinkedQueue<String> closed = new ConcurrentLinkedQueue<>();
    private final Object signal = new Object();
    private boolean signalled;
    private volatile boolean running;
    private ExecutorService pool;
    private Thread rounds;

    /** The sends of one recipient: how many run, and what waits; for a partner, the circuit of its endpoint. */
    private static final class Lane {

        int running;
        final ArrayDeque<OutboxStore.Claimed> waiting = new ArrayDeque<>();
        /** Passing failures in a row (partners only). */
        int failures;
        /** While the circuit is open: when the next probe may go. */
        Instant openUntil;
        /** Probes that failed since the circuit opened, counting the failures that opened it as one. */
        int opens;
        boolean probing;

        boolean idle() {
            return running == 0 && waiting.isEmpty() && openUntil == null && failures == 0;
        }
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
        List<String> reopened = new ArrayList<>();
        for (String partner; (partner = closed.poll()) != null;) {
            reopened.add(partner);
        }
        List<OutboxStore.Claimed> claimed;
        try {
            claimed = QuarkusTransaction.requiringNew().call(() -> {
                recorder.record(done, now);
                store.renewLeases(renew, leaseUntil);
                // parked rows lie further ahead than any lease, so another instance's rows in hand stay its own
                store.unpark(reopened, now, leaseUntil);
                return room > 0 ? store.claim(now, leaseUntil, room, full) : List.<OutboxStore.Claimed>of();
            });
        } catch (RuntimeException e) {
            closed.addAll(reopened);
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
            if (lane.openUntil != null) {
                Instant now = clock.instant();
                if (lane.probing || lane.running > 0 || now.isBefore(lane.openUntil)) {
                    park(c, now);
                    return;
                }
                lane.probing = true;
            } else if (lane.running >= perRecipient()) {
                lane.waiting.add(c);
                return;
            }
            lane.running++;
        }
        execute(() -> sendAll(c), 1);
    }

    /** Puts a row of a partner whose circuit is open back untried, until {@link #PARK} has passed. */
    private void park(OutboxStore.Claimed c, Instant now) {
        // a row whose give-up time is near waits until then, and one past it gives up (the recorder's one rule)
        Instant until = now.plus(PARK);
        if (until.isAfter(c.giveUpAt()) && c.giveUpAt().isAfter(now)) {
            until = c.giveUpAt();
        }
        finished.add(new OutboxRecorder.Sent(c,
                SendResult.retryUncounted("held while the partner's endpoint fails (circuit open)"), until));
        wake();
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
            c = next(c, send(c.message()));
            wake();
        }
    }

    /** Records how {@code sent} went, moves its partner's circuit, and takes the lane's next row, if any. */
    private OutboxStore.Claimed next(OutboxStore.Claimed sent, SendResult result) {
        String recipient = sent.message().recipient();
        synchronized (lanes) {
            Lane lane = lanes.get(recipient);
            Instant notBefore = sent.message().channel().stream() == OutboxChannel.Stream.PARTNER
                    ? circuit(lane, sent, result)
                    : null;
            finished.add(new OutboxRecorder.Sent(sent, result, notBefore));
            if (lane.openUntil != null) {
                Instant now = clock.instant();
                for (OutboxStore.Claimed waiting; (waiting = lane.waiting.poll()) != null;) {
                    park(waiting, now);
                }
            }
            OutboxStore.Claimed next = running ? lane.waiting.poll() : null;
            if (next == null) {
                lane.running--;
                if (lane.idle()) {
                    lanes.remove(recipient);
                }
            }
            return next;
        }
    }

    /**
     * Moves a partner's circuit by one send's outcome (the caller holds the lanes' lock).
     *
     * @return when the row is tried again if the circuit is open: the next probe; otherwise null (the backoff)
     */
    private Instant circuit(Lane lane, OutboxStore.Claimed sent, SendResult result) {
        boolean probe = lane.probing;
        lane.probing = false;
        if (!result.attempted()) {
            return lane.openUntil;
        }
        if (result.kind() != SendResult.Kind.RETRY) {
            // the endpoint answered: whatever it said, it is there
            if (lane.openUntil != null) {
                LOG.infof("partner %s answers again: its circuit closes, its held deliveries are due",
                        sent.message().recipient());
                closed.add(sent.message().recipient());
            }
            lane.failures = 0;
            lane.opens = 0;
            lane.openUntil = null;
            return null;
        }
        lane.failures++;
        Instant now = clock.instant();
        if (lane.openUntil == null && lane.failures >= OPEN_AFTER) {
            lane.opens = 1;
            lane.openUntil = now.plus(probeDelay(1));
            LOG.warnf("partner %s failed %d times in a row (%s): its circuit opens; one delivery probes it, the others"
                    + " are held", sent.message().recipient(), lane.failures, result.detail());
        } else if (lane.openUntil != null && probe) {
            lane.opens++;
            lane.openUntil = now.plus(probeDelay(lane.opens));
        }
        Instant next = lane.openUntil;
        if (next != null && next.isAfter(sent.giveUpAt())) {
            // the row's next try would fall after its give-up time, so it gives up (the recorder's one rule); with
            // no row left to probe, the circuit closes and the partner's next rows find out afresh if it is back
            lane.openUntil = null;
            lane.opens = 0;
            lane.failures = 0;
        }
        return next;
    }

    /** The wait before the {@code opens}th probe: the retries' backoff, at most about a minute. */
    private Duration probeDelay(int opens) {
        return retry.backoff(opens, PROBE_EVERY_MAX);
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
