package org.hotlinehub.connectors.twilio;

import java.util.Optional;

import org.hotlinehub.model.Conversation;

/**
 * What the SMS edge needs to know to answer a text at once: how an earlier delivery of the same message was taken
 * (Twilio retries get the same answer), the sender's conversation with the hub, and whether the sender is a partner.
 */
interface SmsConversations {

    /** The decision taken for this message sid before, if any. */
    Optional<Decision> decided(String messageSid);

    /** Records the decision unless one exists for the sid; returns the one that counts (the first). */
    Decision decide(Decision decision);

    /**
     * The resident's latest ticket still in conversation: open, resolved and awaiting the survey answer, or a request
     * the edge accepted that intake has not made into a ticket yet.
     */
    Optional<Conversation> conversation(String phone);

    /** The code of the active partner (or volunteer) whose registered phone this is: its SMS or a contact phone. */
    Optional<String> partnerByPhone(String phone);

    /**
     * The three reads an answer starts with, in one transaction: the earlier decision for the sid, the partner whose
     * phone this is, and the sender's conversation.
     */
    Context context(String messageSid, String phone);

    /** What {@link #context} read. */
    record Context(Optional<Decision> earlier, Optional<String> partner, Optional<Conversation> conversation) {
    }

    /** @param kind what the message was taken as (request, follow-up, survey answer, status query, partner, …) */
    record Decision(String messageSid, String fromPhone, String kind, String reference, String reply) {
    }
}
