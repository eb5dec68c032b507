package org.hotlinehub.model;

/**
 * What one send came to, as a channel's sender reports it: the outbox alone decides when to try again and when to
 * give up.
 *
 * @param status the row's status when {@link Kind#FAILED} (SANDBOX, BLOCKED, FAILED …)
 * @param externalId what the provider calls the message (Twilio sid, WeChat msgid), when it took it
 * @param externalStatus the provider's status of it, or the form it went out in (a WeChat template)
 * @param statusRank the rank of {@code externalStatus} among the provider's later callbacks
 * @param attempted whether this counts as an attempt of the row (a sandbox record or a recipient who opted out does
 *        not; nor does a call Twilio could not be asked to place, since a call's attempts are the calls placed)
 */
public record SendResult(Kind kind, String status, String detail, String errorCode, String externalId,
        String externalStatus, int statusRank, boolean attempted) {

    public enum Kind {
        /** The channel took it. */
        DELIVERED,
        /** A passing failure: worth another attempt, with backoff, until the give-up time. */
        RETRY,
        /** It can never go: final at once. */
        FAILED
    }

    public static SendResult delivered(String detail) {
        return new SendResult(Kind.DELIVERED, null, detail, null, null, null, 0, true);
    }

    public static SendResult delivered(String detail, String externalId, String externalStatus, int statusRank) {
        return new SendResult(Kind.DELIVERED, null, detail, null, externalId, externalStatus, statusRank, true);
    }

    public static SendResult retry(String detail) {
        return retry(detail, null);
    }

    public static SendResult retry(String detail, String errorCode) {
        return new SendResult(Kind.RETRY, null, detail, errorCode, null, null, 0, true);
    }

    /** A retry that does not count as an attempt of the row. */
    public static SendResult retryUncounted(String detail) {
        return new SendResult(Kind.RETRY, null, detail, null, null, null, 0, false);
    }

    /** A final failure that counts as an attempt. */
    public static SendResult failed(String status, String detail, String errorCode) {
        return new SendResult(Kind.FAILED, status, detail, errorCode, null, null, 0, true);
    }

    /** Final without trying: a sandbox record, a recipient who opted out. */
    public static SendResult notSent(String status, String detail, String errorCode) {
        return new SendResult(Kind.FAILED, status, detail, errorCode, null, null, 0, false);
    }
}
