package org.hotlinehub.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hotlinehub.model.OutboundSms;
import org.hotlinehub.model.OutboundSmsStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One outbound text message (outbox row), with the hub's status and Twilio's. */
@Entity
@Table(name = "outbound_message")
public class OutboundMessageEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "to_phone")
    public String toPhone;
    public String body;
    public String purpose;
    @Column(name = "ticket_reference")
    public String ticketReference;
    public int segments;
    @Enumerated(EnumType.STRING)
    public OutboundSmsStatus status = OutboundSmsStatus.PENDING;
    @Column(name = "twilio_sid")
    public String twilioSid;
    @Column(name = "twilio_status")
    public String twilioStatus;
    @Column(name = "status_rank")
    public int statusRank;
    @Column(name = "error_code")
    public String errorCode;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt = Instant.now();
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    public OutboundSms view() {
        return new OutboundSms(id, toPhone, body, purpose, ticketReference, segments, status,
                status == OutboundSmsStatus.SENT, twilioSid, twilioStatus, errorCode, attempts, lastError, createdAt,
                updatedAt);
    }
}
