package org.hotlinehub.routes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.connectors.jms.EventTopicSender;
import org.hotlinehub.connectors.jms.JmsBatchConsumer;
import org.hotlinehub.connectors.jms.JmsBatchConsumer.Outcome;
import org.hotlinehub.connectors.jms.JmsBatchConsumer.Outgoing;
import org.hotlinehub.connectors.jms.JmsBatchConsumer.Received;
import org.hotlinehub.connectors.jms.JmsEndpoints;
import org.hotlinehub.connectors.jms.PipelineLag;
import org.hotlinehub.dispatch.Dispatcher;
import org.hotlinehub.model.TicketCreated;
import org.hotlinehub.model.TicketEvent;
import org.hotlinehub.model.port.TicketEvents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * TicketCreated → an assignment offered to the chosen partner, with its delivery in the outbox; a batch of events in
 * one database transaction, whose TicketDispatched events leave with the consumed ones in one JMS transaction
 * (captured from the timeline: no outbox row per ticket). Reads the shared durable subscription {@code hub-dispatch}
 * of hub.events, whose selector takes TicketCreated only: events wait for it across restarts, and each is taken by one
 * hub instance. Starts before intake so that the subscription exists before the first event is published.
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
    @Inject
    TicketEvents ticketEvents;
    @Inject
    EventTopicSender sender;
    @Inject
    PipelineLag lag;

    private JmsBatchConsumer consumer;

    void start(@Observes @Priority(PipelineOrder.DISPATCH) StartupEvent event) throws JMSException {
        consumer = JmsBatchConsumer.start(broker,
                PipelineOrder.eventSubscription(RouteIds.DISPATCH, SUBSCRIPTION, config.dispatch(),
                        List.of(TicketEvent.Kind.CREATED)).withLag(lag.stage(RouteIds.DISPATCH)),
                this::handle);
    }

    void stop(@Observes @Priority(PipelineOrder.STOP_DISPATCH) ShutdownEvent event) {
        if (consumer != null) {
            consumer.close();
        }
    }

    Outcome handle(List<Received> batch) throws JsonProcessingException {
        List<TicketCreated> created = new ArrayList<>(batch.size());
        List<Long> redelivered = new ArrayList<>();
        for (Received r : batch) {
            // the selector keeps other kinds away; a subscription made before it existed still brings them
            if (IntakeRoute.TICKET_CREATED.equals(r.properties().get(JmsEndpoints.EVENT_TYPE_HEADER))) {
                TicketCreated event = json.readValue(r.body(), TicketCreated.class);
                created.add(event);
                if (r.deliveryCount() > 1) {
                    redelivered.add(event.ticketId());
                }
            }
        }
        List<Outgoing> events = new ArrayList<>();
        Set<String> published = new HashSet<>();
        try (TicketEvents.Capture capture = ticketEvents.capture(Set.of(TicketEvent.Kind.DISPATCHED))) {
            dispatcher.dispatchAll(created);
            for (TicketEvent e : capture.events()) {
                events.add(sender.outgoing(e, true));
                published.add(e.id());
            }
        }
        // The last attempt at a redelivered event may have committed its offer and lost its message with the
        // broker: its dispatch events are published again (consumers recognise a repeat by the event id).
        for (TicketEvent e : ticketEvents.recorded(redelivered, TicketEvent.Kind.DISPATCHED)) {
            if (published.add(e.id())) {
                events.add(sender.outgoing(e, false));
            }
        }
        return Outcome.of(events);
    }
}
