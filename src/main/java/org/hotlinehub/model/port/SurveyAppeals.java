package org.hotlinehub.model.port;

import java.util.List;
import java.util.Optional;

import org.hotlinehub.model.AppealStatus;
import org.hotlinehub.model.AppealView;

/**
 * Appeals (申诉) against call-back results: a partner appeals a dissatisfied or not-solved result of work it resolved,
 * with a reason, within {@code hub.survey.appeal-within}; a supervisor upholds (the result leaves the rates) or
 * rejects it. Every step is on the ticket's timeline.
 */
public interface SurveyAppeals {

    /**
     * Files the appeal against the latest dissatisfied / not-solved result of this assignment; filing it again
     * answers the appeal already filed.
     *
     * @throws IllegalArgumentException without a reason
     * @throws org.hotlinehub.model.IllegalTransitionException when there is no such result or the time is over
     */
    AppealView appeal(String partnerCode, long assignmentId, String reason);

    /** The partner's appeal on this assignment, if any. */
    Optional<AppealView> ofAssignment(String partnerCode, long assignmentId);

    List<AppealView> list(Optional<AppealStatus> status, int offset, int limit);

    /** Every appeal on the ticket's assignments, oldest first (none for an unknown reference). */
    List<AppealView> ofTicket(String reference);

    AppealView get(long appealId);

    /** Upholds or rejects a pending appeal; deciding it again the same way answers the same. */
    AppealView decide(long appealId, boolean uphold, String note, String actor);
}
