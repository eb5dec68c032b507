package org.hotlinehub.connectors.jms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How far the stages between a contact and its offer (intake, dispatch) are behind: the age of the messages their
 * batches take, as each batch is taken ({@link JmsBatchConsumer}). While a stage is more than
 * {@code hub.intake.max-pipeline-lag} behind, the edge refuses new contacts with a 503 and {@code Retry-After}
 * ({@link IntakeQueueSender#accepting()}), as it does when the broker is away: the hub then stops promising what it
 * cannot do soon, the backlog it holds stays bounded (a backlog of tens of thousands of contacts filled the heap and
 * paused the collector for 800 ms, BENCHMARKS.md round 14), and the CPU the acknowledgements took goes to the stages.
 * It takes contacts again once the stage is within half that lag, or has said nothing for {@link #STALE_MILLIS} (a
 * stage with nothing to take reports nothing). A stage that cannot work (the database away) still takes messages and
 * sees them grow old, so the edge refuses then too; what was acknowledged stays durable on the broker.
 *
 * <p>The age of the message a stage takes now understates the wait of the contact accepted now when the edge accepts
 * faster than the stage works: the contacts accepted since that message (counted here, {@link #accepted}) are still
 * ahead of it. So a stage is as far behind as the larger of that age and the time the stage needs, at its pace while
 * busy, for the contacts this instance accepted within that age. Measured by the age
 * alone, a surge from 512 clients that the edge took at 976/s while dispatch carried 450/s filled 23 s of work before
 * the edge refused, and the edge refused for 25 s after the surge ended (BENCHMARKS.md, round 18). Each instance
 * counts its own contacts and its own stages' pace: behind a load balancer the two are shares of the same whole.
 *
 * <p>Ages are measured on the broker client's clock ({@code JMSTimestamp} is set from the sender's system clock), not
 * the hub's injectable clock: a test clock moved by hours would otherwise read every message as hours old.
 * Redelivered and deferred messages are not counted: their age says when they were first sent, not how far behind the
 * stage is.
 */
@ApplicationScoped
public class PipelineLag {

    /** An observation older than this says nothing about the stage now (it has had nothing to take since). */
    static final long STALE_MILLIS = 2_000;
    /** A stage's pace is what it took over the age of what it takes now, up to this long. */
    static final long PACE_MILLIS = 5_000;
    /** A stage taking messages younger than this is judged by their age alone. */
    static final long MIN_PACE_MILLIS = 1_000;

    /** The latest age a stage reported, and when. */
    private record Seen(long lagMillis, long atMillis) {
    }

    /** Counts per quarter second over the last minute: the contacts accepted, or the messages a stage took. */
    static final class Counts {

        static final int SLOT_MILLIS = 250;
        private static final int SLOTS = 256;
        private final long[] slot = new long[SLOTS];
        private final long[] count = new long[SLOTS];

        synchronized void add(long nowMillis, long n) {
            long s = nowMillis / SLOT_MILLIS;
            int i = (int) (s % SLOTS);
            if (slot[i] != s) {
                slot[i] = s;
                count[i] = 0;
            }
            count[i] += n;
        }

        /** What was counted from {@code fromMillis} (to the quarter second) up to now, at most a minute back. */
        synchronized long since(long fromMillis, long nowMillis) {
            long first = Math.max(fromMillis / SLOT_MILLIS, nowMillis / SLOT_MILLIS - SLOTS + 1);
            long last = nowMillis / SLOT_MILLIS;
            long sum = 0;
            for (long s = first; s <= last; s++) {
                int i = (int) (s % SLOTS);
                if (slot[i] == s) {
                    sum += count[i];
                }
            }
            return sum;
        }
    }

    @Inject
    HubConfig config;
    @Inject
    MeterRegistry metrics;

    private final Map<String, Seen> stages = new ConcurrentHashMap<>();
    private final Map<String, Counts> paces = new ConcurrentHashMap<>();
    private final Counts acceptedCounts = new Counts();
    private volatile boolean behind;
    private long limitMillis;

    @PostConstruct
    void limit() {
        limitMillis = config.intake().maxPipelineLag().toMillis();
    }

    /** A sink for one stage's observations, to give its {@link JmsBatchConsumer}; with a gauge of its lag. */
    public JmsBatchConsumer.LagSink stage(String name) {
        Gauge.builder("hub.pipeline.lag", this, lag -> lag.secondsBehind(name, System.currentTimeMillis()))
                .description("How far behind the stage is: the age of the messages its last batch took, in seconds"
                        + " (0 when it has taken nothing for 2 s); over hub.intake.max-pipeline-lag, new contacts"
                        + " are answered 503")
                .tag("stage", name).baseUnit("seconds").register(metrics);
        return new JmsBatchConsumer.LagSink() {

            @Override
            public void observed(long lagMillis) {
                PipelineLag.this.observed(name, lagMillis, System.currentTimeMillis());
            }

            @Override
            public void taken(int messages) {
                PipelineLag.this.taken(name, messages, System.currentTimeMillis());
            }
        };
    }

    /** A contact this instance's edge accepted (its durable send confirmed). */
    public void accepted(long nowMillis) {
        acceptedCounts.add(nowMillis, 1);
    }

    void taken(String stage, int messages, long nowMillis) {
        paces.computeIfAbsent(stage, s -> new Counts()).add(nowMillis, messages);
    }

    /**
     * How far behind the stage is for a contact accepted now: the age of what it takes, or, when more, the time it
     * needs at its pace for the contacts accepted within that age. The pace is what it took within that age (at most
     * {@value #PACE_MILLIS} ms): a stage taking a message that waited that long has had messages waiting all that
     * time, so it was busy then; over a longer window its idle time before a burst would read as slowness (an idle
     * hub given twenty contacts in a row refused the later ones). Under {@value #MIN_PACE_MILLIS} ms the quarter-second
     * counts cannot tell a pace, and the age alone is the answer.
     */
    private long behindMillis(String stage, Seen seen, long nowMillis) {
        Counts pace = paces.get(stage);
        if (pace == null || seen.lagMillis() < MIN_PACE_MILLIS) {
            return seen.lagMillis();
        }
        long windowMillis = Math.min(seen.lagMillis(), PACE_MILLIS);
        long taken = pace.since(nowMillis - windowMillis, nowMillis);
        long ahead = acceptedCounts.since(nowMillis - seen.lagMillis(), nowMillis);
        long needMillis = taken == 0 ? 0 : ahead * windowMillis / taken;
        return Math.max(seen.lagMillis(), needMillis);
    }

    /** Another limit ({@link java.time.Duration#ZERO}: never refuse), and forgets what stages said (tests). */
    synchronized void limit(java.time.Duration limit) {
        limitMillis = limit.toMillis();
        stages.clear();
        paces.clear();
        behind = false;
    }

    void observed(String stage, long lagMillis, long nowMillis) {
        stages.put(stage, new Seen(lagMillis, nowMillis));
        decide(nowMillis);
    }

    /** Whether new contacts should be refused now: some stage is too far behind. */
    public boolean behind() {
        if (limitMillis <= 0) {
            return false;
        }
        if (behind) {
            // nobody reports while stages have nothing to take: decide again on the clock
            decide(System.currentTimeMillis());
        }
        return behind;
    }

    /** Refusing from over the limit until every stage is within half of it (or silent), so the edge does not flap. */
    synchronized void decide(long nowMillis) {
        if (limitMillis <= 0) {
            return;
        }
        long worst = 0;
        for (Map.Entry<String, Seen> e : stages.entrySet()) {
            Seen seen = e.getValue();
            if (nowMillis - seen.atMillis() <= STALE_MILLIS) {
                worst = Math.max(worst, behindMillis(e.getKey(), seen, nowMillis));
            }
        }
        behind = behind ? worst > limitMillis / 2 : worst > limitMillis;
    }

    /** {@link #behind()} at {@code nowMillis} (tests). */
    synchronized boolean behindAt(long nowMillis) {
        decide(nowMillis);
        return behind;
    }

    double secondsBehind(String stage, long nowMillis) {
        Seen seen = stages.get(stage);
        return seen == null || nowMillis - seen.atMillis() > STALE_MILLIS ? 0 : seen.lagMillis() / 1000.0;
    }
}
