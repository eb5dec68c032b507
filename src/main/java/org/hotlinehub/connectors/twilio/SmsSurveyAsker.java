package org.hotlinehub.connectors.twilio;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.port.ResidentReplies;
import org.hotlinehub.model.port.SmsOutbox;
import org.hotlinehub.model.port.SurveyAsker;

/** The call-back question by SMS, answered with 1–4 (or the words) as the SMS conversation understands them. */
@ApplicationScoped
public class SmsSurveyAsker implements SurveyAsker {

    @Inject
    ResidentReplies replies;
    @Inject
    SmsOutbox sms;

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean canReach(Question question) {
        return question.phone() != null && !sms.optedOut(question.phone());
    }

    @Override
    public String ask(Question question) {
        sms.enqueue(question.idempotencyKey(), question.phone(),
                replies.surveyQuestion(question.ticketReference(), question.resolution(),
                        question.english()),
                "survey",
                question.ticketReference());
        return SystemReason.SURVEY_BY_SMS.text();
    }
}
