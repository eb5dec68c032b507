package org.hotlinehub.model.port;

import org.hotlinehub.model.SurveyResult;
import org.hotlinehub.model.TicketStatus;

/**
 * What the hub says to residents by text message (SMS, WeChat), in Simplified Chinese or English. Kept short: a
 * Chinese text up to 70 characters is one SMS segment. Which language a resident wrote in is
 * {@link org.hotlinehub.model.ResidentTexts#english}.
 */
public interface ResidentReplies {

    String received(String reference, boolean english);

    /**
     * A follow-up taken; {@code mergedInto}, when the ticket was merged into another (a report of an incident), is the
     * ticket whose record it went on, and the reply says so.
     */
    String followUp(String reference, String mergedInto, boolean english);

    /** English falls back to the Chinese category name when the catalog has no English one. */
    String status(String reference, TicketStatus status, String categoryZh, String categoryEn, boolean english);

    String notFound(String reference, boolean english);

    String statusUsage(boolean english);

    String emptyMessage(boolean english);

    /**
     * The call-back question; with {@code resolution} (an incident's reporters) it first says the problem was resolved
     * and what was done, so the resolution and the question are one message.
     */
    String surveyQuestion(String reference, String resolution, boolean english);

    /** Thanks for a survey answer; "not solved" says the ticket was reopened instead. */
    String surveyThanks(String reference, SurveyResult result, boolean english);

    /** The clarifying question for a ticket intake could not locate. */
    String askPlace(String reference, boolean english);

    /** The clarifying question for a ticket intake could not classify. */
    String askCategory(String reference, boolean english);

    String optedOut(boolean english);

    String optedIn(boolean english);

    /** The status in words, as the other texts say it. */
    String statusWord(TicketStatus status, boolean english);

    /** A confirmed surge's status message to a reporter of the incident, about their own ticket. */
    String incidentStatus(String reference, String status, boolean english);

    /** A progress update of an incident to one of its reporters: the status in words and the partner's note, if any. */
    String incidentUpdate(String reference, TicketStatus status, String note, boolean english);
}
