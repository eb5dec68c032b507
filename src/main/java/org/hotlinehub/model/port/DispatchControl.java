package org.hotlinehub.model.port;

import org.hotlinehub.model.AssignmentView;

/** What operators and supervisors decide about dispatch: rulings on returns, reassignment, joint handling. */
public interface DispatchControl {

    enum Ruling {
        /** The return is upheld: the ticket goes to the next party (or the one named). */
        REASSIGN,
        /** The return is rejected: the assignment goes back to the partner with a note. */
        OVERRULE
    }

    AssignmentView rule(long assignmentId, Ruling ruling, String note, String partnerCode, String actor);

    /** Takes the lead away from whoever has it and offers the ticket to the partner named. */
    AssignmentView reassign(String reference, String partnerCode, String note, String actor);

    /** Adds a supporting party (协办) beside the lead. */
    AssignmentView addSupport(String reference, String partnerCode, String note, String actor);

    /**
     * Takes a supporting party (协办) off the ticket: its open assignment is withdrawn and its holder told. Removing
     * one already closed answers it as it is.
     *
     * @throws org.hotlinehub.model.IllegalTransitionException when the assignment is the lead
     */
    AssignmentView removeSupport(String reference, long assignmentId, String note, String actor);
}
