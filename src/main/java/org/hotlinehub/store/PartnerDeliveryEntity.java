package org.hotlinehub.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hotlinehub.model.DeliveryChannel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One message owed to a partner (outbox row), with its retry state. */
@Entity
@Table(name = "partner_delivery")
public class PartnerDeliveryEntity extends PanacheEntityBase {

    public enum Status {
        PENDING,
        DELIVERED,
        DEAD
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "partner_id")
    public PartnerEntity partner;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "volunteer_id")
    public VolunteerEntity volunteer;
    @Column(name = "assignment_id")
    public Long assignmentId;
    @Enumerated(EnumType.STRING)
    public DeliveryChannel channel;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    public String body;
    @Enumerated(EnumType.STRING)
    public Status status = Status.PENDING;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "give_up_at")
    public Instant giveUpAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
