package org.hotlinehub.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.OutboundSms;
import org.hotlinehub.model.OutboundSmsStatus;
import org.hotlinehub.model.SmsSegments;
import org.hotlinehub.model.port.SmsOutbox;

@ApplicationScoped
public class SmsOutboxQueries implements SmsOutbox {

    @Inject
    OutboundMessageRepository messages;

    @Override
    @Transactional
    public List<Long> enqueue(String idempotencyKey, String to, String text, String purpose,
            String ticketReference) {
        List<String> parts = SmsSegments.split(text);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String key = parts.size() == 1 ? idempotencyKey : idempotencyKey + "#" + (i + 1);
            Number id = (Number) messages.getEntityManager().createNativeQuery(
                    "insert into outbound_message (idempotency_key, to_phone, body, purpose, ticket_reference,"
                            + " segments, status, next_attempt_at) values (?1, ?2, ?3, ?4, ?5, ?6, 'PENDING', ?7)"
                            + " on conflict (idempotency_key) do update set idempotency_key = excluded.idempotency_key"
                            + " returning id")
                    .setParameter(1, key)
                    .setParameter(2, to)
                    .setParameter(3, parts.get(i))
                    .setParameter(4, purpose)
                    .setParameter(5, ticketReference)
                    .setParameter(6, SmsSegments.segments(parts.get(i)))
                    .setParameter(7, Instant.now())
                    .getSingleResult();
            ids.add(id.longValue());
        }
        return ids;
    }

    @Override
    @Transactional
    public List<Long> claimDue(Instant now, Instant leaseUntil, int limit) {
        return OutboxClaims.claimDue(messages.getEntityManager(), "outbound_message", now, leaseUntil, limit);
    }

    @Override
    @Transactional
    public Optional<OutboundSms> pending(long id) {
        return messages.findByIdOptional(id).filter(m -> m.status == OutboundSmsStatus.PENDING)
                .map(OutboundMessageEntity::view);
    }

    @Override
    @Transactional
    public void markSent(long id, String twilioSid, String twilioStatus, int rank) {
        OutboundMessageEntity m = messages.findById(id);
        m.attempts++;
        m.status = OutboundSmsStatus.SENT;
        m.twilioSid = twilioSid;
        if (rank > m.statusRank) {
            m.twilioStatus = twilioStatus;
            m.statusRank = rank;
        }
        m.lastError = null;
        m.updatedAt = Instant.now();
    }

    @Override
    @Transactional
    public void markNotSent(long id, OutboundSmsStatus status, String detail, String errorCode) {
        OutboundMessageEntity m = messages.findById(id);
        m.attempts += status == OutboundSmsStatus.FAILED ? 1 : 0;
        m.status = status;
        m.lastError = detail;
        m.errorCode = errorCode;
        m.updatedAt = Instant.now();
    }

    @Override
    @Transactional
    public void retryLater(long id, String error, Instant nextAttemptAt) {
        OutboundMessageEntity m = messages.findById(id);
        m.attempts++;
        m.lastError = error;
        m.nextAttemptAt = nextAttemptAt;
        m.updatedAt = Instant.now();
    }

    @Override
    @Transactional
    public boolean recordStatus(String twilioSid, String twilioStatus, int rank, String errorCode) {
        var em = messages.getEntityManager();
        int updated = em.createNativeQuery("update outbound_message set twilio_status = ?1, status_rank = ?2,"
                + " error_code = coalesce(?3, error_code), updated_at = now()"
                + " where twilio_sid = ?4 and status_rank < ?2")
                .setParameter(1, twilioStatus)
                .setParameter(2, rank)
                .setParameter(3, errorCode)
                .setParameter(4, twilioSid)
                .executeUpdate();
        return updated == 1 || messages.count("twilioSid", twilioSid) > 0;
    }

    @Override
    @Transactional
    public List<OutboundSms> list(Optional<OutboundSmsStatus> status, int offset, int limit) {
        var query = status.isPresent()
                ? messages.find("status = ?1 order by createdAt desc, id desc", status.get())
                : messages.find("order by createdAt desc, id desc");
        return query.range(offset, offset + limit - 1).list().stream().map(OutboundMessageEntity::view).toList();
    }

    @Override
    @Transactional
    public boolean optedOut(String phone) {
        return ((Number) messages.getEntityManager()
                .createNativeQuery("select count(*) from sms_opt_out where phone = ?1").setParameter(1, phone)
                .getSingleResult()).longValue() > 0;
    }

    @Override
    @Transactional
    public void optOut(String phone) {
        messages.getEntityManager().createNativeQuery(
                "insert into sms_opt_out (phone) values (?1) on conflict (phone) do nothing").setParameter(1, phone)
                .executeUpdate();
    }

    @Override
    @Transactional
    public void optIn(String phone) {
        messages.getEntityManager().createNativeQuery("delete from sms_opt_out where phone = ?1")
                .setParameter(1, phone).executeUpdate();
    }
}
