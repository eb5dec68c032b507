package org.hotlinehub.model;

import java.time.Instant;

/**
 * One outbound text message as operators see it: what was (or was to be) sent, to whom, why, and what became of it.
 * {@code sent} is false for messages recorded in sandbox mode, blocked by an opt-out, failed, or still pending.
 */
public record OutboundSms(
        long id,
        String to,
        String body,
        String purpose,
        String ticketReference,
        int segments,
        OutboundSmsStatus status,
        boolean sent,
        String twilioSid,
        String twilioStatus,
        String errorCode,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant updatedAt) {
}
