package org.hotlinehub.intake;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotlinehub.model.Conversation;
import org.hotlinehub.model.ResidentTexts;
import org.hotlinehub.model.SurveyResult;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.port.ConversationRules;

/**
 * The conversation rules of SMS and WeChat, in one place: what a resident's text is, given the ticket they are in
 * conversation about. Pure: it reads nothing and stores nothing, so each channel answers at its edge in
 * milliseconds and records the decision itself.
 */
@ApplicationScoped
public class ResidentTextRules implements ConversationRules {

    private static final Pattern STATUS = Pattern.compile("(查询|查|status|cx)\\s*[:：]?\\s*(\\d{6,12})?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEW_REQUEST = Pattern.compile("(?:新|new)[\\s:：,，]+(.+)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    @Override
    public Reading read(String text, boolean mediaMakesAMessage, Optional<Conversation> conversation) {
        if (text.isEmpty() && !mediaMakesAMessage) {
            return new Reading(Kind.EMPTY, false, null, null, text);
        }
        Matcher status = STATUS.matcher(text);
        if (status.matches()) {
            String reference = status.group(2) != null
                    ? status.group(2)
                    : conversation.map(Conversation::reference).orElse(null);
            return new Reading(Kind.STATUS_QUERY, !status.group(1).startsWith("查"), reference, null, text);
        }
        boolean english = ResidentTexts.english(text);
        if (text.codePoints().noneMatch(Character::isLetter) && conversation.map(Conversation::language).isPresent()) {
            // "2" or "1!" say nothing about language: answer in the conversation's.
            english = "en".equals(conversation.get().language());
        }
        Matcher fresh = NEW_REQUEST.matcher(text);
        if (fresh.matches()) {
            return new Reading(Kind.NEW_REQUEST, english, null, null, fresh.group(1).strip());
        }
        if (conversation.isPresent()) {
            Conversation c = conversation.get();
            Optional<SurveyResult> survey = c.awaitingSurvey() ? SurveyResult.parse(text) : Optional.empty();
            if (survey.isPresent()) {
                return new Reading(Kind.SURVEY_ANSWER, english, c.reference(), survey.get(), text);
            }
            if (c.status() != TicketStatus.RESOLVED) {
                return new Reading(Kind.FOLLOW_UP, english, c.reference(), null, text, c.mergedInto());
            }
        }
        return new Reading(Kind.REQUEST, english, null, null, text);
    }

    @Override
    public String requestText(String text) {
        Matcher fresh = NEW_REQUEST.matcher(text);
        return fresh.matches() ? fresh.group(1).strip() : text;
    }
}
