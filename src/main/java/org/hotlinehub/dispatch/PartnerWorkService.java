package org.hotlinehub.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.AssignmentView;
import org.hotlinehub.model.IllegalTransitionException;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.port.PartnerWork;
import org.hotlinehub.store.ApiAccessQueries;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.PartnerEntity;
import org.hotlinehub.store.PartnerRepository;
import org.hotlinehub.store.TimelineRepository;

/**
 * A partner's answers to its assignments. Each is idempotent (repeating an accept answers the same) and a move the
 * state does not allow is refused with a message saying what state the assignment is in.
 */
@ApplicationScoped
public class PartnerWorkService implements PartnerWork {

    @Inject
    PartnerRepository partners;
    @Inject
    AssignmentRepository assignments;
    @Inject
    TimelineRepository timeline;
    @Inject
    AssignmentViews views;
    @Inject
    Dispatcher dispatcher;

    /** API keys are random secrets, so one SHA-256 (not a slow password hash) is the right way to store them. */
    public static String hashApiKey(String apiKey) {
        return ApiAccessQueries.hashKey(apiKey);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        return partners.findActiveByApiKeyHash(hashApiKey(apiKey)).map(p -> p.code);
    }

    @Override
    @Transactional
    public List<AssignmentView> list(String partnerCode, Optional<AssignmentState> state, int offset, int limit) {
        PartnerEntity partner = partner(partnerCode);
        return assignments.forPartner(partner.id, state, offset, limit).stream().map(views::of).toList();
    }

    @Override
    @Transactional
    public AssignmentView accept(String partnerCode, long assignmentId) {
        AssignmentEntity a = locked(partnerCode, assignmentId);
        if (a.state == AssignmentState.ACCEPTED) {
            return views.of(a);
        }
        move(a, AssignmentState.ACCEPTED);
        a.acceptedAt = Instant.now();
        a.ticket.status = TicketStatus.ACCEPTED;
        a.ticket.updatedAt = a.acceptedAt;
        Dispatcher.recordPartnerStep(timeline, a, TimelineKind.ACCEPTED, "accepted by " + a.partner.code);
        return views.of(a);
    }

    @Override
    @Transactional
    public AssignmentView decline(String partnerCode, long assignmentId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a decline needs a reason (field \"reason\")");
        }
        AssignmentEntity a = locked(partnerCode, assignmentId);
        if (a.state == AssignmentState.DECLINED) {
            return views.of(a);
        }
        move(a, AssignmentState.DECLINED);
        a.closedReason = reason.strip();
        Dispatcher.recordPartnerStep(timeline, a, TimelineKind.DECLINED,
                "declined by " + a.partner.code + ": " + a.closedReason);
        dispatcher.offerNext(a.ticket, Dispatcher.partnersAlreadyTried(assignments, a.ticket.id));
        return views.of(a);
    }

    private PartnerEntity partner(String code) {
        return partners.findByCode(code).orElseThrow(() -> new NotFoundException("unknown partner " + code));
    }

    private AssignmentEntity locked(String partnerCode, long assignmentId) {
        return assignments.lockForPartner(assignmentId, partner(partnerCode).id)
                .orElseThrow(() -> new NotFoundException("assignment " + assignmentId + " is not offered to "
                        + partnerCode));
    }

    private static void move(AssignmentEntity a, AssignmentState target) {
        if (!a.state.canMoveTo(target)) {
            throw new IllegalTransitionException("assignment " + a.id + " is " + a.state.name().toLowerCase()
                    + " and cannot become " + target.name().toLowerCase());
        }
        a.state = target;
        a.updatedAt = Instant.now();
    }
}
