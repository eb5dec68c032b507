package org.hotlinehub.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TicketCreated;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TicketRepository;
import org.hotlinehub.store.TimelineRepository;
import org.hotlinehub.store.VolunteerRepository;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Offers tickets to whoever the rules choose, and moves on to the next candidate when an offer is declined, expires
 * or is reassigned; when nobody is left the ticket goes to the supervisors' queue. Idempotent for new tickets: the
 * ticket row is locked and a ticket that already has assignments is left alone.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    static final String ACTOR = "hub:dispatch";
    public static final String EVENT_OFFERED = "assignment.offered";
    public static final String EVENT_CANCELLED = "assignment.cancelled";
    public static final String EVENT_RULING = "assignment.ruling";
    /** Tickets locked, read and offered together before the session is flushed and cleared. */
    static final int CHUNK = 64;

    @Inject
    TicketRepository tickets;
    @Inject
    AssignmentRepository assignments;
    @Inject
    TimelineRepository timeline;
    @Inject
    VolunteerRepository volunteers;
    @Inject
    PartnerSelector selector;
    @Inject
    DeliveryOutbox outbox;
    @Inject
    DeadlinePolicy deadlines;
    @Inject
    SupervisorAlerts supervisors;
    @Inject
    EmergencyOffers emergencies;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry metrics;

    /** The time the rule took to choose, per ticket decided: a party found, or nobody left. */
    private Timer decidedOffer;
    private Timer decidedNobody;

    @PostConstruct
    void meters() {
        decidedOffer = decisionTimer("offered");
        decidedNobody = decisionTimer("nobody");
    }

    private Timer decisionTimer(String outcome) {
        return Timer.builder("hub.dispatch.decision")
                .description("Time the dispatch rule took to choose a ticket's next party, per ticket decided (new"
                        + " tickets in chunks, and the next candidate after a decline, expiry or reassignment), by"
                        + " outcome: offered, or nobody left (the ticket escalates)")
                .tag("outcome", outcome).publishPercentileHistogram()
                // buckets around the target (P6: p99 within 5 ms; the median is under a millisecond)
                .minimumExpectedValue(Duration.of(100, ChronoUnit.MICROS)).maximumExpectedValue(Duration.ofSeconds(5))
                .register(metrics);
    }

    /**
     * Dispatches a batch of new tickets in one transaction, each ticket once, in the order of their ids (two batches
     * lock tickets in the same order, so they wait for each other instead of deadlocking). Per chunk of tickets: one
     * statement locks those still waiting for their first offer (a repeated event finds its ticket offered already
     * and leaves it alone), one query reads them (read-only) with what an offer reads, one statement writes their new
     * statuses, and the session is flushed and cleared after the chunk, so its dirty checking stays small. The
     * volunteers' offer times are written once, at the end (see {@link ChunkOffers}).
     */
    @Transactional
    public void dispatchAll(List<TicketCreated> events) {
        List<Long> ids = events.stream().filter(e -> !e.triage()).map(TicketCreated::ticketId).distinct().sorted()
                .toList();
        ChunkOffers offers = new ChunkOffers();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            List<Long> waiting = tickets.lockAwaitingFirstOffer(chunk);
            if (waiting.size() < chunk.size()) {
                LOG.debugf("%d of %d tickets already offered or out of intake's hands, left alone",
                        chunk.size() - waiting.size(), chunk.size());
            }
            // Decide for every ticket first, then offer. The chosen partners and volunteers stay references: what an
            // offer needs of them (type, delivery channel, give-up time, code) came with the rule's lookups
            // (Choice.Party), so no row of theirs is loaded.
            List<Decision> decisions = new ArrayList<>(waiting.size());
            List<TicketEntity> emergencyTickets = new ArrayList<>(0);
            List<TicketEntity> read = tickets.withOfferDetails(waiting);
            Set<Long> raised = emergencies.raisedAmong(read);
            for (TicketEntity ticket : read) {
                if (raised.contains(ticket.id)) {
                    emergencyTickets.add(ticket); // offered to several parties at once, below
                } else {
                    decisions.add(decide(ticket, List.of(), offers));
                }
            }
            decisions.forEach(d -> carryOut(d, offers));
            emergencyTickets.forEach(t -> emergencies.offerAtOnce(t, offers));
            outbox.enqueueAll(offers.deliveries());
            timeline.recordAll(offers.timeline());
            tickets.writeStatuses(offers.changedTickets());
            LOG.debugf("%d new ticket(s) offered or escalated", waiting.size());
            tickets.getEntityManager().flush();
            tickets.getEntityManager().clear();
            offers.chunkWritten();
        }
        volunteers.markOffered(offers.volunteersOfferedAt());
    }

    /**
     * Offers the ticket to the next candidate nobody has tried yet, or escalates it to a supervisor. An emergency
     * whose parallel offers are out is not escalated one by one: the declined or expired offer is replaced by the
     * next nearest volunteer, and its window decides when it goes to the operators ({@link EmergencyOffers}).
     */
    void offerNext(TicketEntity ticket) {
        if (emergencies.open(ticket)) {
            emergencies.replace(ticket);
            return;
        }
        offerNext(ticket, assignments.forTicket(ticket.id), null);
    }

    /**
     * As {@link #offerNext(TicketEntity)}, with the ticket's assignments so far already read, inside a chunk whose
     * offers are written at its end ({@code chunk}; null: each query sees everything written first).
     */
    private void offerNext(TicketEntity ticket, List<AssignmentEntity> earlier, ChunkOffers chunk) {
        carryOut(decide(ticket, earlier, chunk), chunk);
    }

    /**
     * What the rules decide for a ticket: the next party and when it was chosen (the offer's time), or why nobody
     * (the ticket escalates).
     */
    private record Decision(TicketEntity ticket, Choice choice, Instant at, int decisionMicros, String noParty) {
    }

    /**
     * Chooses the next candidate nobody has tried yet. Inside a chunk a volunteer's offer counts at once in the
     * chunk's load and turn, so the chunk's next decisions see it.
     */
    private Decision decide(TicketEntity ticket, List<AssignmentEntity> earlier, ChunkOffers chunk) {
        if (ticket.category == null || ticket.place == null) {
            // nothing to choose a next party by (e.g. an offer made by hand on an unclassified ticket): people decide
            return new Decision(ticket, null, null, 0, (ticket.category == null
                    ? SystemReason.NO_CATEGORY_TO_CHOOSE_BY
                    : SystemReason.NO_PLACE_TO_CHOOSE_BY).text() + "; " + SystemReason.OPERATOR_MUST_ASSIGN.text());
        }
        long started = System.nanoTime();
        var choice = selector.choose(ticket.category, ticket.place, Tried.of(earlier), chunk);
        long took = System.nanoTime() - started;
        (choice.isEmpty() ? decidedNobody : decidedOffer).record(took, TimeUnit.NANOSECONDS);
        int decisionMicros = (int) Math.min(Integer.MAX_VALUE, took / 1000);
        if (choice.isEmpty()) {
            return new Decision(ticket, null, null, decisionMicros,
                    SystemReason.NO_PARTY_LEFT.text(ticket.category.code, ticket.place.code));
        }
        Instant at = clock.instant();
        if (chunk != null && choice.get().volunteer() != null) {
            chunk.offered(choice.get().volunteer().id, at);
        }
        return new Decision(ticket, choice.get(), at, decisionMicros, null);
    }

    /** Makes the decided offer, or escalates the ticket to a supervisor. */
    private void carryOut(Decision d, ChunkOffers chunk) {
        if (d.choice() == null) {
            escalate(d.ticket(), d.noParty(), chunk);
        } else {
            offer(d.ticket(), d.choice(), AssignmentEntity.ROLE_LEAD, ACTOR, d.decisionMicros(), chunk, d.at());
        }
    }

    AssignmentEntity offer(TicketEntity ticket, Choice choice, String role, String actor) {
        return offer(ticket, choice, role, actor, null, null, clock.instant());
    }

    /**
     * One of an emergency's parallel offers, all made at {@code now} and answered by {@code acceptBy} (the end of its
     * window), inside the dispatch chunk ({@code chunk} null: a replacement, written now).
     */
    AssignmentEntity offerEmergency(TicketEntity ticket, Choice choice, Instant now, Instant acceptBy,
            ChunkOffers chunk) {
        if (chunk != null && choice.volunteer() != null) {
            chunk.offered(choice.volunteer().id, now);
        }
        return offer(ticket, choice, AssignmentEntity.ROLE_LEAD, ACTOR, null, chunk, now, acceptBy);
    }

    /**
     * As above, at {@code now}, with how long the rules took to choose ({@code decisionMicros}, null for a choice made
     * by a person), set before the assignment is persisted so that its row is written once. Inside a chunk
     * ({@code chunk} not null) the offer's outbox row and timeline entry are written with the chunk's others.
     */
    private AssignmentEntity offer(TicketEntity ticket, Choice choice, String role, String actor,
            Integer decisionMicros, ChunkOffers chunk, Instant now) {
        return offer(ticket, choice, role, actor, decisionMicros, chunk, now, null);
    }

    /** As above; {@code acceptBy} not null replaces the catalog's accept-by (an emergency's window). */
    private AssignmentEntity offer(TicketEntity ticket, Choice choice, String role, String actor,
            Integer decisionMicros, ChunkOffers chunk, Instant now, Instant acceptBy) {
        AssignmentEntity a = new AssignmentEntity();
        a.ticket = ticket;
        a.partner = choice.partner();
        a.volunteer = choice.volunteer();
        a.role = role;
        a.state = AssignmentState.OFFERED;
        a.reason = choice.reason();
        a.offeredAt = now;
        a.updatedAt = now;
        a.decisionMicros = decisionMicros;
        a.catalogVersion = choice.catalogVersion();
        Choice.Party party = choice.party();
        deadlines.start(a, party.type());
        if (acceptBy != null) {
            // an emergency's window is minutes: no warning before it ends, the window's end is the warning
            a.acceptBy = acceptBy;
            a.acceptWarnAt = acceptBy;
        }
        assignments.persist(a);
        if (a.volunteer != null && chunk == null) {
            a.volunteer.lastOfferedAt = now; // a chunk's are written at its batch's end
        }
        if (AssignmentEntity.ROLE_LEAD.equals(role)) {
            ticket.status = TicketStatus.DISPATCHED;
            ticket.triageReason = null;
        }
        ticket.updatedAt = now;
        if (chunk != null) {
            chunk.changed(ticket); // read-only in a chunk: written with the chunk's others
        }
        boolean pushed = chunk == null
                ? outbox.enqueue(a, EVENT_OFFERED)
                : outbox.delivery(a, EVENT_OFFERED, party).map(chunk::deliver).isPresent();
        TimelineRepository.Entry entry = new TimelineRepository.Entry(ticket.id,
                AssignmentEntity.ROLE_LEAD.equals(role) ? TimelineKind.DISPATCHED : TimelineKind.SUPPORT_ADDED, actor,
                null, a.reason + (pushed ? "" : "; " + SystemReason.PICKED_UP.text()));
        record(entry, chunk);
        LOG.debugf("ticket %s offered to %s (%s): %s", ticket.reference, party.code(), role, a.reason);
        return a;
    }

    /** Closes an assignment the hub takes back (expiry, reassignment) and tells its holder. */
    void withdraw(AssignmentEntity a, AssignmentState state, TimelineKind kind, String actor, String detail) {
        a.state = state;
        a.updatedAt = clock.instant();
        a.closedReason = detail;
        timeline.record(a.ticket.id, kind, actor, null, detail);
        outbox.enqueue(a, EVENT_CANCELLED);
    }

    void escalate(TicketEntity ticket, String reason) {
        escalate(ticket, reason, null);
    }

    /** As above, inside a dispatch chunk ({@code chunk} null: written now). */
    void escalate(TicketEntity ticket, String reason, ChunkOffers chunk) {
        ticket.status = TicketStatus.TRIAGE;
        ticket.triageReason = reason;
        ticket.updatedAt = clock.instant();
        if (chunk != null) {
            chunk.changed(ticket);
        }
        record(new TimelineRepository.Entry(ticket.id, TimelineKind.ESCALATED, ACTOR, null, reason), chunk);
        supervisors.alert("queue-" + ticket.id + "-" + ticket.updatedAt.toEpochMilli(), ticket,
                "工单" + ticket.reference + "无人承接，已转主管处理。",
                "Ticket " + ticket.reference + " is in the supervisors' queue: " + reason);
    }

    /** Writes the entry now, or with the chunk's other entries at its end. */
    private void record(TimelineRepository.Entry entry, ChunkOffers chunk) {
        if (chunk == null) {
            timeline.record(entry.ticketId(), entry.kind(), entry.actor(), entry.channel(), entry.detail());
        } else {
            chunk.record(entry);
        }
    }
}
