package org.hotlinehub.connectors.web;

import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.port.IntakeQueue;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounds the contacts being taken in at once (form, Open311, SMS, WeChat, API tickets): each holds a worker thread
 * until the broker has its message in the journal. When {@code hub.intake.max-in-flight} are already in flight, a new
 * one is answered 503 with {@code Retry-After} at once, on the event loop, without parsing its body — the sender
 * retries (Twilio with a connection override such as {@code #rc=3&rp=5xx}, or its fallback URL; WeChat shows the
 * resident "try again"; forms and API clients by Retry-After) and nothing unacknowledged is lost. So a surge gets
 * fast answers instead of time-outs, and the hub answers normally as soon as it ends. The same answer, for the same
 * reasons, while the intake queue is known to refuse contacts ({@link IntakeQueue#accepting()}: the broker away), so
 * no sender waits behind others only to be refused. While the stages after the queue are too far behind
 * ({@link IntakeQueue#behind()}) the 503 waits {@value #HOLD_WHILE_BEHIND_MS} ms first, on a timer. Voice calls are not bounded here: a caller must never hear an
 * error, and phone lines bound them anyway.
 */
@ApplicationScoped
public class IntakeAdmission {

    /** POST paths that submit a contact. */
    static final Set<String> INTAKE_PATHS = Set.of("/report", "/open311/v2/requests.json", "/open311/v2/requests.xml",
            "/open311/v2/requests", "/twilio/sms", "/wechat", "/api/v1/tickets");
    static final int FILTER_PRIORITY = 200;
    /** How long a refusal waits while the pipeline is behind: well within the 100 ms a 503 must take (issue 16). */
    public static final long HOLD_WHILE_BEHIND_MS = 80;
    /** Bodies up to this size are read before the request goes to a worker (a report without a photo is ~1 KiB). */
    static final long READ_AHEAD_MAX_BYTES = 64 * 1024;

    @Inject
    HubConfig config;
    @Inject
    IntakeQueue intake;

    private Semaphore permits;
    private final AtomicLong refused = new AtomicLong();

    void register(@Observes Filters filters) {
        permits = new Semaphore(config.intake().maxInFlight());
        filters.register(this::admit, FILTER_PRIORITY);
    }

    void admit(RoutingContext rc) {
        if (rc.request().method() != HttpMethod.POST || !INTAKE_PATHS.contains(rc.normalizedPath())) {
            rc.next();
            return;
        }
        if (intake.behind()) {
            // the stages are minutes of work away from this contact: a client that ignores Retry-After and asks
            // again at once would spend on refusals the CPU they need, so its answer waits a moment (on a timer)
            refused.incrementAndGet();
            rc.vertx().setTimer(HOLD_WHILE_BEHIND_MS, id -> refuse(rc));
            return;
        }
        if (!intake.accepting() || !permits.tryAcquire()) {
            refused.incrementAndGet();
            refuse(rc);
            return;
        }
        rc.put(IntakeQueue.ADMITTED_AT_NANOS, System.nanoTime());
        rc.addEndHandler(done -> permits.release());
        if (!smallBody(rc)) {
            rc.next();
            return;
        }
        // A small body is read here, on the event loop, before the request goes to a worker thread: the REST layer
        // then parses it from memory. Otherwise the worker waited for each chunk of it from the event loop, a hand-off
        // that cost a fifth of the workers' CPU under load (BENCHMARKS.md, round 18); a slow sender now holds no
        // worker while its body trickles in.
        rc.request().body().onComplete(read -> {
            if (read.succeeded()) {
                rc.setBody(read.result());
                rc.next();
            } else {
                rc.fail(read.cause());
            }
        });
        rc.request().resume(); // the server holds a request's body until a handler asks for it
    }

    /**
     * An HTTP/1.x body whose declared length is known and at most {@value #READ_AHEAD_MAX_BYTES} bytes. Not HTTP/2 (a
     * client's h2c upgrade, as the JDK's HttpClient makes by default): its request refuses the pause the REST layer
     * makes once the body has been read (a 500, found by HubRestartIT).
     */
    private static boolean smallBody(RoutingContext rc) {
        HttpVersion version = rc.request().version();
        if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
            return false;
        }
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || rc.body().available()) {
            return false;
        }
        try {
            long n = Long.parseLong(length.trim());
            return n >= 0 && n <= READ_AHEAD_MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void refuse(RoutingContext rc) {
        if (rc.response().ended() || rc.response().closed()) {
            return;
        }
        boolean english = Languages.english(null, rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        rc.response().setStatusCode(503).putHeader("Retry-After", "1")
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .end(Languages.messages(english).errIntakeBusy());
    }

    /** Contacts refused since start because the intake was saturated or its queue refusing. */
    public long refused() {
        return refused.get();
    }

    /** The permits: a test holds them all to see the saturated edge. */
    Semaphore permits() {
        return permits;
    }
}
