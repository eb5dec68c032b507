package org.hotlinehub.model.port;

import org.hotlinehub.model.Channel;

/**
 * Puts the call-back question (回访: solved? how satisfied?) to a resident on one channel. One implementation per
 * channel, in that channel's connector (SMS and voice in twilio, WeChat in wechat). Runs inside the caller's
 * transaction, so it only queues work in an outbox and never calls out itself.
 */
public interface SurveyAsker {

    Channel channel();

    /** Whether this resident can be reached on this channel at all (a phone number, a linked openid …). */
    boolean canReach(Question question);

    /**
     * Queues the question once for this idempotency key.
     *
     * @return what happened, for the ticket's timeline ("survey question sent by SMS")
     */
    String ask(Question question);

    /**
     * @param idempotencyKey unique per ticket and resolution
     * @param language "zh" or "en"
     */
    record Question(String idempotencyKey, String ticketReference, long residentId, String phone, String language) {

        public boolean english() {
            return "en".equals(language);
        }
    }
}
