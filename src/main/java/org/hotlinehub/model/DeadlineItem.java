package org.hotlinehub.model;

import java.time.Instant;

/** An open assignment and its two clocks, as the console's deadline watch lists it. */
public record DeadlineItem(
        long assignmentId,
        String ticketReference,
        String assignee,
        String role,
        AssignmentState state,
        Instant offeredAt,
        Instant acceptBy,
        Instant resolveBy,
        Instant pausedAt,
        String pauseReason,
        long pausedSeconds,
        Instant overdueAt) {
}
