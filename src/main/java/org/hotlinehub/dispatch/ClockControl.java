package org.hotlinehub.dispatch;

import static org.hotlinehub.model.Strings.noteSuffix;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hotlinehub.config.HubTime;
import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.AssignmentView;
import org.hotlinehub.model.DeadlineItem;
import org.hotlinehub.model.IllegalTransitionException;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.TimelineTimes;
import org.hotlinehub.model.port.AssignmentClocks;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.TimelineRepository;

/**
 * Pause and resume of an assignment's clocks (waiting for the resident: 等待居民，暂停计时). The row is locked, so a
 * sweep that claimed it first finishes before the pause applies and one that comes after skips it. Partners may pause
 * work they have accepted; staff may pause any open assignment, offers included.
 */
@ApplicationScoped
public class ClockControl implements AssignmentClocks {

    public static final String EVENT_PAUSED = "assignment.paused";
    public static final String EVENT_RESUMED = "assignment.resumed";

    @Inject
    AssignmentRepository assignments;
    @Inject
    TimelineRepository timeline;
    @Inject
    DeadlinePolicy deadlines;
    @Inject
    AssignmentViews views;
    @Inject
    DeliveryOutbox outbox;
    @Inject
    HubTime time;

    @Override
    @Transactional
    public AssignmentView pause(long assignmentId, String reason, Optional<String> partnerCode, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a pause needs a reason (field \"reason\"), e.g. 居民不在家，约定周六上门");
        }
        AssignmentEntity a = locked(assignmentId, partnerCode);
        if (a.pausedAt != null) {
            return views.of(a);
        }
        boolean allowed = partnerCode.isPresent()
                ? a.state == AssignmentState.ACCEPTED || a.state == AssignmentState.IN_PROGRESS
                : a.state == AssignmentState.OFFERED || a.state == AssignmentState.ACCEPTED
                        || a.state == AssignmentState.IN_PROGRESS;
        if (!allowed) {
            throw new IllegalTransitionException("assignment " + a.id + " is " + a.state.name().toLowerCase()
                    + "; only " + (partnerCode.isPresent() ? "accepted" : "open") + " work can be paused");
        }
        Instant now = time.now();
        a.pausedAt = now;
        a.pauseReason = reason.strip();
        a.updatedAt = now;
        timeline.record(a.ticket.id, TimelineKind.PAUSED, actor, null,
                SystemReason.CLOCKS_PAUSED.text(a.assigneeCode(), a.pauseReason));
        outbox.enqueue(a, EVENT_PAUSED);
        return views.of(a);
    }

    @Override
    @Transactional
    public AssignmentView resume(long assignmentId, Optional<String> partnerCode, String actor, String reason) {
        AssignmentEntity a = locked(assignmentId, partnerCode);
        if (a.pausedAt == null) {
            return views.of(a);
        }
        Instant now = time.now();
        Instant pausedAt = a.pausedAt;
        deadlines.shift(a, pausedAt, now);
        long seconds = Duration.between(pausedAt, now).toSeconds();
        a.pausedSeconds += seconds;
        a.pausedAt = null;
        a.pauseReason = null;
        a.updatedAt = now;
        timeline.record(a.ticket.id, TimelineKind.RESUMED, actor, null, SystemReason.CLOCKS_RESUMED.text(
                a.assigneeCode(), Duration.ofSeconds(seconds), TimelineTimes.minute(a.acceptBy, time.zone()),
                TimelineTimes.minute(a.resolveBy, time.zone()))
                + noteSuffix(reason));
        outbox.enqueue(a, EVENT_RESUMED);
        return views.of(a);
    }

    @Override
    @Transactional
    public List<DeadlineItem> watch(Watch which, int limit) {
        String key = switch (which) {
            case PAUSED -> "paused";
            case OVERDUE -> "overdue";
            case DUE_SOON -> "due-soon";
        };
        return assignments.watched(key, limit).stream().map(a -> new DeadlineItem(a.id, a.ticket.reference,
                a.assigneeCode(), a.role, a.state, a.offeredAt, a.acceptBy, a.resolveBy, a.pausedAt, a.pauseReason,
                a.pausedSeconds, a.overdueAt)).toList();
    }

    private AssignmentEntity locked(long id, Optional<String> partnerCode) {
        if (partnerCode.isPresent()) {
            return assignments.lockForAssignee(id, partnerCode.get()).orElseThrow(
                    () -> new NotFoundException("assignment " + id + " is not offered to " + partnerCode.get()));
        }
        return assignments.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("no assignment " + id));
    }
}
