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
     * @param resolution for a reporter of an incident (its own filer too), what the partner did, told in the same
     *        message as the question (a text channel's one message instead of a resolution broadcast and a question
     *        apart); else null
     */
    record Question(String idempotencyKey, String ticketReference, long residentId, String phone, String language,
            String resolution) {

        public Question(String idempotencyKey, String ticketReference, long residentId, String phone,
                String language) {
            this(idempotencyKey, ticketReference, residentId, phone, language, null);
        }

        public boolean english() {
            return "en".equals(language);
        }
    }
}
