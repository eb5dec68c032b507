package org.hotlinehub.model.port;

import org.hotlinehub.model.DeliveryChannel;

/** Carries one message to a partner over one delivery channel. Implemented by the partner, JMS and Twilio connectors. */
public interface PartnerTransport {

    /** In the JSON body of an SMS delivery: the partner's registered phone the message goes to. */
    String SMS_TO_FIELD = "smsTo";

    DeliveryChannel channel();

    /**
     * @return the outcome; a transport never throws for a partner's failure, it reports it so the worker can retry
     */
    Outcome send(Request request);

    record Request(String partnerCode, String url, String secret, String eventType, String idempotencyKey,
            String body) {
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
