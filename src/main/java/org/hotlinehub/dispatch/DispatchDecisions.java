package org.hotlinehub.dispatch;

import static org.hotlinehub.model.Strings.noteSuffix;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.AssignmentView;
import org.hotlinehub.model.IllegalTransitionException;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.port.DispatchControl;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.PartnerEntity;
import org.hotlinehub.store.PartnerRepository;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TicketRepository;
import org.hotlinehub.store.TimelineRepository;

/** The hub's side of dispatch: rulings on returns (退单裁定), operator reassignment and joint handling. */
@ApplicationScoped
public class DispatchDecisions implements DispatchControl {

    @Inject
    AssignmentRepository assignments;
    @Inject
    TicketRepository tickets;
    @Inject
    PartnerRepository partners;
    @Inject
    TimelineRepository timeline;
    @Inject
    Dispatcher dispatcher;
    @Inject
    AssignmentViews views;
    @Inject
    DeliveryOutbox outbox;
    @Inject
    java.time.Clock clock;

    @Override
    @Transactional
    public AssignmentView rule(long assignmentId, Ruling ruling, String note, String partnerCode, String actor) {
        AssignmentEntity a = assignments
                .findByIdOptional(assignmentId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("no assignment " + assignmentId));
        if (a.state != AssignmentState.RETURNED) {
            throw new IllegalTransitionException("assignment " + a.id + " is " + a.state.name().toLowerCase()
                    + "; only a returned assignment can be ruled on");
        }
        String why = noteSuffix(note);
        if (ruling == Ruling.OVERRULE) {
            PartnerWorkService.move(a, AssignmentState.ACCEPTED, clock.instant());
            timeline.record(a.ticket.id, TimelineKind.RULING, actor, null,
                    SystemReason.RETURN_OVERRULED.text(a.assigneeCode()) + why);
            if (AssignmentEntity.ROLE_LEAD.equals(a.role)) {
                a.ticket.status = TicketStatus.ACCEPTED;
                a.ticket.triageReason = null;
            }
            outbox.enqueue(a, Dispatcher.EVENT_RULING);
            return views.of(a);
        }
        PartnerWorkService.move(a, AssignmentState.CANCELLED, clock.instant());
        a.closedReason = SystemReason.RETURN_UPHELD.text() + why;
        timeline.record(a.ticket.id, TimelineKind.RULING, actor, null,
                SystemReason.RETURN_UPHELD_BY.text(a.assigneeCode()) + why);
        if (!AssignmentEntity.ROLE_LEAD.equals(a.role)) {
            return views.of(a);
        }
        if (partnerCode != null && !partnerCode.isBlank()) {
            return views.of(dispatcher.offer(a.ticket, Choice.partner(activePartner(partnerCode),
                    SystemReason.ASSIGNED_AFTER_RETURN.text(partnerCode, actor) + why),
                    AssignmentEntity.ROLE_LEAD,
                    actor));
        }
        dispatcher.offerNext(a.ticket);
        return views.of(a);
    }

    @Override
    @Transactional
    public AssignmentView reassign(String reference, String partnerCode, String note, String actor) {
        TicketEntity ticket = ticket(reference);
        PartnerEntity partner = activePartner(partnerCode);
        String why = noteSuffix(note);
        for (AssignmentEntity current : assignments.forTicket(ticket.id)) {
            if (AssignmentEntity.ROLE_LEAD.equals(current.role) && current.state.isActive()) {
                dispatcher.withdraw(current, AssignmentState.CANCELLED, TimelineKind.REASSIGNED, actor,
                        SystemReason.TAKEN_FROM.text(current.assigneeCode(), actor) + why);
            }
        }
        return views.of(dispatcher.offer(ticket, Choice.partner(partner, SystemReason.ASSIGNED_BY.text(partner.code,
                actor) + why), AssignmentEntity.ROLE_LEAD, actor));
    }

    @Override
    @Transactional
    public AssignmentView addSupport(String reference, String partnerCode, String note, String actor) {
        TicketEntity ticket = ticket(reference);
        PartnerEntity partner = activePartner(partnerCode);
        boolean already = assignments.forTicket(ticket.id).stream().anyMatch(a -> a.partner != null
                && a.partner.id.equals(partner.id) && a.state.isActive());
        if (already) {
            throw new IllegalTransitionException(partnerCode + " already works on ticket " + reference);
        }
        String why = noteSuffix(note);
        return views.of(dispatcher.offer(ticket, Choice.partner(partner,
                SystemReason.SUPPORT_ADDED_BY.text(partner.code, actor) + why), AssignmentEntity.ROLE_SUPPORT, actor));
    }

    @Override
    @Transactional
    public AssignmentView removeSupport(String reference, long assignmentId, String note, String actor) {
        TicketEntity ticket = ticket(reference);
        AssignmentEntity a = assignments
                .findByIdOptional(assignmentId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .filter(found -> found.ticket.id.equals(ticket.id))
                .orElseThrow(() -> new NotFoundException("ticket " + reference + " has no assignment " + assignmentId));
        if (!AssignmentEntity.ROLE_SUPPORT.equals(a.role)) {
            throw new IllegalTransitionException("assignment " + a.id + " of " + a.assigneeCode()
                    + " is the lead; reassign the ticket instead");
        }
        if (!a.state.isActive()) {
            return views.of(a);
        }
        String why = noteSuffix(note);
        dispatcher.withdraw(a, AssignmentState.CANCELLED, TimelineKind.SUPPORT_REMOVED, actor,
                "supporting party " + a.assigneeCode() + " removed by " + actor + why);
        return views.of(a);
    }

    private TicketEntity ticket(String reference) {
        TicketEntity ticket = tickets.findByReference(reference)
                .orElseThrow(() -> new NotFoundException("no ticket " + reference));
        if (!ticket.status.isOpen()) {
            throw new IllegalTransitionException("ticket " + reference + " is " + ticket.status.name().toLowerCase());
        }
        ticket.updatedAt = clock.instant();
        return ticket;
    }

    private PartnerEntity activePartner(String code) {
        return partners.findByCode(code).filter(p -> p.active)
                .orElseThrow(() -> new NotFoundException("no active partner " + code));
    }
}
