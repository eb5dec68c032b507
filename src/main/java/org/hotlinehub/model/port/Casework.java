package org.hotlinehub.model.port;

import java.util.List;

import org.hotlinehub.model.AppealView;
import org.hotlinehub.model.AssignmentView;
import org.hotlinehub.model.CallerReport;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.Staff;
import org.hotlinehub.model.TicketSplit;
import org.hotlinehub.model.TimelineItem;

/**
 * What operators do to tickets (console and REST API alike). Every action is written to the ticket's timeline and to
 * the audit log with the operator's name, in one transaction with the change itself. A move the ticket's state does
 * not allow is refused with {@link org.hotlinehub.model.IllegalTransitionException} (409), an unknown ticket with
 * {@link org.hotlinehub.model.NotFoundException}, bad input with {@link IllegalArgumentException}.
 */
public interface Casework {

    /**
     * Files a ticket for a caller through the durable intake queue (channel OPERATOR), so it is classified, located
     * and dispatched like any other. The same {@code requestKey} from the same operator files one ticket only.
     *
     * @return the ticket's reference (intake makes the ticket a moment later)
     * @throws org.hotlinehub.model.IntakeUnavailableException when the broker cannot take it now
     */
    String fileForCaller(CallerReport report, String requestKey, Staff staff);

    /**
     * Classifies and locates a ticket awaiting triage (blank keeps what it has) and dispatches it at once. When no
     * partner is left for it, it stays in triage, escalated.
     */
    void triage(String reference, String categoryCode, String placeCode, String note, Staff staff);

    /** Overrides dispatch: the lead goes to the partner named. */
    AssignmentView reassign(String reference, String partnerCode, String note, Staff staff);

    /** An internal note on the timeline; residents and partners never see it. */
    TimelineItem addNote(String reference, String text, Staff staff);

    List<TimelineItem> notes(String reference);

    /**
     * Sends the resident a message on {@code channel} (null: the channel the ticket came in on when the hub can reach
     * the resident there, else SMS). The same {@code requestKey} sends once.
     *
     * @return what happened, for people ("SMS queued", "recorded in sandbox mode" …)
     */
    String message(String reference, String text, Channel channel, String requestKey, Staff staff);

    /**
     * Merges duplicates of one incident into {@code primary}, each as a report joining the incident (the one rule of
     * the incident link): they become MERGED pointing at it, their open assignments are withdrawn, the primary counts
     * them as reporters and its holder is told, the incident's undo takes each out again, and their residents are
     * told which ticket carries on.
     */
    void merge(String primary, List<String> duplicates, String note, Staff staff);

    /**
     * Splits the second problem of an open ticket's report into a ticket of its own: a new reference, its own
     * category and place, the same resident, channel and language; both timelines say so, and the new ticket is
     * dispatched at once. The same {@code requestKey} for the same ticket splits once (the reference made the first
     * time is returned again).
     *
     * @return the new ticket's reference
     */
    String split(String reference, TicketSplit split, String requestKey, Staff staff);

    /**
     * Reopens a resolved, closed or cancelled ticket and hands it on: {@code to} is {@code same} (default: the party
     * that had it), {@code next} (the next candidate by the rules), {@code supervisor} (the supervisors' queue) or a
     * partner code.
     */
    void reopen(String reference, String to, String reason, Staff staff);

    /** Cancels an open ticket (a reason is required); open assignments are withdrawn and their partners told. */
    void cancel(String reference, String reason, Staff staff);

    /**
     * A supervisor's ruling on a returned assignment (退单裁定): {@code REASSIGN} upholds the return (the ticket goes
     * to {@code partnerCode}, or to the next candidate when blank), {@code OVERRULE} sends it back with the note.
     */
    AssignmentView rule(long assignmentId, DispatchControl.Ruling ruling, String partnerCode, String note, Staff staff);

    /** Adds a supporting party (协办) beside the lead. */
    AssignmentView addSupport(String reference, String partnerCode, String note, Staff staff);

    /** Takes a supporting party off the ticket (its open assignment is withdrawn). */
    AssignmentView removeSupport(String reference, long assignmentId, String note, Staff staff);

    /** Pauses both clocks of an open assignment; a reason is required. */
    AssignmentView pause(long assignmentId, String reason, Staff staff);

    /** Starts the clocks again, with why (optional). */
    AssignmentView resume(long assignmentId, String reason, Staff staff);

    /** A supervisor upholds (the survey result leaves the rates) or rejects a partner's appeal (申诉). */
    AppealView decideAppeal(long appealId, boolean uphold, String note, Staff staff);
}
