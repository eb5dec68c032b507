package org.hotlinehub.outbound;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.OutboxChannel;
import org.hotlinehub.model.port.VoiceOutbox;
import org.hotlinehub.store.OutboxStore;

/** The voice stream of the outbox (V76): call-back survey calls and what became of each call. */
@ApplicationScoped
public class VoiceOutboxQueries implements VoiceOutbox {

    private static final String COLUMNS = "id, topic, recipient, ticket_reference, language, status, attempts,"
            + " max_attempts, external_id, last_error, body";
    /** Twilio's final statuses of a call that was answered. */
    private static final String ANSWERED_STATUS = "completed";

    @Inject
    EntityManager em;
    @Inject
    OutboxStore outbox;
    @Inject
    Clock clock;

    @Override
    @Transactional
    public void enqueue(String idempotencyKey, String purpose, String to, String ticketReference, String language,
            int maxAttempts, String message) {
        outbox.add(new OutboxStore.NewMessage(OutboxChannel.VOICE, to, idempotencyKey, purpose,
                message == null ? "" : message, ticketReference, null, null, language == null ? "zh" : language,
                Math.max(1, maxAttempts)));
    }

    @Override
    @Transactional
    public void withdraw(String purpose, String ticketReference) {
        em.createNativeQuery("update outbox set status = 'WITHDRAWN', updated_at = now() where stream = 'voice'"
                + " and topic = ?1 and ticket_reference = ?2 and status = 'PENDING'").setParameter(1, purpose)
                .setParameter(2, ticketReference).executeUpdate();
    }

    @Override
    @Transactional
    public Optional<OutboundCall> find(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em
                .createNativeQuery("select " + COLUMNS + " from outbox where id = ?1 and stream = 'voice'")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new OutboundCall(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], Status.valueOf((String) r[5]),
                ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), (String) r[8], (String) r[9],
                (String) r[10]));
    }

    @Override
    @Transactional
    public void answered(long id) {
        em.createNativeQuery("update outbox set status = 'ANSWERED', updated_at = now()"
                + " where id = ?1 and stream = 'voice' and status in ('CALLING', 'PENDING')").setParameter(1, id)
                .executeUpdate();
    }

    @Override
    @Transactional
    public Optional<Status> ended(String callSid, String callStatus, Duration retryAfter) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, status, attempts, max_attempts from outbox"
                + " where external_id = ?1 and stream = 'voice' for update").setParameter(1, callSid).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        long id = ((Number) r[0]).longValue();
        Status status = Status.valueOf((String) r[1]);
        if (status != Status.CALLING) {
            return Optional.of(status);
        }
        String why = ANSWERED_STATUS.equals(callStatus)
                ? "the call ended without an answer to the questions"
                : "call " + callStatus;
        boolean last = ((Number) r[2]).intValue() >= ((Number) r[3]).intValue();
        Status next = last ? Status.GAVE_UP : Status.PENDING;
        em.createNativeQuery("update outbox set status = ?2, last_error = ?3, next_attempt_at = ?4,"
                + " updated_at = now() where id = ?1")
                .setParameter(1, id)
                .setParameter(2, next.name())
                .setParameter(3, last ? why + "; gave up after " + r[2] + " attempts" : why)
                .setParameter(4, clock.instant().plus(retryAfter))
                .executeUpdate();
        return Optional.of(next);
    }
}
