package org.hotlinehub.dispatch;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.TicketCreated;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TicketRepository;
import org.hotlinehub.store.TimelineRepository;
import org.jboss.logging.Logger;

/**
 * Offers a new ticket to the partner the rules choose. Idempotent: the ticket row is locked and a ticket that already
 * has assignments is left alone, so a redelivered {@link TicketCreated} changes nothing.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    static final String ACTOR = "hub:dispatch";
    public static final String EVENT_OFFERED = "assignment.offered";

    @Inject
    TicketRepository tickets;
    @Inject
    AssignmentRepository assignments;
    @Inject
    TimelineRepository timeline;
    @Inject
    PartnerSelector selector;
    @Inject
    DeliveryOutbox outbox;

    @Transactional
    public void dispatch(TicketCreated event) {
        TicketEntity ticket = tickets.findById(event.ticketId(), LockModeType.PESSIMISTIC_WRITE);
        if (ticket == null) {
            throw new IllegalStateException("ticket " + event.ticketId() + " not found for dispatch");
        }
        if (ticket.status != TicketStatus.RECEIVED || !assignments.forTicket(ticket.id).isEmpty()) {
            LOG.debugf("ticket %s already %s, nothing to dispatch", ticket.reference, ticket.status);
            return;
        }
        offerNext(ticket, Set.of());
    }

    /** Offers the ticket to the next partner the rules allow, or hands it to a supervisor when none is left. */
    void offerNext(TicketEntity ticket, Set<Long> excludedPartnerIds) {
        var choice = selector.choose(ticket.category, ticket.place, excludedPartnerIds);
        if (choice.isEmpty()) {
            ticket.status = TicketStatus.TRIAGE;
            ticket.triageReason = "no partner left for " + ticket.category.code + " at " + ticket.place.code;
            ticket.updatedAt = Instant.now();
            timeline.record(ticket.id, TimelineKind.ESCALATED, ACTOR, null, ticket.triageReason);
            return;
        }
        Instant now = Instant.now();
        AssignmentEntity a = new AssignmentEntity();
        a.ticket = ticket;
        a.partner = choice.get().partner();
        a.state = AssignmentState.OFFERED;
        a.reason = choice.get().reason();
        a.offeredAt = now;
        a.acceptBy = now.plus(ticket.category.acceptWithin());
        a.resolveBy = now.plus(ticket.category.resolveWithin());
        assignments.persist(a);
        ticket.status = TicketStatus.DISPATCHED;
        ticket.updatedAt = now;
        boolean pushed = outbox.enqueue(a, EVENT_OFFERED);
        timeline.record(ticket.id, TimelineKind.DISPATCHED, ACTOR, null, a.reason
                + (pushed ? "" : "; the partner picks it up in the portal / partner API"));
        LOG.infof("ticket %s offered to %s: %s", ticket.reference, a.partner.code, a.reason);
    }

    static Set<Long> partnersAlreadyTried(AssignmentRepository assignments, long ticketId) {
        return assignments.forTicket(ticketId).stream().map(x -> x.partner.id).collect(Collectors.toSet());
    }

    static void recordPartnerStep(TimelineRepository timeline, AssignmentEntity a, TimelineKind kind,
            String detail) {
        timeline.record(a.ticket.id, kind, "partner:" + a.partner.code, Channel.API, detail);
    }
}
