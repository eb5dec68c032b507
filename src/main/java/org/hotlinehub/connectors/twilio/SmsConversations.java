package org.hotlinehub.model.port;

import java.util.Optional;

import org.hotlinehub.model.TicketStatus;

/**
 * What the SMS edge needs to know to answer a text at once: how an earlier delivery of the same message was taken
 * (Twilio retries get the same answer), the sender's conversation with the hub, and whether the sender is a partner.
 */
public interface SmsConversations {

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

    /**
     * @param status the ticket's status; for a ticket merged into another (a report of an incident), that ticket's
     *        (RESOLVED once it is resolved or closed while this ticket's own survey answer is still awaited)
     * @param language the ticket's language ({@code zh}, {@code en}), null while intake has not made it yet
     * @param mergedInto for a ticket merged into another (a report of an incident), that ticket's reference; else null
     */
    record Conversation(String reference, TicketStatus status, boolean awaitingSurvey, String language,
            String mergedInto) {

        /** A conversation about a ticket that is not merged into another. */
        public Conversation(String reference, TicketStatus status, boolean awaitingSurvey, String language) {
            this(reference, status, awaitingSurvey, language, null);
        }
    }
}
