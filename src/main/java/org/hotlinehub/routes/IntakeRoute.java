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
import org.hotlinehub.connectors.jms.EventTopicSender;
import org.hotlinehub.connectors.jms.JmsBatchConsumer;
import org.hotlinehub.connectors.jms.JmsBatchConsumer.Outcome;
import org.hotlinehub.connectors.jms.JmsBatchConsumer.Outgoing;
import org.hotlinehub.connectors.jms.JmsBatchConsumer.Received;
import org.hotlinehub.connectors.jms.JmsEndpoints;
import org.hotlinehub.connectors.jms.PipelineLag;
import org.hotlinehub.intake.IntakeService;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.TicketCreated;
import org.hotlinehub.model.TicketEvent;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * hub.intake → tickets → hub.events, in batches: up to {@code hub.intake.batch-size} contacts (or what arrives within
 * {@code hub.intake.batch-wait}) become tickets in one database transaction, and their TicketCreated events (the
 * creation {@link TicketEvent}s) leave with the consumed contacts in one JMS transaction. The contacts leave the
 * queue only after their tickets are committed; a redelivery after a crash finds each ticket by (channel, external
 * id) and publishes its event again under the same event id. So creations carry no duplicate-detection id: a repeat
 * would make the broker refuse the whole batch; dispatch ignores repeats, other subscribers key on the event id. Replies about a ticket (follow-ups, survey answers) publish only when they make it
 * dispatchable; one whose ticket is not committed yet waits on the queue (see {@link IntakeService#acceptAll}).
 */
@ApplicationScoped
public class IntakeRoute {

    private static final Logger LOG = Logger.getLogger(IntakeRoute.class);
    public static final String TICKET_CREATED = TicketEvent.Kind.CREATED.type();
    /** Who a creation published again names (intake's timeline actor). */
    private static final String INTAKE_ACTOR = "hub:intake";

    @Inject
    ObjectMapper json;
    @Inject
    HubConfig config;
    @Inject
    IntakeService intake;
    @Inject
    ConnectionFactory broker;
    @Inject
    EventTopicSender sender;
    @Inject
    PipelineLag lag;

    private JmsBatchConsumer consumer;

    /** After dispatch has its subscription (so no event is published before a subscriber exists). */
    void start(@Observes @Priority(PipelineOrder.INTAKE) StartupEvent event) throws JMSException {
        if (config.intake().paused()) {
            LOG.warn("intake is paused (hub.intake.paused): contacts are accepted and wait on the queue");
            return;
        }
        consumer = JmsBatchConsumer.start(broker,
                PipelineOrder.settings(RouteIds.INTAKE, JmsEndpoints.INTAKE_QUEUE, null, config.intake())
                        .withLag(lag.stage(RouteIds.INTAKE)),
                this::handle);
    }

    /** Before anything else stops: the batch in hand is committed or rolled back, then nothing more is taken. */
    void stop(@Observes @Priority(PipelineOrder.STOP_INTAKE) ShutdownEvent event) {
        if (consumer != null) {
            consumer.close();
        }
    }

    Outcome handle(List<Received> batch) throws JsonProcessingException {
        List<InboundContact> contacts = new ArrayList<>(batch.size());
        for (Received r : batch) {
            contacts.add(json.readValue(r.body(), InboundContact.class));
        }
        IntakeService.Accepted accepted = intake.acceptAll(contacts);
        List<Outgoing> events = new ArrayList<>(accepted.events().size());
        for (TicketCreated created : accepted.events()) {
            events.add(sender.outgoing(TicketEvent.created(created, INTAKE_ACTOR), false));
        }
        return new Outcome(events, accepted.deferred());
    }
}
