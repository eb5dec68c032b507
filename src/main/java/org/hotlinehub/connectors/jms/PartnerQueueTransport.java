package org.hotlinehub.connectors.jms;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.ProducerTemplate;
import org.hotlinehub.model.DeliveryChannel;
import org.hotlinehub.model.port.PartnerTransport;

/**
 * Delivery to partners that integrate over the broker: one queue per partner, {@code hub.partner.<CODE>}, carrying
 * the same JSON body and headers as the webhook (README, "JMS partner queues").
 */
@ApplicationScoped
public class PartnerQueueTransport implements PartnerTransport {

    @Inject
    ProducerTemplate producer;

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.JMS;
    }

    @Override
    public Outcome send(Request request) {
        String queue = JmsEndpoints.PARTNER_QUEUE_PREFIX + request.partnerCode();
        try {
            producer.sendBodyAndHeaders(JmsEndpoints.queueProducer(queue), request.body(), Map.of(
                    "HubEvent", request.eventType(),
                    "HubIdempotencyKey", request.idempotencyKey(),
                    JmsEndpoints.DUPLICATE_ID_HEADER, request.idempotencyKey()));
            return Outcome.ok("queued on " + queue);
        } catch (RuntimeException e) {
            return Outcome.failed("broker refused: " + e.getMessage());
        }
    }
}
