package org.hotlinehub.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hotlinehub.model.TicketReopened;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.PartnerRepository;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TicketRepository;

/**
 * Hands a reopened ticket on, in the transaction that reopened it: to the party that resolved it ({@code same}, the
 * default: first-contact responsibility, 首接负责制 — with fresh clocks), to the next candidate by the rules
 * ({@code next}), to the supervisors' queue ({@code supervisor}) or to a partner named by staff. The ticket keeps the
 * status REOPENED until the party accepts, so the console shows it came back.
 */
@ApplicationScoped
public class Reopening {

    @Inject
    TicketRepository tickets;
    @Inject
    AssignmentRepository assignments;
    @Inject
    PartnerRepository partners;
    @Inject
    Dispatcher dispatcher;

    void onReopened(@Observes TicketReopened event) {
        TicketEntity ticket = tickets.findById(event.ticketId());
        String to = event.to() == null ? TicketReopened.SAME : event.to().strip();
        String why = "reopened: " + event.reason();
        switch (to) {
            case TicketReopened.SUPERVISOR ->
                dispatcher.escalate(ticket, why + "; the supervisors decide who takes it");
            case TicketReopened.NEXT -> dispatcher.offerNext(ticket);
            case TicketReopened.SAME -> {
                var last = assignments.latestLead(ticket.id).filter(Reopening::stillActive);
                if (last.isPresent()) {
                    AssignmentEntity a = last.get();
                    dispatcher.offer(ticket, new Choice(a.partner, a.volunteer, why + "; back to " + a.assigneeCode()
                            + ", who resolved it"), AssignmentEntity.ROLE_LEAD, event.actor());
                } else {
                    dispatcher.offerNext(ticket);
                }
            }
            default -> {
                var partner = partners.findByCode(to).filter(p -> p.active).orElseThrow(
                        () -> new org.hotlinehub.model.NotFoundException("no active partner " + to));
                dispatcher.offer(ticket, Choice.partner(partner, why + "; assigned to " + to + " by "
                        + event.actor()), AssignmentEntity.ROLE_LEAD, event.actor());
            }
        }
        if (ticket.status == TicketStatus.DISPATCHED) {
            ticket.status = TicketStatus.REOPENED;
        }
    }

    private static boolean stillActive(AssignmentEntity a) {
        return a.partner != null ? a.partner.active : a.volunteer.active;
    }
}
