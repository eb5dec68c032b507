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
import org.hotlinehub.model.Attachment;
import org.hotlinehub.model.IllegalTransitionException;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.PartnerActor;
import org.hotlinehub.model.ReturnReason;
import org.hotlinehub.model.Strings;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineItem;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.port.PartnerWork;
import org.hotlinehub.referencedata.ApiAccessQueries;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.AttachmentEntity;
import org.hotlinehub.store.PartnerRepository;
import org.hotlinehub.store.TimelineEventEntity;
import org.hotlinehub.store.TimelineRepository;
import org.hotlinehub.survey.SurveyService;

/**
 * A partner's answers to its assignments. Each is idempotent (repeating an accept answers the same) and a move the
 * state does not allow is refused with a message saying what state the assignment is in.
 */
@ApplicationScoped
public class PartnerWorkService implements PartnerWork {

    /**
     * The follow-up to an accepted offer: the assignment again, now with what the holder needs to do the work (the
     * full address, the answers, the photos).
     */
    public static final String EVENT_ACCEPTED = "assignment.accepted";

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
    DeliveryOutbox deliveries;
    @Inject
    EmergencyOffers emergencies;

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
    public List<AssignmentView> list(PartnerActor by, Optional<AssignmentState> state, int offset, int limit) {
        return (by.isUser()
                ? assignments.forPartner(by.partnerCode(), state, offset, limit)
                : assignments.forAssignee(by.partnerCode(), state, offset, limit)).stream().map(views::of).toList();
    }

    @Override
    @Transactional
    public AssignmentView get(PartnerActor by, long assignmentId) {
        return views.of(held(by, assignmentId));
    }

    @Override
    @Transactional
    public List<TimelineItem> history(PartnerActor by, long assignmentId) {
        AssignmentEntity a = held(by, assignmentId);
        String actor = actor(a, PartnerActor.api(by.partnerCode()));
        return timeline.forTicket(a.ticket.id).stream()
                .filter(e -> e.actor != null && (e.actor.equals(actor) || e.actor.startsWith(actor + "/")))
                .map(e -> new TimelineItem(e.at, e.kind, e.actor, e.channel, e.detail)).toList();
    }

    @Override
    @Transactional
    public AssignmentView accept(PartnerActor by, long assignmentId) {
        // an emergency offered to several at once: its row is locked first, so the first accept takes it
        var emergency = emergencies.lockFor(assignmentId);
        AssignmentEntity a = locked(by, assignmentId);
        if (a.state == AssignmentState.ACCEPTED) {
            return views.of(a);
        }
        if (a.state != AssignmentState.OFFERED) {
            // withdrawn when another took the emergency, or expired when it went to the operators: say so
            emergency.ifPresent(emergencies::checkOpen);
        }
        move(a, AssignmentState.ACCEPTED, clock.instant());
        a.acceptedAt = a.updatedAt;
        if (isLead(a)) {
            setTicketStatus(a, TicketStatus.ACCEPTED);
        }
        record(a, by, TimelineKind.ACCEPTED, SystemReason.ACCEPTED.text(by.describe()));
        deliveries.enqueue(a, EVENT_ACCEPTED);
        emergency.ifPresent(e -> emergencies.accepted(e, a));
        return views.of(a);
    }

    @Override
    @Transactional
    public AssignmentView decline(PartnerActor by, long assignmentId, String reason) {
        String why = required(reason, "a decline needs a reason (field \"reason\")");
        // an emergency's row first, as an accept locks it: its replacement offer and an accept cannot cross
        emergencies.lockFor(assignmentId);
        AssignmentEntity a = locked(by, assignmentId);
        if (a.state == AssignmentState.DECLINED) {
            return views.of(a);
        }
        move(a, AssignmentState.DECLINED, clock.instant());
        a.closedReason = why;
        record(a, by, TimelineKind.DECLINED, SystemReason.DECLINED.text(by.describe(), why));
        if (isLead(a)) {
            dispatcher.offerNext(a.ticket);
        }
        return views.of(a);
    }

