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
import org.hotlinehub.model.TimelineKind;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "timeline_event")
public class TimelineEventEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ticket_id")
    public Long ticketId;
    public Instant at;
    @Enumerated(EnumType.STRING)
    public TimelineKind kind;
    public String actor;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String detail;
}
