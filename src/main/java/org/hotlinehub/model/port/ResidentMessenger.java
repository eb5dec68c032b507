package org.hotlinehub.model.port;

import org.hotlinehub.model.Channel;

/**
 * Sends an operator's message to a resident on one channel (SMS in the core; WeChat and voice implement it in their
 * connectors). Runs inside the caller's transaction, so it only queues the message in an outbox.
 */
public interface ResidentMessenger {

    Channel channel();

    /** Whether this resident can be reached on this channel at all (a phone number, a linked openid …). */
    boolean canReach(Recipient recipient);

    /**
     * Queues the message once for {@code recipient.idempotencyKey()}.
     *
     * @param purpose what the message is for, as the outbound log records it (operator-message, merge-notice …)
     * @return what happened, for the ticket's timeline
     */
    String send(Recipient recipient, String text, String purpose);

    /** @param language "zh" or "en" */
    record Recipient(String idempotencyKey, String ticketReference, long residentId, String phone, String language) {
    }
}
