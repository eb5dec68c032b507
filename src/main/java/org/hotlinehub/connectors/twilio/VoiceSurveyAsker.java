package org.hotlinehub.connectors.twilio;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.port.SurveyAsker;
import org.hotlinehub.model.port.VoiceOutbox;

/**
 * The call-back question for residents who called: an outbound call, queued in the survey's transaction and placed
 * later by the voice-outbound route ({@link TwilioVoiceCaller}); unanswered calls are retried
 * {@code hub.voice.survey-attempts} times in all.
 */
@ApplicationScoped
public class VoiceSurveyAsker implements SurveyAsker {

    static final String PURPOSE = "survey";

    @Inject
    VoiceOutbox outbox;
    @Inject
    HubConfig config;

    @Override
    public Channel channel() {
        return Channel.VOICE;
    }

    @Override
    public boolean canReach(Question question) {
        return question.phone() != null && !question.phone().isBlank();
    }

    @Override
    public String ask(Question question) {
        int attempts = config.voice().surveyAttempts();
        outbox.enqueue(question.idempotencyKey(), PURPOSE, question.phone(), question.ticketReference(),
                question.language(), attempts);
        return SystemReason.SURVEY_CALL_QUEUED.text(attempts);
    }
}
