package org.hotlinehub.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.AssignmentView;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.IllegalTransitionException;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.ReturnReason;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.port.PartnerWork;
import org.hotlinehub.store.ApiAccessQueries;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.PartnerRepository;
import org.hotlinehub.store.TimelineRepository;
import org.hotlinehub.survey.SurveyService;

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

    @Inject
    SurveyService surveys;
    @Inject
    Clock clock;

    /** API keys are random secrets, so one SHA-256 (not a slow password hash) is the right way to store them. */
    public static String hashApiKey(String apiKey) {
        return ApiAccessQueries.hashKey(apiKey);
    }

    @Override
    @Transactional
    public Optional<String> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        return partners.findActiveByApiKeyHash(hashApiKey(apiKey)).map(p -> p.code);
    }

    @Override
    @Transactional
    public List<AssignmentView> list(String partnerCode, Optional<AssignmentState> state, int offset, int limit) {
        return assignments.forAssignee(partnerCode, state, offset, limit).stream().map(views::of).toList();
    }

    @Override
    @Transactional
    public AssignmentView get(String partnerCode, long assignmentId) {
        return views.of(assignments.findByIdOptional(assignmentId)
                .filter(a -> a.assigneeCode().equals(partnerCode))
                .orElseThrow(() -> notOffered(partnerCode, assignmentId)));
    }

    @Override
    @Transactional
    public AssignmentView accept(String partnerCode, long assignmentId) {
        AssignmentEntity a = locked(partnerCode, assignmentId);
        if (a.state == AssignmentState.ACCEPTED) {
            return views.of(a);
        }
        move(a, AssignmentState.ACCEPTED, clock.instant());
        a.acceptedAt = a.updatedAt;
        if (isLead(a)) {
            setTicketStatus(a, TicketStatus.ACCEPTED);
        }
        Dispatcher.recordStep(timeline, a, TimelineKind.ACCEPTED, Channel.API, "accepted by " + partnerCode);
        return views.of(a);
    }

    @Override
    @Transactional
    public AssignmentView decline(String partnerCode, long assignmentId, String reason) {
        String why = required(reason, "a decline needs a reason (field \"reason\")");
        AssignmentEntity a = locked(partnerCode, assignmentId);
        if (a.state == AssignmentState.DECLINED) {
            return views.of(a);
        }
        move(a, AssignmentState.DECLINED, clock.instant());
        a.closedReason = why;
        Dispatcher.recordStep(timeline, a, TimelineKind.DECLINED, Channel.API,
                "declined by " + partnerCode + ": " + why);
        if (isLead(a)) {
            dispatcher.offerNext(a.ticket);
        }
        return views.of(a);
    }

    @Override
    @Transactional
    public AssignmentView giveBack(String partnerCode, long assignmentId, ReturnReason reason, String note) {
        Objects.requireNonNull(reason, "a return needs a reason code");
        AssignmentEntity a = locked(partnerCode, assignmentId);
        if (a.state == AssignmentState.RETURNED && reason.code().equals(a.returnReason)) {
            return views.of(a);
        }
        move(a, AssignmentState.RETURNED, clock.instant());
        a.returnReason = reason.code();
        a.closedReason = note == null || note.isBlank() ? null : note.strip();
        String detail = "returned by " + partnerCode + ": " + reason.code()
                + (a.closedReason == null ? "" : " — " + a.closedReason) + "; awaiting the hub's ruling";
        Dispatcher.recordStep(timeline, a, TimelineKind.RETURNED, Channel.API, detail);
        if (isLead(a)) {
            a.ticket.status = TicketStatus.TRIAGE;
            a.ticket.triageReason = detail;
            a.ticket.updatedAt = a.updatedAt;
        }
        return views.of(a);
    }

    @Override
    @Transactional
    public AssignmentView progress(String partnerCode, long assignmentId, String note) {
        String text = required(note, "a progress report needs a note (field \"note\")");
        AssignmentEntity a = locked(partnerCode, assignmentId);
        move(a, AssignmentState.IN_PROGRESS, clock.instant());
        if (isLead(a)) {
            setTicketStatus(a, TicketStatus.IN_PROGRESS);
        }
        Dispatcher.recordStep(timeline, a, TimelineKind.PROGRESS, Channel.API, text);
        return views.of(a);
    }

    @Override
    @Transactional
    public AssignmentView resolve(String partnerCode, long assignmentId, String note, String photoUrl) {
        String text = required(note, "a resolution needs a note saying what was done (field \"note\")");
        AssignmentEntity a = locked(partnerCode, assignmentId);
        if (a.state == AssignmentState.RESOLVED) {
            return views.of(a);
        }
        move(a, AssignmentState.RESOLVED, clock.instant());
        a.resolvedAt = a.updatedAt;
        a.resolutionNote = text;
        a.resolutionPhotoUrl = photoUrl == null || photoUrl.isBlank() ? null : photoUrl.strip();
        if (isLead(a)) {
            setTicketStatus(a, TicketStatus.RESOLVED);
        }
        Dispatcher.recordStep(timeline, a, TimelineKind.RESOLVED, Channel.API, text
                + (a.resolutionPhotoUrl == null ? "" : " (photo " + a.resolutionPhotoUrl + ")"));
        if (isLead(a)) {
            surveys.ask(a.ticket);
        }
        return views.of(a);
    }

    private static boolean isLead(AssignmentEntity a) {
        return AssignmentEntity.ROLE_LEAD.equals(a.role);
    }

    private static void setTicketStatus(AssignmentEntity a, TicketStatus status) {
        a.ticket.status = status;
        a.ticket.updatedAt = a.updatedAt;
    }

    private static String required(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
        return value.strip();
    }

    private AssignmentEntity locked(String partnerCode, long assignmentId) {
        return assignments.lockForAssignee(assignmentId, partnerCode)
                .orElseThrow(() -> notOffered(partnerCode, assignmentId));
    }

    private static NotFoundException notOffered(String partnerCode, long assignmentId) {
        return new NotFoundException("assignment " + assignmentId + " is not offered to " + partnerCode);
    }

    static void move(AssignmentEntity a, AssignmentState target, Instant now) {
        if (!a.state.canMoveTo(target)) {
            throw new IllegalTransitionException("assignment " + a.id + " is " + a.state.name().toLowerCase()
                    + " and cannot become " + target.name().toLowerCase());
        }
        a.state = target;
        a.updatedAt = now;
        if (a.pausedAt != null && !target.isActive()) {
            // work that ends while paused: the pause ends with it and its time is kept
            a.pausedSeconds += java.time.Duration.between(a.pausedAt, now).toSeconds();
            a.pausedAt = null;
            a.pauseReason = null;
        }
    }
}
