package org.hotlinehub.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.port.VoiceOutbox;

@ApplicationScoped
public class VoiceOutboxQueries implements VoiceOutbox {

    private static final String COLUMNS = "id, purpose, to_phone, ticket_reference, language, status, attempts,"
            + " max_attempts, call_sid, last_error";
    /** Twilio's final statuses of a call that was answered. */
    private static final String ANSWERED_STATUS = "completed";

    @Inject
    EntityManager em;

    @Override
    @Transactional
    public void enqueue(String idempotencyKey, String purpose, String to, String ticketReference, String language,
            int maxAttempts) {
        em.createNativeQuery("insert into voice_outbound (idempotency_key, purpose, to_phone, ticket_reference,"
                + " language, status, max_attempts, next_attempt_at) values (?1, ?2, ?3, ?4, ?5, 'PENDING', ?6, ?7)"
                + " on conflict (idempotency_key) do nothing")
                .setParameter(1, idempotencyKey)
                .setParameter(2, purpose)
                .setParameter(3, to)
                .setParameter(4, ticketReference)
                .setParameter(5, language == null ? "zh" : language)
                .setParameter(6, Math.max(1, maxAttempts))
                .setParameter(7, Instant.now())
                .executeUpdate();
    }

    @Override
    @Transactional
    public List<Long> claimDue(Instant now, Instant leaseUntil, int limit) {
        return OutboxClaims.claimDue(em, "voice_outbound", now, leaseUntil, limit);
    }

    @Override
    @Transactional
    public Optional<OutboundCall> pending(long id) {
        return find(id).filter(c -> c.status() == Status.PENDING);
    }

    @Override
    @Transactional
    public Optional<OutboundCall> find(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from voice_outbound where id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new OutboundCall(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], Status.valueOf((String) r[5]),
                ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), (String) r[8], (String) r[9]));
    }

    @Override
    @Transactional
    public void calling(long id, String callSid) {
        em.createNativeQuery("update voice_outbound set status = 'CALLING', call_sid = ?2, attempts = attempts + 1,"
                + " last_error = null, updated_at = now() where id = ?1")
                .setParameter(1, id).setParameter(2, callSid).executeUpdate();
    }

    @Override
    @Transactional
    public void notPlaced(long id, Status status, String detail) {
        em.createNativeQuery("update voice_outbound set status = ?2, last_error = ?3, updated_at = now() where id = ?1")
                .setParameter(1, id).setParameter(2, status.name()).setParameter(3, detail).executeUpdate();
    }

    @Override
    @Transactional
    public void retryLater(long id, String error, Instant nextAttemptAt) {
        em.createNativeQuery("update voice_outbound set last_error = ?2, next_attempt_at = ?3, updated_at = now()"
                + " where id = ?1")
                .setParameter(1, id).setParameter(2, error).setParameter(3, nextAttemptAt).executeUpdate();
    }

    @Override
    @Transactional
    public void answered(long id) {
        em.createNativeQuery("update voice_outbound set status = 'ANSWERED', updated_at = now()"
                + " where id = ?1 and status in ('CALLING', 'PENDING')").setParameter(1, id).executeUpdate();
    }

    @Override
    @Transactional
    public Optional<Status> ended(String callSid, String callStatus, Duration retryAfter) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, status, attempts, max_attempts from voice_outbound"
                + " where call_sid = ?1 for update").setParameter(1, callSid).getResultList();
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
        em.createNativeQuery("update voice_outbound set status = ?2, last_error = ?3, next_attempt_at = ?4,"
                + " updated_at = now() where id = ?1")
                .setParameter(1, id)
                .setParameter(2, next.name())
                .setParameter(3, last ? why + "; gave up after " + r[2] + " attempts" : why)
                .setParameter(4, Instant.now().plus(retryAfter))
                .executeUpdate();
        return Optional.of(next);
    }
}
