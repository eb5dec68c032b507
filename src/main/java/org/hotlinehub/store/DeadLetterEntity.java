package org.hotlinehub.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hotlinehub.model.DeadLetter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "dead_letter")
public class DeadLetterEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** The broker message id (or delivery key): a dead letter redelivered to the store is kept once. */
    @Column(name = "message_id")
    public String messageId;
    /** The route or worker that gave up on it. */
    public String source;
    public String reason;
    /** Where a replay sends it: a queue name, or {@code partner-delivery:<id>}. */
    public String destination;
    public String body;
    public String headers;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "replay_count")
    public int replayCount;
    @Column(name = "last_replayed_at")
    public Instant lastReplayedAt;
    public boolean replayed;

    public DeadLetter toModel() {
        return new DeadLetter(id, source, reason, destination, body, createdAt, replayCount, lastReplayedAt);
    }
}
