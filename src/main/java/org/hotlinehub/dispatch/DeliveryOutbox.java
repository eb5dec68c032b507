package org.hotlinehub.dispatch;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.DeliveryChannel;
import org.hotlinehub.model.port.PartnerTransport;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.PartnerDeliveryEntity;
import org.hotlinehub.store.PartnerDeliveryRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes what a partner must be told into the outbox, in the caller's transaction, so an offer exists exactly when
 * its assignment does. The idempotency key is fixed here, once per event and partner, and never changes on retry.
 */
@ApplicationScoped
public class DeliveryOutbox {

    @Inject
    PartnerDeliveryRepository deliveries;
    @Inject
    AssignmentViews views;
    @Inject
    ObjectMapper json;
    @Inject
    HubConfig config;

    /**
     * @return false when the partner works from the portal or partner API only (nothing to push), as does an SMS
     *         partner without a registered phone
     */
    public boolean enqueue(AssignmentEntity assignment, String eventType) {
        DeliveryChannel channel = DeliveryChannel.fromCode(assignment.partner.deliveryChannel)
                .orElse(DeliveryChannel.PORTAL);
        boolean sms = channel == DeliveryChannel.SMS && assignment.partner.phone != null;
        if (channel != DeliveryChannel.WEBHOOK && channel != DeliveryChannel.JMS && !sms) {
            return false;
        }
        PartnerDeliveryEntity d = new PartnerDeliveryEntity();
        d.partner = assignment.partner;
        d.assignmentId = assignment.id;
        d.channel = channel;
        d.eventType = eventType;
        d.idempotencyKey = "asg-" + assignment.id + "-" + eventType;
        d.body = body(assignment, eventType);
        Instant now = Instant.now();
        d.nextAttemptAt = now;
        Duration giveUp = assignment.partner.giveUpAfterSeconds == null
                ? config.delivery().giveUpAfter()
                : Duration.ofSeconds(assignment.partner.giveUpAfterSeconds);
        d.giveUpAt = now.plus(giveUp);
        deliveries.persist(d);
        return true;
    }

    private String body(AssignmentEntity assignment, String eventType) {
        try {
            var node = json.createObjectNode();
            node.put("event", eventType);
            node.set("assignment", json.valueToTree(views.of(assignment)));
            if (DeliveryChannel.SMS.code().equals(assignment.partner.deliveryChannel)) {
                // The SMS transport texts the partner's registered phone, which the assignment view does not carry.
                node.put(PartnerTransport.SMS_TO_FIELD, assignment.partner.phone);
            }
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize assignment " + assignment.id, e);
        }
    }
}
