package org.hotlinehub.model.port;

import org.hotlinehub.model.TriageSuggestions;

/** Suggestions for an operator triaging a ticket. */
public interface TriageAdvice {

    /**
     * The classifier's three likeliest categories for the ticket's description and the compounds its locator finds
     * (from the text, the address or the coordinates, then the resident's registered home); none for an unknown
     * ticket.
     */
    TriageSuggestions suggest(String reference);
}
