package org.hotlinehub.dispatch;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.PartnerRepository;
import org.hotlinehub.store.TicketEntity;

/**
 * Dispatch as operators' casework needs it, inside the caller's transaction: dispatch a ticket that left triage, take
 * back every open assignment of a ticket that is cancelled or merged (each holder is told), and hand a reopened
 * ticket on.
 */
@ApplicationScoped
public class OperatorDispatch {

    /** Where a reopened ticket goes: the party that had it, the next candidate, the supervisors, or a partner code. */
    public static final String SAME = "same";
    public static final String NEXT = "next";
    public static final String SUPERVISOR = "supervisor";

    @Inject
    Dispatcher dispatcher;
    @Inject
    AssignmentRepository assignments;
    @Inject
    PartnerRepository partners;

    /** Offers the ticket to the next candidate nobody has tried, or escalates it when nobody is left. */
    public void dispatchNow(TicketEntity ticket) {
        if (ticket.category == null || ticket.place == null) {
            dispatcher.escalate(ticket, "it needs a category and a place before it can be dispatched");
            return;
        }
        dispatcher.offerNext(ticket);
    }

    /** Withdraws every assignment still offered or in hand, recording {@code kind} on the timeline for each. */
    public void withdrawAll(TicketEntity ticket, TimelineKind kind, String actor, String why) {
        for (AssignmentEntity a : assignments.forTicket(ticket.id)) {
            if (a.state.isActive()) {
                dispatcher.withdraw(a, AssignmentState.CANCELLED, kind, actor,
                        a.role + " assignment of " + a.assigneeCode() + " withdrawn: " + why);
            }
        }
    }

    /** Hands a reopened ticket on; {@code to} as in {@link #SAME}, {@link #NEXT}, {@link #SUPERVISOR} or a code. */
    public void handOn(TicketEntity ticket, String to, String actor, String why) {
        String target = to == null || to.isBlank() ? SAME : to.strip();
        if (SUPERVISOR.equals(target)) {
            dispatcher.escalate(ticket, why + "; the supervisors decide who takes it");
            return;
        }
        if (ticket.category == null || ticket.place == null) {
            dispatcher.escalate(ticket, why + "; it needs a category and a place before it can be dispatched");
            return;
        }
        if (NEXT.equals(target)) {
            dispatcher.offerNext(ticket);
            return;
        }
        if (SAME.equals(target)) {
            Optional<AssignmentEntity> last = latestLead(assignments.forTicket(ticket.id))
                    .filter(a -> a.partner != null ? a.partner.active : a.volunteer.active);
            if (last.isPresent()) {
                AssignmentEntity a = last.get();
                dispatcher.offer(ticket, new Choice(a.partner, a.volunteer, why + "; back to " + a.assigneeCode()
                        + ", who had it"), AssignmentEntity.ROLE_LEAD, actor);
            } else {
                dispatcher.offerNext(ticket);
            }
            return;
        }
        var partner = partners.findByCode(target).filter(p -> p.active)
                .orElseThrow(() -> new NotFoundException("no active partner " + target));
        dispatcher.offer(ticket, Choice.partner(partner, why + "; assigned to " + target + " by " + actor),
                AssignmentEntity.ROLE_LEAD, actor);
    }

    private static Optional<AssignmentEntity> latestLead(List<AssignmentEntity> all) {
        return all.stream().filter(a -> AssignmentEntity.ROLE_LEAD.equals(a.role)).reduce((a, b) -> b);
    }
}
