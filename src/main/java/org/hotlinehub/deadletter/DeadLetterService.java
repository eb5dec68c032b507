package org.hotlinehub.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.DeadLetter;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.port.DeadLetters;
import org.hotlinehub.model.port.QueueSender;
import org.hotlinehub.store.DeadLetterEntity;
import org.hotlinehub.store.DeadLetterRepository;
import org.hotlinehub.store.OutboxStore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

@ApplicationScoped
public class DeadLetterService implements DeadLetters {

    /** Destination of a partner delivery that gave up; a replay puts it back in the outbox. */
    public static final String PARTNER_DELIVERY_PREFIX = "partner-delivery:";
    /** Destination of any other outbox message (SMS, WeChat, call) that gave up; a replay puts it back too. */
    public static final String OUTBOX_PREFIX = "outbox:";

    @Inject
    DeadLetterRepository repository;
    @Inject
    OutboxStore outbox;
    @Inject
    Clock clock;
    @Inject
    QueueSender queues;
    @Inject
    ObjectMapper json;
    @Inject
    HubConfig config;
    @Inject
    DeadLetterCipher cipher;

    @Inject
    MeterRegistry metrics;

    /** Keeps a dead letter once per message id (the dead-letter queue itself is at-least-once). */
    @Transactional
    public void record(String messageId, String source, String reason, String destination, String body,
            Map<String, ?> headers) {
        if (repository.findByMessageId(messageId).isPresent()) {
            return;
        }
        DeadLetterEntity e = new DeadLetterEntity();
        e.messageId = messageId;
        e.source = source == null ? "unknown" : source;
        e.reason = reason == null ? "no reason recorded" : reason;
        e.destination = destination == null ? "" : destination;
        e.body = cipher.seal(body == null ? "" : body);
        e.headers = headersJson(headers);
        e.createdAt = clock.instant();
        repository.persist(e);
        // an alert rule watches this: every dead letter needs a person to look at it
        Counter.builder("hub.dead.letters").description("Dead letters stored, by the route or stream that gave up")
                .baseUnit("letters").tag("source", e.source).register(metrics).increment();
    }

    @Override
    @Transactional
    public List<DeadLetter> list(boolean includeReplayed, int offset, int limit) {
        return repository.page(includeReplayed, offset, limit).stream().map(this::shown).toList();
    }

    @Override
    @Transactional
    public long openCount() {
        return repository.count("replayed = false");
    }

    @Override
    @Transactional
    public DeadLetter replay(long id) {
        DeadLetterEntity e = repository.findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("no dead letter " + id));
        if (e.destination.startsWith(PARTNER_DELIVERY_PREFIX)) {
            revive(Long.parseLong(e.destination.substring(PARTNER_DELIVERY_PREFIX.length())));
        } else if (e.destination.startsWith(OUTBOX_PREFIX)) {
            revive(Long.parseLong(e.destination.substring(OUTBOX_PREFIX.length())));
        } else if (!e.destination.isBlank()) {
            queues.send(e.destination, cipher.open(e.body), Map.of("HubReplayOf", e.id));
        } else {
            throw new IllegalArgumentException("dead letter " + id + " has no destination to replay to");
        }
        e.replayCount++;
        e.replayed = true;
        e.lastReplayedAt = clock.instant();
        return shown(e);
    }

    /** As listed to supervisors (API and console): decrypted, with phone numbers and openids masked. */
    private DeadLetter shown(DeadLetterEntity e) {
        DeadLetter stored = e.toModel();
        return new DeadLetter(stored.id(), stored.source(), Masks.personalIn(stored.reason()),
                stored.destination(), Masks.personalIn(cipher.open(stored.body())), stored.createdAt(),
                stored.replayCount(), stored.lastReplayedAt());
    }

    /** Back in the outbox, due now, with a new give-up time (the partner's own for a partner delivery). */
    private void revive(long id) {
        OutboxStore.Revivable row = outbox.revivable(id)
                .orElseThrow(() -> new NotFoundException("outbox message " + id + " no longer exists"));
        Duration giveUp = row.giveUpAfterSeconds() == null
                ? config.delivery().giveUpAfter()
                : Duration.ofSeconds(row.giveUpAfterSeconds());
        Instant now = clock.instant();
        outbox.revive(id, now, now.plus(giveUp));
    }

    /** Headers that carry credentials are never kept. */
    static final java.util.Set<String> SECRET_HEADERS = java.util.Set.of("HubPartnerKey", "Authorization");

    private String headersJson(Map<String, ?> headers) {
        if (headers == null) {
            return null;
        }
        Map<String, String> kept = new java.util.TreeMap<>();
        headers.forEach((name, value) -> {
            if (!SECRET_HEADERS.contains(name) && value != null) {
                kept.put(name, String.valueOf(value));
            }
        });
        try {
            return json.writeValueAsString(kept);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers of a dead letter cannot be written", e);
        }
    }
}
