package org.hotlinehub.dispatch;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.TimelineRepository;

/**
 * The warnings and the overdue mark of the two clocks: the holder is warned (and the timeline shows it) when
 * {@code hub.dispatch.warn-at} of its accept or resolve window has passed, and accepted work still open at resolve-by
 * is marked overdue (超期) and the holder told. Each is stamped once on the row, claimed with SKIP LOCKED.
 */
@ApplicationScoped
public class ResolveDeadlines {

    public static final String EVENT_WARNING = "assignment.deadline-warning";
    public static final String EVENT_OVERDUE = "assignment.overdue";
    static final int BATCH = 100;

    @Inject
    AssignmentRepository assignments;
    @Inject
    TimelineRepository timeline;
    @Inject
    DeliveryOutbox outbox;
    @Inject
    HubConfig config;

    /** @return how many clock events fired */
    @Transactional
    public int fireDue() {
        Instant now = Instant.now();
        var due = assignments.lockClocksDue(now, config.dispatch().warnAt(), BATCH);
        for (AssignmentEntity a : due) {
            if (a.state == AssignmentState.OFFERED) {
                a.acceptWarnedAt = now;
                fire(a, TimelineKind.DEADLINE_WARNING, EVENT_WARNING, "offer to " + a.assigneeCode()
                        + " not yet accepted; accept by " + a.acceptBy);
            } else if (!a.resolveBy.isAfter(now)) {
                a.overdueAt = now;
                a.resolveWarnedAt = a.resolveWarnedAt == null ? now : a.resolveWarnedAt;
                fire(a, TimelineKind.OVERDUE, EVENT_OVERDUE, a.assigneeCode() + " has not resolved it by "
                        + a.resolveBy);
            } else {
                a.resolveWarnedAt = now;
                fire(a, TimelineKind.DEADLINE_WARNING, EVENT_WARNING, a.assigneeCode() + " must resolve it by "
                        + a.resolveBy);
            }
        }
        return due.size();
    }

    private void fire(AssignmentEntity a, TimelineKind kind, String event, String detail) {
        timeline.record(a.ticket.id, kind, Dispatcher.ACTOR, null, detail);
        outbox.enqueue(a, event);
    }
}
