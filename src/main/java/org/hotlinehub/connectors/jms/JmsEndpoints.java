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
    /** Artemis' duplicate-detection header: a sender's retry of the same contact is dropped by the broker. */
    public static final String DUPLICATE_ID_HEADER = "_AMQ_DUPL_ID";

    private JmsEndpoints() {
    }

    public static String intakeConsumer() {
        return "jms:queue:" + INTAKE_QUEUE
                + "?transacted=true&concurrentConsumers={{hub.intake.consumers}}&maxConcurrentConsumers={{hub.intake.consumers}}";
    }

    public static String intakeProducer() {
        return "jms:queue:" + INTAKE_QUEUE;
    }

    public static String eventsProducer() {
        return "jms:topic:" + EVENTS_TOPIC;
    }

    /** A shared durable subscription: events wait for the subscriber across restarts, one instance takes each. */
    public static String eventsSubscription(String subscriber) {
        return "jms:topic:" + EVENTS_TOPIC + "?transacted=true&subscriptionDurable=true&subscriptionShared=true"
                + "&subscriptionName=" + subscriber + "&concurrentConsumers=2";
    }

    public static String partnerRepliesConsumer() {
        return "jms:queue:" + PARTNER_REPLY_QUEUE + "?transacted=true";
    }

    public static String deadLetterProducer() {
        return "jms:queue:" + DEAD_LETTER_QUEUE;
    }

    public static String deadLetterConsumer() {
        return "jms:queue:" + DEAD_LETTER_QUEUE + "?transacted=true";
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

    public static String queueProducer(String queue) {
        return "jms:queue:" + queue;
    }
}
