package org.hotlinehub.model;

import java.util.Map;

/**
 * One claimed outbox row, as its channel's sender needs it. Fields a channel has no use for are null.
 *
 * @param recipient the partner's or volunteer's code, the phone or the openid
 * @param address where it goes as read when claimed: the partner's webhook URL, or the phone a partner's SMS goes to
 * @param secret the partner's webhook secret
 * @param topic the partner event type, or the message's purpose
 * @param attempts attempts made before this one
 * @param templateData a WeChat status message's template keywords
 * @param language a call's language
 * @param maxAttempts how many times a call is placed before it gives up
 * @param optedOut the recipient asked for nothing more on this channel (a text's phone that sent STOP), as read when
 *        the row was claimed
 */
public record OutboxMessage(long id, OutboxChannel channel, String recipient, String address, String secret,
        String idempotencyKey, String topic, String body, String ticketReference, int attempts,
        Map<String, String> templateData, String language, int maxAttempts, boolean optedOut) {

    @Override
    public String toString() {
        // never the secret nor the body (phone numbers, residents' words) in a log line
        return "outbox message " + id + " (" + channel + ", " + topic + ")";
    }
}
