package org.hotlinehub.dispatch;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
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
    @Inject
    Instance<PartnerTransport> transports;

    /**
     * @return false when there is nothing to push: the partner works from the portal or partner API, or no transport
     *         for its channel is installed
     */
    public boolean enqueue(AssignmentEntity assignment, String eventType) {
        DeliveryChannel channel = assignment.partner == null
                ? DeliveryChannel.SMS
                : DeliveryChannel.fromCode(assignment.partner.deliveryChannel).orElse(DeliveryChannel.PORTAL);
        if (channel == DeliveryChannel.PORTAL || transports.stream().noneMatch(t -> t.channel() == channel)) {
            return false;
        }
        PartnerDeliveryEntity d = new PartnerDeliveryEntity();
        d.partner = assignment.partner;
        d.volunteer = assignment.volunteer;
        d.assignmentId = assignment.id;
        d.channel = channel;
        d.eventType = eventType;
        long earlier = deliveries.count("assignmentId = ?1 and eventType = ?2", assignment.id, eventType);
        d.idempotencyKey = "asg-" + assignment.id + "-" + eventType + (earlier == 0 ? "" : "-" + (earlier + 1));
        d.body = body(assignment, eventType);
        Instant now = Instant.now();
        d.nextAttemptAt = now;
        // Volunteers (no partner row) are reached by SMS and keep the default give-up time.
        Duration giveUp = assignment.partner == null || assignment.partner.giveUpAfterSeconds == null
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
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize assignment " + assignment.id, e);
        }
    }
}
