package org.hotlinehub.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.OutboundWechat;
import org.hotlinehub.model.OutboundWechatStatus;
import org.hotlinehub.model.OutboxChannel;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.port.WechatOutbox;

/** The WeChat stream of the outbox (V76) and the status notices read from the timeline. */
@ApplicationScoped
public class WechatOutboxQueries implements WechatOutbox {

    /** Changes a resident hears about on WeChat; a resolution is announced by the survey question itself. */
    static final List<String> NOTICE_KINDS = List.of(TimelineKind.DISPATCHED.name(), TimelineKind.ACCEPTED.name(),
            TimelineKind.PROGRESS.name(), TimelineKind.REOPENED.name());
    private static final String COLUMNS = "select id, recipient, coalesce(external_status, 'CUSTOMER_SERVICE'), body,"
            + " template_data, topic, ticket_reference, status, external_id, error_code, attempts, last_error,"
            + " created_at, updated_at from outbox";

    @Inject
    EntityManager em;
    @Inject
    OutboxStore outbox;

    @Override
    @Transactional
    public long enqueue(String idempotencyKey, String openid, String text, Map<String, String> templateData,
            String purpose, String ticketReference) {
        return outbox.add(new OutboxStore.NewMessage(OutboxChannel.WECHAT, openid, idempotencyKey, purpose, text,
                ticketReference, null, templateData, null, null));
    }

    @Override
    @Transactional
    public boolean recordDelivery(String wechatMsgid, String status) {
        return em.createNativeQuery("update outbox set last_error = ?2, updated_at = now()"
                + " where external_id = ?1 and stream = 'wechat'").setParameter(1, wechatMsgid)
                .setParameter(2, "template delivery: " + status).executeUpdate() > 0;
    }

    @Override
    @Transactional
    public List<OutboundWechat> list(Optional<OutboundWechatStatus> status, int offset, int limit) {
        return status.isPresent()
                ? select(
                        " where stream = 'wechat' and status = ?1 order by created_at desc, id desc offset ?2 limit ?3",
                        status.get().name(), offset, limit)
                : select(" where stream = 'wechat' order by created_at desc, id desc offset ?1 limit ?2", offset,
                        limit);
    }

    @Override
    @Transactional
    public int queueStatusNotices(int limit, Function<StatusNotice, Notice> compose) {
        Number cursor = (Number) em.createNativeQuery(
                "select last_event_id from wechat_notice_cursor where id = 1 for update skip locked")
                .getResultStream().findFirst().orElse(null);
        if (cursor == null) {
            return 0; // another instance is at it
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select e.id, e.kind, e.detail, e.at, t.reference, t.status,"
                + " c.name_zh, c.name_en, t.language, r.wechat_openid, f.subscribed"
                + " from timeline_event e join ticket t on t.id = e.ticket_id"
                + " left join catalog_entry c on c.id = t.category_id"
                + " left join resident r on r.id = t.resident_id"
                + " left join wechat_follower f on f.openid = r.wechat_openid"
                // Ids are taken at insert and commit later: reading only settled events keeps a slow commit from being
                // passed over by the cursor.
                + " where e.id > ?1 and e.at < now() - interval '2 seconds' order by e.id limit ?2")
                .setParameter(1, cursor.longValue()).setParameter(2, limit).getResultList();
        int queued = 0;
        long last = cursor.longValue();
        for (Object[] r : rows) {
            last = ((Number) r[0]).longValue();
            if (!NOTICE_KINDS.contains((String) r[1]) || r[9] == null || !Boolean.TRUE.equals(r[10])) {
                continue;
            }
            StatusNotice notice = new StatusNotice(last, (String) r[1], (String) r[2],
                    WechatConversationQueries.instant(r[3]), (String) r[4], TicketStatus.valueOf((String) r[5]),
                    (String) r[6], (String) r[7], (String) r[8], (String) r[9]);
            Notice message = compose.apply(notice);
            if (message != null) {
                enqueue("notice-" + last, notice.openid(), message.text(), message.templateData(),
                        "status-" + notice.kind().toLowerCase(), notice.reference());
                queued++;
            }
        }
        em.createNativeQuery("update wechat_notice_cursor set last_event_id = ?1 where id = 1").setParameter(1, last)
                .executeUpdate();
        return queued;
    }

    private List<OutboundWechat> select(String where, Object... params) {
        return outbox.rows(COLUMNS + where, params).stream().map(r -> {
            OutboundWechatStatus status = OutboundWechatStatus.valueOf((String) r[7]);
            return new OutboundWechat(((Number) r[0]).longValue(), (String) r[1],
                    OutboundWechat.Kind.valueOf((String) r[2]), (String) r[3],
                    r[4] == null ? null : outbox.read((String) r[4]),
                    (String) r[5], (String) r[6], status, status == OutboundWechatStatus.SENT, (String) r[8],
                    (String) r[9], ((Number) r[10]).intValue(), (String) r[11],
                    WechatConversationQueries.instant(r[12]), WechatConversationQueries.instant(r[13]));
        }).toList();
    }
}
