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
import org.hotlinehub.connectors.wechat.WechatSender;
import org.hotlinehub.model.TicketEvent;
import org.hotlinehub.model.port.StatusNotices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Ticket events → WeChat status messages in the outbox, a batch in one database transaction. Reads the shared durable
 * subscription {@code hub-wechat-notices} of hub.events, whose selector lets through only the kinds residents hear of
 * ({@link StatusNotices#wechatKinds()}). A redelivered event finds its message already queued under the event's key.
 */
@ApplicationScoped
public class WechatNoticeRoute {

    public static final String SUBSCRIPTION = "hub-wechat-notices";

    @Inject
    ObjectMapper json;
    @Inject
    HubConfig config;
    @Inject
    StatusNotices notices;
    @Inject
    WechatSender sender;
    @Inject
    ConnectionFactory broker;

    private JmsBatchConsumer consumer;

    void start(@Observes @Priority(PipelineOrder.NOTICES) StartupEvent event) throws JMSException {
        consumer = JmsBatchConsumer.start(broker,
                PipelineOrder.eventSubscription(RouteIds.WECHAT_NOTICES, SUBSCRIPTION, config.events(),
                        notices.wechatKinds()),
                this::handle);
    }

    void stop(@Observes @Priority(PipelineOrder.STOP_DISPATCH) ShutdownEvent event) {
        if (consumer != null) {
            consumer.close();
        }
    }

    Outcome handle(List<Received> batch) throws JsonProcessingException {
        List<TicketEvent> events = new ArrayList<>(batch.size());
        for (Received r : batch) {
            events.add(json.readValue(r.body(), TicketEvent.class));
        }
        QuarkusTransaction.requiringNew().run(() -> sender.queueNotices(notices.forWechat(events)));
        return Outcome.of(List.of());
    }
}
