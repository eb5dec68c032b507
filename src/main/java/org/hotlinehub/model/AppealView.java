package org.hotlinehub.model;

import java.time.Instant;

/**
 * A partner's appeal (申诉) against a survey result and where it stands. {@code outcome} is the result appealed
 * (DISSATISFIED or NOT_SOLVED); an UPHELD appeal takes it out of the rates.
 */
public record AppealView(
        long id,
        String ticketReference,
        long assignmentId,
        String partner,
        String outcome,
        Instant answeredAt,
        String reason,
        AppealStatus status,
        Instant filedAt,
        Instant decidedAt,
        String decidedBy,
        String decisionNote) {
}
