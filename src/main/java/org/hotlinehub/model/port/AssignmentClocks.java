package org.hotlinehub.model.port;

import java.util.List;
import java.util.Optional;

import org.hotlinehub.model.AssignmentView;
import org.hotlinehub.model.DeadlineItem;

/**
 * The clocks of assignments as partners and staff handle them: pausing while the resident is awaited (the paused time
 * does not count), resuming, and the console's view of clocks that need watching.
 */
public interface AssignmentClocks {

    enum Watch {
        /** Warned and not yet answered: an offer near accept-by, work near resolve-by. */
        DUE_SOON,
        OVERDUE,
        PAUSED
    }

    /**
     * Stops both clocks of an open assignment; pausing a paused one again keeps the first pause.
     *
     * @param partnerCode the partner asking, or empty for staff (who may pause any open assignment)
     * @throws IllegalArgumentException without a reason
     */
    AssignmentView pause(long assignmentId, String reason, Optional<String> partnerCode, String actor);

    /** Starts the clocks again; every deadline not yet passed at the pause moves on by the paused working time. */
    default AssignmentView resume(long assignmentId, Optional<String> partnerCode, String actor) {
        return resume(assignmentId, partnerCode, actor, null);
    }

    /** The same, with why the clocks run again (e.g. 居民已回家), kept on the timeline; blank for none. */
    AssignmentView resume(long assignmentId, Optional<String> partnerCode, String actor, String reason);

    List<DeadlineItem> watch(Watch which, int limit);
}
