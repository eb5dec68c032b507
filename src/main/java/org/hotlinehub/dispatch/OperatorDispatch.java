package org.hotlinehub.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.TicketEntity;

/**
 * Dispatch as operators' casework needs it, inside the caller's transaction: dispatch a ticket that left triage, and
 * take back every open assignment of a ticket that is cancelled or merged (each holder is told). Reopening has its own
 * home, {@link Reopening}.
 */
@ApplicationScoped
public class OperatorDispatch {

    @Inject
    Dispatcher dispatcher;
    @Inject
    AssignmentRepository assignments;

    /** Offers the ticket to the next candidate nobody has tried, or escalates it when nobody is left. */
    public void dispatchNow(TicketEntity ticket) {
        if (ticket.category == null || ticket.place == null) {
            dispatcher.escalate(ticket, SystemReason.NEEDS_CATEGORY_AND_PLACE.text());
            return;
        }
        dispatcher.offerNext(ticket);
    }

    /** Withdraws every assignment still offered or in hand, recording {@code kind} on the timeline for each. */
    public void withdrawAll(TicketEntity ticket, TimelineKind kind, String actor, String why) {
        for (AssignmentEntity a : assignments.forTicket(ticket.id)) {
            if (a.state.isActive()) {
                dispatcher.withdraw(a, AssignmentState.CANCELLED, kind, actor,
                        SystemReason.WITHDRAWN.text(a.role, a.assigneeCode(), why));
            }
        }
    }
}
