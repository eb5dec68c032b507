package org.hotlinehub.dispatch;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.config.HubTime;
import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.TimelineTimes;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.TimelineRepository;

/**
 * The warnings and the overdue mark of the two clocks: the holder is warned through its delivery channel (and the
 * timeline shows it) at the warning point of its accept or resolve window ({@code hub.dispatch.warn-at} of the window,
 * in business hours where the partner type has them); accepted work still open at resolve-by is marked overdue (超期),
 * escalated to the supervisors (督办: timeline row, SMS to {@code hub.deadlines.supervisor-phones}) and the holder
 * told. Paused clocks wait. Each event is stamped once on the row, claimed with SKIP LOCKED, so with several hub
 * instances it fires once.
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
    SupervisorAlerts supervisors;
    @Inject
    HubTime time;

    /** @return how many clock events fired */
    @Transactional
    public int fireDue() {
        Instant now = time.now();
        var due = assignments.lockClocksDue(now, BATCH);
        for (AssignmentEntity a : due) {
            if (a.state == AssignmentState.OFFERED) {
                a.acceptWarnedAt = now;
                fire(a, TimelineKind.DEADLINE_WARNING, EVENT_WARNING,
                        SystemReason.DEADLINE_ACCEPT_WARNING.text(a.assigneeCode(), TimelineTimes.minute(a.acceptBy,
                                time.zone())));
            } else if (!a.resolveBy.isAfter(now)) {
                a.overdueAt = now;
                a.resolveWarnedAt = a.resolveWarnedAt == null ? now : a.resolveWarnedAt;
                fire(a, TimelineKind.OVERDUE, EVENT_OVERDUE, SystemReason.OVERDUE_NOT_RESOLVED.text(a.assigneeCode(),
                        TimelineTimes.minute(a.resolveBy, time.zone())));
                timeline.record(a.ticket.id, TimelineKind.ESCALATED, Dispatcher.ACTOR, null,
                        SystemReason.OVERDUE_ESCALATED.text(a.assigneeCode()));
                supervisors.alert("overdue-" + a.id, a.ticket,
                        "工单" + a.ticket.reference + "已超期未办结（承办方" + a.assigneeCode() + "）。",
                        "Ticket " + a.ticket.reference + " is overdue with " + a.assigneeCode() + ".");
            } else {
                a.resolveWarnedAt = now;
                fire(a, TimelineKind.DEADLINE_WARNING, EVENT_WARNING, SystemReason.DEADLINE_RESOLVE_WARNING.text(
                        a.assigneeCode(), TimelineTimes.minute(a.resolveBy, time.zone())));
            }
        }
        return due.size();
    }

    private void fire(AssignmentEntity a, TimelineKind kind, String event, String detail) {
        timeline.record(a.ticket.id, kind, Dispatcher.ACTOR, null, detail);
        outbox.enqueue(a, event);
    }
}
