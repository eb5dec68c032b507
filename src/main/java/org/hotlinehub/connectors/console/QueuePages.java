package org.hotlinehub.connectors.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.QueueItem;
import org.hotlinehub.model.SurgeItem;
import org.hotlinehub.model.port.TicketChanges;
import org.hotlinehub.model.port.WorkQueue;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The operators' live queue: the open incidents' surges with their reports per channel (confirmed on the incident's
 * page), then triage items and new tickets, most pressing first. The page listens to a server-sent
 * event stream that carries the queue's fingerprint whenever it changed and reloads the table (htmx). A ticket event
 * from any hub node (hub.events, {@link TicketChanges}) makes the stream look at once; it also looks every few seconds.
 */
@Path("/console/queue")
@RolesAllowed(Caller.OPERATOR)
public class QueuePages {

    static final int LIMIT = 200;
    /** The open incidents' surges shown above the queue. */
    static final int SURGES = 20;
    static final Duration POLL = Duration.ofSeconds(2);
    /** How often a stream looks whether a ticket event arrived. */
    static final Duration CHECK = Duration.ofMillis(250);
    /** Mutiny refuses a zero delay; the first fingerprint goes out at once all the same. */
    static final Duration FIRST = Duration.ofMillis(1);

    @Inject
    WorkQueue queue;
    @Inject
    StaffRequest request;
    @Inject
    TicketChanges changes;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance queue(ConsolePage page, List<SurgeItem> surges, List<QueueItem> triage,
                List<QueueItem> fresh, String fingerprint, Instant now);

        static native TemplateInstance queue$items(ConsolePage page, List<SurgeItem> surges,
                List<QueueItem> triage, List<QueueItem> fresh, String fingerprint, Instant now);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The operators' live queue (console page)")
    public Response page() {
        return render(true);
    }

    @GET
    @Path("/items")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The queue's table (htmx fragment)")
    public Response items() {
        return render(false);
    }

    /** The whole page, or only the table that htmx swaps in. */
    private Response render(boolean whole) {
        ConsolePage page = request.page("/console/queue");
        String fingerprint = queue.fingerprint(LIMIT);
        List<QueueItem> items = queue.items(LIMIT);
        List<QueueItem> triage = triage(items, true);
        List<QueueItem> fresh = triage(items, false);
        List<SurgeItem> surges = queue.surges(SURGES);
        return ConsoleResource.html(page, whole ? request.lang() : null, whole
                ? Templates.queue(page, surges, triage, fresh, fingerprint, page.now())
                : Templates.queue$items(page, surges, triage, fresh, fingerprint, page.now()));
    }

    private static List<QueueItem> triage(List<QueueItem> items, boolean triage) {
        return items.stream().filter(i -> i.triage() == triage).toList();
    }

    /**
     * The queue's fingerprint now and whenever it changes: checked as soon as a ticket event from any node arrives (at
     * most every {@link #CHECK}), and every {@link #POLL} regardless.
     */
    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @Operation(summary = "Server-sent events: the queue's fingerprint whenever it changes")
    public Multi<String> events() {
        return Multi.createFrom().resource(() -> new Watch(changes), watch -> Multi.createFrom().ticks()
                .startingAfter(FIRST).every(CHECK).onOverflow().drop().filter(tick -> watch.due())
                .emitOn(Infrastructure.getDefaultWorkerPool()).map(tick -> queue.fingerprint(LIMIT)).skip()
                .repetitions())
                .withFinalizer(Watch::close);
    }

    /** One stream's following of the ticket changes: due when something changed since its last look, or every POLL. */
    static final class Watch {

        private final TicketChanges changes;
        private final TicketChanges.Following following;
        private long seen = -1;
        private long nextPoll;

        Watch(TicketChanges changes) {
            this.changes = changes;
            this.following = changes.follow();
        }

        synchronized boolean due() {
            long count = changes.count();
            long now = System.nanoTime();
            if (count != seen || seen < 0 || now - nextPoll >= 0) {
                seen = count;
                nextPoll = now + POLL.toNanos();
                return true;
            }
            return false;
        }

        void close() {
            following.close();
        }
    }
}
