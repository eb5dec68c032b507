package org.hotlinehub.routes;

import java.util.Collection;

import jakarta.interceptor.Interceptor;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.connectors.jms.JmsBatchConsumer;
import org.hotlinehub.connectors.jms.JmsEndpoints;
import org.hotlinehub.model.TicketEvent;

/**
 * When the batch consumers of the pipeline start and stop, as observer priorities. They start after the reference
 * data is loaded (its observer has the default priority): the subscriptions of hub.events (dispatch, notices) before
 * anything publishes on it (intake, the event relay); on shutdown they stop first, intake and the relay before the
 * subscribers, so that what they publish while stopping is still read.
 */
final class PipelineOrder {

    static final int DISPATCH = Interceptor.Priority.APPLICATION + 1000;
    static final int NOTICES = DISPATCH + 5;
    static final int INTAKE = DISPATCH + 10;
    static final int RELAY = INTAKE + 10;
    static final int STOP_INTAKE = Interceptor.Priority.PLATFORM_BEFORE;
    static final int STOP_RELAY = STOP_INTAKE + 5;
    static final int STOP_DISPATCH = STOP_INTAKE + 10;
    /** A message that fails alone this many times, for a reason that is not passing, is dead-lettered. */
    static final int POISON_AFTER = 5;

    private PipelineOrder() {
    }

    /** How a stage named {@code name} reads {@code destination} (a queue, or a topic's {@code subscription}). */
    static JmsBatchConsumer.Settings settings(String name, String destination, String subscription,
            HubConfig.Stage stage) {
        return new JmsBatchConsumer.Settings(name, destination, subscription, stage.consumers(), stage.batchSize(),
                stage.batchWait().toMillis(), POISON_AFTER);
    }

    /**
     * How a stage named {@code name} reads hub.events through its durable {@code subscription}: only the events of
     * {@code kinds} reach it, the broker filtering them by their event-type header.
     */
    static JmsBatchConsumer.Settings eventSubscription(String name, String subscription, HubConfig.Stage stage,
            Collection<TicketEvent.Kind> kinds) {
        return settings(name, JmsEndpoints.EVENTS_TOPIC, subscription, stage)
                .withSelector(TicketEvent.selector(JmsEndpoints.EVENT_TYPE_HEADER, kinds));
    }
}
