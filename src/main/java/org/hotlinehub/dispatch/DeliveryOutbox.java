package org.hotlinehub.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.AssignmentView;
import org.hotlinehub.model.DeliveryChannel;
import org.hotlinehub.model.IncidentUpdate;
import org.hotlinehub.model.OutboxChannel;
import org.hotlinehub.model.port.OutboxSender;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.OutboxStore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes what a partner must be told into the hub's one outbox, in the caller's transaction, so an offer exists
 * exactly when its assignment does. The idempotency key is fixed here, once per event and partner, and never changes
 * on retry; the give-up time is the partner's own ({@code give-up-after}) or {@code hub.delivery.give-up-after}.
 */
@ApplicationScoped
public class DeliveryOutbox {

    /** Another resident reported the incident of the assignment's ticket (a follow-up, not a new offer). */
    public static final String EVENT_REPORTER_ADDED = "assignment.reporter-added";

    @Inject
    OutboxStore outbox;
    @Inject
    AssignmentViews views;
    @Inject
    ObjectMapper json;
    @Inject
    HubConfig config;
    @Inject
    Clock clock;
    @Inject
    Instance<OutboxSender> senders;

    private final Set<OutboxChannel> installed = EnumSet.noneOf(OutboxChannel.class);

    @PostConstruct
    void findSenders() {
        senders.forEach(s -> installed.add(s.channel()));
    }

    /**
     * Writes the assignment's row for the event now.
     *
     * @return false when there is nothing to push: the partner works from the portal or partner API, or no sender
     *         for its channel is installed
     */
    public boolean enqueue(AssignmentEntity assignment, String eventType) {
        Optional<OutboxStore.PartnerDelivery> row = delivery(assignment, eventType, (IncidentUpdate) null);
        row.ifPresent(outbox::addPartnerDelivery);
        return row.isPresent();
    }

    /** Writes rows made by {@link #delivery} together (a dispatch chunk's offers). */
    public void enqueueAll(List<OutboxStore.PartnerDelivery> rows) {
        outbox.addPartnerDeliveries(rows);
    }

    /**
     * The row that tells the assignment's holder about the event, for {@link #enqueueAll}; empty when there is
     * nothing to push (as {@link #enqueue}).
     */
    public Optional<OutboxStore.PartnerDelivery> delivery(AssignmentEntity assignment, String eventType) {
        return delivery(assignment, eventType, (IncidentUpdate) null);
    }

    /**
     * As {@link #delivery(AssignmentEntity, String)}, with the incident's news in the body ({@code incident}): another
     * resident reported the ticket's incident. One delivery per report, numbered by the outbox ({@code -2}, {@code -3}
     * …), so the partner applies each once.
     */
    public Optional<OutboxStore.PartnerDelivery> delivery(AssignmentEntity assignment, String eventType,
            IncidentUpdate incident) {
        return delivery(assignment, eventType, incident,
                Choice.Party.of(assignment.partner, assignment.volunteer));
    }

    /**
     * As {@link #delivery(AssignmentEntity, String)}, for a holder whose facts the caller has read already
     * ({@code holder}, a dispatch chunk's choice): no partner or volunteer row is loaded.
     */
    Optional<OutboxStore.PartnerDelivery> delivery(AssignmentEntity assignment, String eventType,
            Choice.Party holder) {
        return delivery(assignment, eventType, null, holder);
    }

    private Optional<OutboxStore.PartnerDelivery> delivery(AssignmentEntity assignment, String eventType,
            IncidentUpdate incident, Choice.Party holder) {
        DeliveryChannel delivery = holder.partnerId() == null
                ? DeliveryChannel.SMS
                : DeliveryChannel.fromCode(holder.deliveryChannel()).orElse(DeliveryChannel.PORTAL);
        Optional<OutboxChannel> channel = OutboxChannel.forPartner(delivery).filter(installed::contains);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        // Volunteers (no partner row) are reached by SMS and keep the default give-up time.
        Duration giveUp = holder.giveUpAfterSeconds() == null
                ? config.delivery().giveUpAfter()
                : Duration.ofSeconds(holder.giveUpAfterSeconds());
        return Optional.of(new OutboxStore.PartnerDelivery(channel.get(), holder.partnerId(), holder.volunteerId(),
                holder.code(), assignment.id, eventType, body(assignment, eventType, incident), now,
                now.plus(giveUp)));
    }

    /**
     * The webhook body (docs/contract.md, "Partner webhook"): {@code {"event": …, "assignment": {…}}}, in one pass;
     * {@code "incident": {…}} only on {@link #EVENT_REPORTER_ADDED}.
     */
    private record Body(String event, AssignmentView assignment,
            @JsonInclude(JsonInclude.Include.NON_NULL) IncidentUpdate incident) {
    }

    private String body(AssignmentEntity assignment, String eventType, IncidentUpdate incident) {
        try {
            return json.writeValueAsString(new Body(eventType, views.of(assignment), incident));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize assignment " + assignment.id, e);
        }
    }
}
