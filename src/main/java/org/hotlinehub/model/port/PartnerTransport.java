package org.hotlinehub.model.port;

import org.hotlinehub.model.DeliveryChannel;

/** Carries one message to a partner over one delivery channel. Implemented by the partner, JMS and Twilio connectors. */
public interface PartnerTransport {

    DeliveryChannel channel();

    /**
     * @return the outcome; a transport never throws for a partner's failure, it reports it so the worker can retry
     */
    Outcome send(Request request);

    /** @param partnerCode the partner's or volunteer's code; {@code phone} where SMS reaches them */
    record Request(String partnerCode, String url, String secret, String phone, String eventType,
            String idempotencyKey, String body) {
    }

    record Outcome(boolean delivered, String detail) {

        public static Outcome ok(String detail) {
            return new Outcome(true, detail);
        }

        public static Outcome failed(String detail) {
            return new Outcome(false, detail);
        }
    }
}