    @Override
    @Transactional
    public AssignmentView giveBack(PartnerActor by, long assignmentId, ReturnReason reason, String note) {
        Objects.requireNonNull(reason, "a return needs a reason code");
        AssignmentEntity a = locked(by, assignmentId);
        if (a.state == AssignmentState.RETURNED && reason.code().equals(a.returnReason)) {
            return views.of(a);
        }
        move(a, AssignmentState.RETURNED, clock.instant());
        a.returnReason = reason.code();
        a.closedReason = Strings.blankToNull(note);
        String detail = SystemReason.RETURNED.text(by.describe(),
                reason.code() + (a.closedReason == null ? "" : " — " + a.closedReason)) + "; "
                + SystemReason.AWAITING_RULING.text();
        record(a, by, TimelineKind.RETURNED, detail);
        if (isLead(a)) {
            a.ticket.status = TicketStatus.TRIAGE;
            a.ticket.triageReason = detail;
            a.ticket.updatedAt = a.updatedAt;
        }
        return views.of(a);
    }

    @Override
    @Transactional
    public AssignmentView progress(PartnerActor by, long assignmentId, String note) {
        String text = required(note, "a progress report needs a note (field \"note\")");
        AssignmentEntity a = locked(by, assignmentId);
        if (a.state == AssignmentState.IN_PROGRESS && repeatsLastStep(a, by, TimelineKind.PROGRESS, text)) {
            return views.of(a);
        }
        move(a, AssignmentState.IN_PROGRESS, clock.instant());
        if (isLead(a)) {
            setTicketStatus(a, TicketStatus.IN_PROGRESS);
        }
        record(a, by, TimelineKind.PROGRESS, text);
        return views.of(a);
    }

    @Override
    @Transactional
    public AssignmentView resolve(PartnerActor by, long assignmentId, String note, String photoUrl,
            Attachment photo) {
        String text = required(note, "a resolution needs a note saying what was done (field \"note\")");
        AssignmentEntity a = locked(by, assignmentId);
        if (a.state == AssignmentState.RESOLVED) {
            return views.of(a);
        }
        move(a, AssignmentState.RESOLVED, clock.instant());
        a.resolvedAt = a.updatedAt;
        a.resolutionNote = text;
        a.resolutionPhotoUrl = Strings.blankToNull(photoUrl);
        String photoNote = a.resolutionPhotoUrl == null ? "" : SystemReason.PHOTO_LINK.text(a.resolutionPhotoUrl);
        if (photo != null) {
            AttachmentEntity stored = AttachmentEntity.store(a.ticket.id, photo, a.resolvedAt);
            photoNote += SystemReason.PHOTO_ATTACHED.text(stored.filename, stored.id);
        }
        if (isLead(a)) {
            setTicketStatus(a, TicketStatus.RESOLVED);
        }
        record(a, by, TimelineKind.RESOLVED, text + photoNote);
        if (isLead(a)) {
            surveys.ask(a.ticket);
        }
        return views.of(a);
    }

    /** The partner's own name in the timeline, or the volunteer's when a volunteer answers by SMS. */
    private static String actor(AssignmentEntity a, PartnerActor by) {
        return a.partner != null ? by.timelineActor() : "volunteer:" + a.volunteer.code;
    }

    private void record(AssignmentEntity a, PartnerActor by, TimelineKind kind, String detail) {
        timeline.record(a.ticket.id, kind, actor(a, by), by.channel(), detail);
    }

    /** Whether the ticket's latest timeline entry is this very step by this very actor (a repeated call). */
    private boolean repeatsLastStep(AssignmentEntity a, PartnerActor by, TimelineKind kind, String detail) {
        List<TimelineEventEntity> events = timeline.forTicket(a.ticket.id);
        if (events.isEmpty()) {
            return false;
        }
        TimelineEventEntity last = events.get(events.size() - 1);
        return last.kind == kind && actor(a, by).equals(last.actor) && detail.equals(last.detail);
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

    private AssignmentEntity locked(PartnerActor by, long assignmentId) {
        return (by.isUser()
                ? assignments.lockForPartner(assignmentId, by.partnerCode())
                : assignments.lockForAssignee(assignmentId, by.partnerCode()))
                .orElseThrow(() -> notOffered(by.partnerCode(), assignmentId));
    }

    /** The assignment if the caller holds it; a portal user only its partner's, never a volunteer's. */
    private AssignmentEntity held(PartnerActor by, long assignmentId) {
        return assignments.findByIdOptional(assignmentId)
                .filter(a -> by.isUser()
                        ? a.partner != null && a.partner.code.equals(by.partnerCode())
                        : a.assigneeCode().equals(by.partnerCode()))
                .orElseThrow(() -> notOffered(by.partnerCode(), assignmentId));
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
