package org.hotlinehub.model;

/**
 * The ways a message leaves the hub through the one outbox: the stream it belongs to (what it is: a partner delivery,
 * a resident's text, a WeChat message, a call) and the channel that carries it. Each has one
 * {@link org.hotlinehub.model.port.OutboxSender}. The status names are the stream's own, as its listings show them.
 */
public enum OutboxChannel {

    PARTNER_WEBHOOK(Stream.PARTNER, "WEBHOOK"),
    PARTNER_JMS(Stream.PARTNER, "JMS"),
    PARTNER_SMS(Stream.PARTNER, "SMS"),
    SMS(Stream.SMS, "SMS"),
    WECHAT(Stream.WECHAT, "WECHAT"),
    VOICE(Stream.VOICE, "VOICE");

    /** What a row is; its idempotency keys are unique within its stream. */
    public enum Stream {

        PARTNER("partner", "DELIVERED", "DEAD"),
        SMS("sms", "SENT", "FAILED"),
        WECHAT("wechat", "SENT", "FAILED"),
        /** A placed call is CALLING; its own callbacks take it on (ANSWERED, back to PENDING, GAVE_UP). */
        VOICE("voice", "CALLING", "FAILED");

        private final String code;
        private final String delivered;
        private final String gaveUp;

        Stream(String code, String delivered, String gaveUp) {
            this.code = code;
            this.delivered = delivered;
            this.gaveUp = gaveUp;
        }

        /** As stored in the outbox's stream column. */
        public String code() {
            return code;
        }

        /** The status of a row its channel took. */
        public String deliveredStatus() {
            return delivered;
        }

        /** The status of a row that was retried until its give-up time. */
        public String gaveUpStatus() {
            return gaveUp;
        }
    }

    private final Stream stream;
    private final String code;

    OutboxChannel(Stream stream, String code) {
        this.stream = stream;
        this.code = code;
    }

    public Stream stream() {
        return stream;
    }

    /** As stored in the outbox's channel column. */
    public String code() {
        return code;
    }

    public static OutboxChannel of(String stream, String channel) {
        for (OutboxChannel c : values()) {
            if (c.stream.code.equals(stream) && c.code.equals(channel)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no outbox channel " + stream + "/" + channel);
    }

    /** The outbox channel of a partner's delivery channel; none for the portal. */
    public static java.util.Optional<OutboxChannel> forPartner(DeliveryChannel channel) {
        return switch (channel) {
            case WEBHOOK -> java.util.Optional.of(PARTNER_WEBHOOK);
            case JMS -> java.util.Optional.of(PARTNER_JMS);
            case SMS -> java.util.Optional.of(PARTNER_SMS);
            case PORTAL -> java.util.Optional.empty();
        };
    }
}
