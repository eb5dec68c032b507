package org.hotlinehub.dispatch;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.AssignmentRepository;

/**
 * Offers nobody accepted in time (签收超时): the offer is withdrawn and the ticket goes to the next candidate, finally
 * to the supervisors. Paused offers wait. Driven by the database, so it survives restarts; rows are claimed with SKIP LOCKED, so with
 * several hub instances each expiry is handled once.
 */
@ApplicationScoped
public class AcceptDeadlines {

    static final int BATCH = 50;

    @Inject
    AssignmentRepository assignments;
    @Inject
    Dispatcher dispatcher;
    @Inject
    Clock clock;

    /** @return how many offers expired */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        var due = assignments.lockOffersDue(now, BATCH);
        for (AssignmentEntity a : due) {
            dispatcher.withdraw(a, AssignmentState.EXPIRED, TimelineKind.EXPIRED, Dispatcher.ACTOR,
                    SystemReason.OFFER_EXPIRED.text(a.assigneeCode(), a.acceptBy));
            if (AssignmentEntity.ROLE_LEAD.equals(a.role)) {
                dispatcher.offerNext(a.ticket);
            }
        }
        return due.size();
    }
}
