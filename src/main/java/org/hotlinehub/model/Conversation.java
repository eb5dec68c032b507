package org.hotlinehub.model;

/**
 * A resident's ticket in conversation with the hub over a text channel (SMS, WeChat): the latest one that is open, or
 * resolved and awaiting the survey answer, or a request the edge accepted that intake has not made into a ticket yet.
 *
 * @param status the ticket's status; for a ticket merged into another (a report of an incident), that ticket's
 *        (RESOLVED once it is resolved or closed while this ticket's own survey answer is still awaited)
 * @param language the ticket's language ({@code zh}, {@code en}), null while intake has not made it yet
 * @param mergedInto for a ticket merged into another (a report of an incident), that ticket's reference; else null
 */
public record Conversation(String reference, TicketStatus status, boolean awaitingSurvey, String language,
        String mergedInto) {

    /** A conversation about a ticket that is not merged into another. */
    public Conversation(String reference, TicketStatus status, boolean awaitingSurvey, String language) {
        this(reference, status, awaitingSurvey, language, null);
    }
}
