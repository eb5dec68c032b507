package org.hotlinehub.connectors.jms;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.OutboxChannel;
import org.hotlinehub.model.OutboxMessage;
import org.hotlinehub.model.SendResult;
import org.hotlinehub.model.port.OutboxSender;

/**
 * Delivery to partners that integrate over the broker: one queue per partner, {@code hub.partner.<CODE>}, carrying
 * the same JSON body and headers as the webhook (README, "JMS partner queues"). A broker that refuses is worth a
 * retry. The send is plain JMS ({@link PersistentSends}), persistent, with the idempotency key as the broker's
 * duplicate-detection id.
 */
@ApplicationScoped
public class PartnerQueueTransport implements OutboxSender {

    @Inject
    PersistentSends sends;

    @Override
    public OutboxChannel channel() {
        return OutboxChannel.PARTNER_JMS;
    }

    @Override
    public SendResult send(OutboxMessage request) {
        String queue = JmsEndpoints.PARTNER_QUEUE_PREFIX + request.recipient();
        try {
            sends.send(queue, request.body(), Map.of(
                    "HubEvent", request.topic(),
                    "HubIdempotencyKey", request.idempotencyKey(),
                    JmsEndpoints.DUPLICATE_ID_HEADER, request.idempotencyKey()));
            return SendResult.delivered("queued on " + queue);
        } catch (RuntimeException e) {
            return SendResult.retry("broker refused: " + e.getMessage());
        }
    }
}
