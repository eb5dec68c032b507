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
 * <p>Ages are measured on the broker client's clock ({@code JMSTimestamp} is set from the sender's system clock), not
 * the hub's injectable clock: a test clock moved by hours would otherwise read every message as hours old.
 * Redelivered and deferred messages are not counted: their age says when they were first sent, not how far behind the
 * stage is.
 */
@ApplicationScoped
public class PipelineLag {

    /** An observation older than this says nothing about the stage now (it has had nothing to take since). */
    static final long STALE_MILLIS = 2_000;

    /** The latest age a stage reported, and when. */
    private record Seen(long lagMillis, long atMillis) {
    }

    @Inject
    HubConfig config;
    @Inject
    MeterRegistry metrics;

    private final Map<String, Seen> stages = new ConcurrentHashMap<>();
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
        return lagMillis -> observed(name, lagMillis, System.currentTimeMillis());
    }

    /** Another limit ({@link java.time.Duration#ZERO}: never refuse), and forgets what stages said (tests). */
    synchronized void limit(java.time.Duration limit) {
        limitMillis = limit.toMillis();
        stages.clear();
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
        for (Seen seen : stages.values()) {
            if (nowMillis - seen.atMillis() <= STALE_MILLIS) {
                worst = Math.max(worst, seen.lagMillis());
            }
        }
        behind = behind ? worst > limitMillis / 2 : worst > limitMillis;
    }

    double secondsBehind(String stage, long nowMillis) {
        Seen seen = stages.get(stage);
        return seen == null || nowMillis - seen.atMillis() > STALE_MILLIS ? 0 : seen.lagMillis() / 1000.0;
    }
}
