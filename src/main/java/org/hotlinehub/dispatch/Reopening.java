package org.hotlinehub.dispatch;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hotlinehub.model.IllegalTransitionException;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TicketReopened;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.PartnerRepository;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TicketRepository;
import org.hotlinehub.store.TimelineRepository;

/**
 * The one way a ticket reopens, for staff (casework) and for a resident's "not solved" (the survey, through
 * {@link TicketReopened}), inside the caller's transaction. A resolved, closed or cancelled ticket may reopen; a
 * merged one may not (its primary carries on). It is handed on to the party that had it ({@code same}, the default:
 * first-contact responsibility, 首接负责制), to the next candidate by the rules ({@code next}), to the supervisors'
 * queue ({@code supervisor}) or to a partner named by staff — with deadlines counted afresh from the hub's clock. The
 * ticket keeps the status REOPENED until the party accepts, so the console shows it came back. docs/architecture.md,
 * "Which package owns which rule".
 */
@ApplicationScoped
public class Reopening {

    /** The statuses a ticket may be reopened from; every other one is open, or merged into another ticket. */
    static final Set<TicketStatus> REOPENABLE = EnumSet.of(TicketStatus.RESOLVED, TicketStatus.CLOSED,
            TicketStatus.CANCELLED);

    @Inject
    TicketRepository tickets;
    @Inject
    AssignmentRepository assignments;
    @Inject
    PartnerRepository partners;
    @Inject
    TimelineRepository timeline;
    @Inject
    Dispatcher dispatcher;

    /** The survey's way in: it cannot call dispatch, which asks it the call-back question. */
    void onReopened(@Observes TicketReopened event) {
        reopen(tickets.findById(event.ticketId()), event);
    }

    /**
     * Reopens {@code ticket} (locked by the caller) and hands it on to {@code request.to()}.
     *
     * @throws IllegalTransitionException when the ticket is open or merged
     * @throws NotFoundException when {@code to} names no active partner
     */
    public void reopen(TicketEntity ticket, TicketReopened request) {
        if (ticket.status == TicketStatus.MERGED) {
            throw new IllegalTransitionException("ticket " + ticket.reference + " was merged into another ticket;"
                    + " reopen that one");
        }
        if (!REOPENABLE.contains(ticket.status)) {
            throw new IllegalTransitionException("ticket " + ticket.reference + " is "
                    + ticket.status.name().toLowerCase().replace('_', ' ')
                    + "; only a resolved, closed or cancelled ticket can be reopened");
        }
        String to = request.to();
        String why = SystemReason.REOPENED.text(request.reason());
        Optional<Choice> named = switch (to) {
            case TicketReopened.SAME, TicketReopened.NEXT, TicketReopened.SUPERVISOR -> Optional.empty();
            default -> Optional.of(Choice.partner(partners.findByCode(to).filter(p -> p.active)
                    .orElseThrow(() -> new NotFoundException("no active partner " + to)),
                    why + "; assigned to " + to + " by " + request.actor()));
        };
        ticket.status = TicketStatus.REOPENED; // its updated_at: the offer or escalation below, by the hub's clock
        timeline.record(ticket.id, TimelineKind.REOPENED, request.actor(), request.channel(),
                SystemReason.REOPENED_BY.text(request.actor(), request.reason()));
        handOn(ticket, to, named, request.actor(), why);
        if (ticket.status == TicketStatus.DISPATCHED) {
            ticket.status = TicketStatus.REOPENED; // until the party accepts, the queue shows it came back
        }
    }

    /**
     * A party the hub already knows (the one that had it, or the one staff named) gets it back with the category's
     * deadlines; choosing one by the rules needs the place as well. Without them, the supervisors decide.
     */
    private void handOn(TicketEntity ticket, String to, Optional<Choice> named, String actor, String why) {
        if (TicketReopened.SUPERVISOR.equals(to)) {
            dispatcher.escalate(ticket, why + "; " + SystemReason.SUPERVISORS_DECIDE.text());
            return;
        }
        if (ticket.category == null) {
            dispatcher.escalate(ticket, why + "; " + SystemReason.NEEDS_CATEGORY.text());
            return;
        }
        Optional<Choice> choice = TicketReopened.SAME.equals(to) ? previousHolder(ticket, why) : named;
        if (choice.isPresent()) {
            dispatcher.offer(ticket, choice.get(), AssignmentEntity.ROLE_LEAD, actor);
        } else if (ticket.place == null) {
            dispatcher.escalate(ticket, why + "; " + SystemReason.NEEDS_PLACE.text());
        } else {
            dispatcher.offerNext(ticket);
        }
    }

    /** The last lead, while it is still active. */
    private Optional<Choice> previousHolder(TicketEntity ticket, String why) {
        return assignments.latestLead(ticket.id).filter(a -> a.partner != null ? a.partner.active : a.volunteer.active)
                .map(a -> new Choice(a.partner, a.volunteer, why + "; back to " + a.assigneeCode() + ", who had it"));
    }
}
