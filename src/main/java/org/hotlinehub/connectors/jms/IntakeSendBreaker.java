package org.hotlinehub.connectors.jms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * The circuit breaker (SmallRye Fault Tolerance) around the intake's durable send. While the broker is away (killed,
 * restarting, failing over) each send waits for the client's call-failover and call time-outs before it fails, so
 * without it every sender would wait seconds for its 503. When at least half of the last {@value #WINDOW} sends
 * failed, the breaker opens: sends fail at once for {@value #OPEN_MS} ms, then one trial send goes to the broker, and
 * its success closes the breaker again. Only failures count, and a send the broker has not confirmed within
 * {@code hub.intake.send-timeout} (its sender already has a 503): a busy broker that confirms sends in time does not
 * open it.
 * <p>
 * Its state is on the metrics endpoint ({@code ft_circuitbreaker_state_total}, method
 * {@code ...IntakeSendBreaker.send}) and every change is logged. The values can be overridden with the standard
 * MicroProfile Fault Tolerance keys, e.g.
 * {@code org.hotlinehub.connectors.jms.IntakeSendBreaker/send/CircuitBreaker/delay=5000}; {@link #refusing()} keeps
 * to the default open period, so with a longer delay contacts past it reach the breaker and are refused there, still
 * at once.
 */
@ApplicationScoped
public class IntakeSendBreaker {

    public static final String NAME = "intake-send";
    static final int WINDOW = 8;
    static final long OPEN_MS = 2000;

    private static final Logger LOG = Logger.getLogger(IntakeSendBreaker.class);

    @Inject
    CircuitBreakerMaintenance maintenance;

    /** When the breaker last opened (System.nanoTime), or 0. */
    private volatile long openedAt;

    void logChanges(@Observes StartupEvent start) {
        maintenance.onStateChange(NAME, this::changed);
    }

    private void changed(CircuitBreakerState state) {
        if (state == CircuitBreakerState.OPEN) {
            openedAt = System.nanoTime();
        }
        switch (state) {
            case OPEN -> LOG.warn("intake send circuit breaker OPEN: the broker is failing sends; new contacts are"
                    + " answered 503 at once until a trial send succeeds");
            case HALF_OPEN -> LOG.info("intake send circuit breaker HALF_OPEN: trying the broker again");
            case CLOSED -> LOG.info("intake send circuit breaker CLOSED: the broker takes contacts again");
        }
    }

    /**
     * Runs the send unless the breaker is open.
     *
     * @throws org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException at once while it is open
     */
    @CircuitBreaker(requestVolumeThreshold = WINDOW, failureRatio = 0.5, delay = OPEN_MS, successThreshold = 1)
    @CircuitBreakerName(NAME)
    public void send(Runnable send) {
        send.run();
    }

    /** The breaker's state now. */
    public CircuitBreakerState state() {
        return maintenance.currentState(NAME);
    }

    /**
     * Whether a send would be refused at once now: the breaker is open and its open period has not passed. (An open
     * breaker turns half-open only when a send arrives after that period, so callers that stop asking while it is open
     * must let sends through again once it has passed.)
     */
    public boolean refusing() {
        return state() == CircuitBreakerState.OPEN && System.nanoTime() - openedAt < OPEN_MS * 1_000_000;
    }
}
