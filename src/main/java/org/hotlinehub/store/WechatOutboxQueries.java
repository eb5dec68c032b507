package org.hotlinehub.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.OutboundWechat;
import org.hotlinehub.model.OutboundWechatStatus;
import org.hotlinehub.model.port.WechatOutbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

@ApplicationScoped
public class WechatOutboxQueries implements WechatOutbox {

    private static final String COLUMNS = "select id, openid, kind, body, template_data, purpose, ticket_reference,"
            + " status, wechat_msgid, error_code, attempts, last_error, created_at, updated_at from wechat_outbound";

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    @Override
    @Transactional
    public long enqueue(String idempotencyKey, String openid, String text, Map<String, String> templateData,
            String purpose, String ticketReference) {
        return ((Number) em.createNativeQuery("insert into wechat_outbound (idempotency_key, openid, kind, body,"
                + " template_data, purpose, ticket_reference, status, next_attempt_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PENDING', ?8)"
                + " on conflict (idempotency_key) do update set idempotency_key = excluded.idempotency_key"
                + " returning id")
                .setParameter(1, idempotencyKey)
                .setParameter(2, openid)
                .setParameter(3, OutboundWechat.Kind.CUSTOMER_SERVICE.name())
                .setParameter(4, text)
                .setParameter(5, templateData == null ? null : write(templateData))
                .setParameter(6, purpose)
                .setParameter(7, ticketReference)
                .setParameter(8, Instant.now())
                .getSingleResult()).longValue();
    }

    @Override
    @Transactional
    public List<Long> claimDue(Instant now, Instant leaseUntil, int limit) {
        return OutboxClaims.claimDue(em, "wechat_outbound", now, leaseUntil, limit);
    }

    @Override
    @Transactional
    public Optional<OutboundWechat> pending(long id) {
        return select(" where id = ?1 and status = 'PENDING'", id).stream().findFirst();
    }

    @Override
    @Transactional
    public void markSent(long id, OutboundWechat.Kind kind, String wechatMsgid) {
        em.createNativeQuery("update wechat_outbound set status = 'SENT', kind = ?2, wechat_msgid = ?3,"
                + " attempts = attempts + 1, last_error = null, updated_at = now() where id = ?1")
                .setParameter(1, id).setParameter(2, kind.name()).setParameter(3, wechatMsgid).executeUpdate();
    }

    @Override
    @Transactional
    public void markNotSent(long id, OutboundWechatStatus status, String detail, String errorCode) {
        em.createNativeQuery("update wechat_outbound set status = ?2, last_error = ?3, error_code = ?4,"
                + " attempts = attempts + ?5, updated_at = now() where id = ?1")
                .setParameter(1, id).setParameter(2, status.name()).setParameter(3, detail)
                .setParameter(4, errorCode).setParameter(5, status == OutboundWechatStatus.FAILED ? 1 : 0)
                .executeUpdate();
    }

    @Override
    @Transactional
    public void retryLater(long id, String error, String errorCode, Instant nextAttemptAt) {
        em.createNativeQuery("update wechat_outbound set attempts = attempts + 1, last_error = ?2, error_code = ?3,"
                + " next_attempt_at = ?4, updated_at = now() where id = ?1")
                .setParameter(1, id).setParameter(2, error).setParameter(3, errorCode).setParameter(4, nextAttemptAt)
                .executeUpdate();
    }

    @Override
    @Transactional
    public boolean recordDelivery(String wechatMsgid, String status) {
        return em.createNativeQuery("update wechat_outbound set last_error = ?2, updated_at = now()"
                + " where wechat_msgid = ?1").setParameter(1, wechatMsgid)
                .setParameter(2, "template delivery: " + status).executeUpdate() > 0;
    }

    @Override
    @Transactional
    public List<OutboundWechat> list(Optional<OutboundWechatStatus> status, int offset, int limit) {
        return status.isPresent()
                ? select(" where status = ?1 order by created_at desc, id desc offset ?2 limit ?3", status.get().name(),
                        offset, limit)
                : select(" order by created_at desc, id desc offset ?1 limit ?2", offset, limit);
    }

    private List<OutboundWechat> select(String where, Object... params) {
        var query = em.createNativeQuery(COLUMNS + where);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> {
            OutboundWechatStatus status = OutboundWechatStatus.valueOf((String) r[7]);
            return new OutboundWechat(((Number) r[0]).longValue(), (String) r[1],
                    OutboundWechat.Kind.valueOf((String) r[2]), (String) r[3],
                    r[4] == null ? null : read((String) r[4]),
                    (String) r[5], (String) r[6], status, status == OutboundWechatStatus.SENT, (String) r[8],
                    (String) r[9], ((Number) r[10]).intValue(), (String) r[11],
                    WechatConversationQueries.instant(r[12]), WechatConversationQueries.instant(r[13]));
        }).toList();
    }

    private String write(Map<String, String> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("template data cannot be written as JSON", e);
        }
    }

    private Map<String, String> read(String data) {
        try {
            return json.readValue(data, new TypeReference<java.util.LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored template data cannot be read", e);
        }
    }
}
