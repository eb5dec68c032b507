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

import org.hotlinehub.model.Channel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "inbound_contact")
public class InboundContactEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "external_id")
    public String externalId;
    public String reference;
    @Column(name = "received_at")
    public Instant receivedAt;
    public String phone;
    public String body;
    @Column(name = "ticket_id")
    public Long ticketId;
    @Column(name = "resident_id")
    public Long residentId;
    @Column(name = "created_at")
    public Instant createdAt;
}
