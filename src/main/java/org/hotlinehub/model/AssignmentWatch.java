package org.hotlinehub.model;

import java.time.Instant;

/**
 * An open assignment a supervisor should look at: past the warning point of its accept or resolve window, or past
 * the deadline itself.
 *
 * @param clock which deadline matters now: {@code accept} for an offer, {@code resolve} for accepted work
 * @param overdue past that deadline (for resolve: stamped overdue by the sweep, or resolve-by has passed)
 */
public record AssignmentWatch(long id, String reference, String category, String assignee, String assigneeName,
        AssignmentState state, String clock, Instant due, boolean warned, boolean overdue) {
}
