package org.hotlinehub.model.port;

import java.util.Optional;

import org.hotlinehub.model.Conversation;
import org.hotlinehub.model.SurveyResult;

/**
 * What a resident's free text means on a channel that keeps a conversation (SMS, WeChat): a status query, a survey
 * answer, a follow-up to the open ticket or a new request. The rules are the core's and the same on every channel; a
 * channel keeps only its own words (opt-out, partner keywords, binding a phone) and the form of its reply.
 */
public interface ConversationRules {

    /**
     * @param text the message, stripped
     * @param mediaMakesAMessage whether pictures came with the text, so that an empty text is still a message (SMS);
     *        WeChat passes false: an empty speech recognition is an empty message even with its recording
     * @param conversation the resident's latest ticket still in conversation, if any
     */
    Reading read(String text, boolean mediaMakesAMessage, Optional<Conversation> conversation);

    /** The text a new request is filed with: the message without its "新：" / "new:" prefix. */
    String requestText(String text);

    enum Kind {
        /** No text and nothing attached: the reply asks in both languages. */
        EMPTY,
        /** "查询 123456", "STATUS", "cx"; without a number it asks about the conversation's ticket. */
        STATUS_QUERY,
        /** A score (1–4 or the words) while the resolved ticket waits for its survey answer. */
        SURVEY_ANSWER,
        /**
         * Anything else while the ticket is not resolved; for a ticket merged into another (a report of an incident),
         * while that one is not.
         */
        FOLLOW_UP,
        /** "新：…" / "new: …": a new request even while a ticket is open. */
        NEW_REQUEST,
        /** A report with no ticket in conversation, or after the last one was resolved. */
        REQUEST
    }

    /**
     * @param english whether to answer in English: the status keyword's language for a status query, else the
     *        text's, or the conversation's when the text has no letters ("2", "1!")
     * @param reference the ticket the message is about (null for a new request, which gets a new one, and for a
     *        status query without a number and without a conversation)
     * @param survey the score, for a survey answer
     * @param text what intake files: for a new request, without its "新：" / "new:" prefix
     * @param mergedInto for a follow-up to a ticket merged into another (a report of an incident), the reference of
     *        the ticket it goes on with; the reply names it
     */
    record Reading(Kind kind, boolean english, String reference, SurveyResult survey, String text,
            String mergedInto) {

        public Reading(Kind kind, boolean english, String reference, SurveyResult survey, String text) {
            this(kind, english, reference, survey, text, null);
        }
    }
}
