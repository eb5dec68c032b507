package org.hotlinehub.routes;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.connectors.jms.JmsBatchConsumer;
import org.hotlinehub.connectors.jms.JmsBatchConsumer.Outcome;
import org.hotlinehub.connectors.jms.JmsBatchConsumer.Received;
import org.hotlinehub.connectors.jms.JmsEndpoints;
import org.hotlinehub.dispatch.Dispatcher;
import org.hotlinehub.model.TicketCreated;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * TicketCreated → an assignment offered to the chosen partner, with its delivery in the outbox; a batch of events in
 * one database transaction. Reads the shared durable subscription {@code hub-dispatch} of hub.events: events wait for
 * it across restarts, and each is taken by one hub instance. Starts before intake so that the subscription exists
 * before the first event is published.
 */
@ApplicationScoped
public class DispatchRoute {

    public static final String SUBSCRIPTION = "hub-dispatch";

    @Inject
    ObjectMapper json;
    @Inject
    HubConfig config;
    @Inject
    Dispatcher dispatcher;
    @Inject
    ConnectionFactory broker;

    private JmsBatchConsumer consumer;

    void start(@Observes @Priority(PipelineOrder.DISPATCH) StartupEvent event) throws JMSException {
        consumer = JmsBatchConsumer.start(broker,
                PipelineOrder.settings(RouteIds.DISPATCH, JmsEndpoints.EVENTS_TOPIC, SUBSCRIPTION, config.dispatch()),
                this::handle);
    }

    void stop(@Observes @Priority(PipelineOrder.STOP_DISPATCH) ShutdownEvent event) {
        if (consumer != null) {
            consumer.close();
        }
    }

    Outcome handle(List<Received> batch) throws JsonProcessingException {
        List<TicketCreated> created = new ArrayList<>(batch.size());
        for (Received r : batch) {
            if (IntakeRoute.TICKET_CREATED.equals(r.properties().get(JmsEndpoints.EVENT_TYPE_HEADER))) {
                created.add(json.readValue(r.body(), TicketCreated.class));
            }
        }
        dispatcher.dispatchAll(created);
        return Outcome.of(List.of());
    }
}
