package org.hotlinehub.connectors.jms;

/**
 * Every destination of the hub's broker, and the Camel URIs for them, built here once. Consumers are transacted
 * (local JMS transactions): a message leaves its queue only when its route finished or dead-lettered it.
 */
public final class JmsEndpoints {

    public static final String INTAKE_QUEUE = "hub.intake";
    public static final String EVENTS_TOPIC = "hub.events";
    public static final String DEAD_LETTER_QUEUE = "hub.dlq";
    public static final String PARTNER_QUEUE_PREFIX = "hub.partner.";
    public static final String PARTNER_REPLY_QUEUE = "hub.partner.replies";

    /** Header of a partner reply carrying the partner's API key. */
    public static final String PARTNER_KEY_HEADER = "HubPartnerKey";
    /** Header naming the kind of event on {@link #EVENTS_TOPIC}. */
    public static final String EVENT_TYPE_HEADER = "HubEventType";
    /** Headers of a dead letter: why it failed, which route or consumer gave up, where a replay sends it. */
    public static final String DEAD_LETTER_REASON_HEADER = "HubDeadLetterReason";
    public static final String DEAD_LETTER_SOURCE_HEADER = "HubDeadLetterSource";
    public static final String DEAD_LETTER_DESTINATION_HEADER = "HubDeadLetterDestination";
    /** Artemis' duplicate-detection header: a sender's retry of the same contact is dropped by the broker. */
    public static final String DUPLICATE_ID_HEADER = "_AMQ_DUPL_ID";
    /** The JMS message group: the broker gives a group's messages to one consumer at a time, in order. */
    public static final String GROUP_ID_PROPERTY = "JMSXGroupID";

    private JmsEndpoints() {
    }

    public static String intakeProducer() {
        return "jms:queue:" + INTAKE_QUEUE;
    }

    public static String eventsProducer() {
        return "jms:topic:" + EVENTS_TOPIC;
    }

    /** Queues of the pipeline, read in batches: a passing failure never dead-letters their messages. */
    public static final java.util.List<String> PIPELINE_ADDRESSES = java.util.List.of(INTAKE_QUEUE, EVENTS_TOPIC);

    public static String partnerRepliesConsumer() {
        return "jms:queue:" + PARTNER_REPLY_QUEUE + "?transacted=true&cacheLevelName=CACHE_CONSUMER";
    }

    public static String deadLetterProducer() {
        return "jms:queue:" + DEAD_LETTER_QUEUE;
    }

    public static String deadLetterConsumer() {
        return "jms:queue:" + DEAD_LETTER_QUEUE + "?transacted=true&cacheLevelName=CACHE_CONSUMER";
    }

    /**
     * The destination a consumer endpoint reads, as {@code queue:<name>} or {@code topic:<name>}: where a dead letter
     * from it is replayed to.
     */
    public static String destinationOf(String endpointUri) {
        String path = endpointUri.replaceFirst("^jms:(//)?", "");
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
