package org.hotlinehub.model.port;

import java.util.List;
import java.util.Optional;

import org.hotlinehub.model.OutboundSms;
import org.hotlinehub.model.OutboundSmsStatus;

/**
 * Outbound text messages: written to the hub's one outbox in the caller's transaction, sent later by the SMS
 * connector's sender, with their delivery status as Twilio reports it. Also the opt-out list (STOP / 退订) every send checks.
 */
public interface SmsOutbox {

    /**
     * Queues a text, split into several messages when long ({@link org.hotlinehub.model.SmsSegments}); nothing when
     * this key was queued before.
     *
     * @return the ids of the messages queued for this key
     */
    List<Long> enqueue(String idempotencyKey, String to, String text, String purpose, String ticketReference);

    /** A text to queue: as the arguments of {@link #enqueue}. */
    record Text(String idempotencyKey, String to, String text, String purpose, String ticketReference) {
    }

    /**
     * As {@link #enqueue} for each text, except to a phone that opted out: the checks and the writes of all of them
     * are one statement.
     *
     * @return for each text in order the ids of the messages queued for its key; empty where the phone opted out and
     *         nothing was queued
     */
    List<Optional<List<Long>>> enqueueAllUnlessOptedOut(List<Text> texts);

    /**
     * Applies a status callback unless the message already has a status of the same or a later stage (callbacks
     * arrive out of order); {@code rank} orders the stages (queued &lt; sending &lt; sent &lt; delivered …).
     *
     * @return false when no message has this sid
     */
    boolean recordStatus(String twilioSid, String twilioStatus, int rank, String errorCode);

    List<OutboundSms> list(Optional<OutboundSmsStatus> status, int offset, int limit);

    boolean optedOut(String phone);

    void optOut(String phone);

    void optIn(String phone);
}
