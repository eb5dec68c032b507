package org.hotlinehub.model.port;

import java.time.Duration;
import java.util.Optional;

/**
 * Outbound calls (the call-back survey by voice): queued in the hub's one outbox in the caller's transaction, placed
 * later through the Twilio Calls API by the voice connector's sender, retried when nobody answers, up to the row's
 * attempts.
 */
public interface VoiceOutbox {

    enum Status {
        PENDING,
        CALLING,
        ANSWERED,
        GAVE_UP,
        SANDBOX,
        FAILED,
        /** Not placed: what it was for was settled first (an emergency someone took). */
        WITHDRAWN
    }

    /** Queues a call once for this key; nothing when the key was queued before. */
    default void enqueue(String idempotencyKey, String purpose, String to, String ticketReference, String language,
            int maxAttempts) {
        enqueue(idempotencyKey, purpose, to, ticketReference, language, maxAttempts, "");
    }

    /** As above, with what the call says ({@link OutboundCall#message()}). */
    void enqueue(String idempotencyKey, String purpose, String to, String ticketReference, String language,
            int maxAttempts, String message);

    /** The calls of this purpose about the ticket that are not placed yet are not placed at all. */
    void withdraw(String purpose, String ticketReference);

    Optional<OutboundCall> find(long id);

    /** The resident answered the questions. */
    void answered(long id);

    /**
     * The call with this sid ended with a final status: when it was not answered, the next attempt is due after
     * {@code retryAfter}, or the call gives up after its last attempt.
     *
     * @return the row's status afterwards; empty when the sid is not an outbound call of the hub
     */
    Optional<Status> ended(String callSid, String callStatus, Duration retryAfter);

    record OutboundCall(long id, String purpose, String to, String ticketReference, String language, Status status,
            int attempts, int maxAttempts, String callSid, String lastError, String message) {

        public boolean english() {
            return "en".equals(language);
        }
    }
}
