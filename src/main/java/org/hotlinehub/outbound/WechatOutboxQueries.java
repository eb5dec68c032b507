package org.hotlinehub.outbound;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.OutboundWechat;
import org.hotlinehub.model.OutboundWechatStatus;
import org.hotlinehub.model.OutboxChannel;
import org.hotlinehub.model.SqlTimes;
import org.hotlinehub.model.port.WechatOutbox;
import org.hotlinehub.store.OutboxStore;

/** The WeChat stream of the outbox (V76). */
@ApplicationScoped
public class WechatOutboxQueries extends OutboxStreamQueries<OutboundWechat> implements WechatOutbox {

    private static final String COLUMNS = "select id, recipient, coalesce(external_status, 'CUSTOMER_SERVICE'), body,"
            + " template_data, topic, ticket_reference, status, external_id, error_code, attempts, last_error,"
            + " created_at, updated_at from outbox";

    WechatOutboxQueries() {
        super(OutboxChannel.Stream.WECHAT, COLUMNS);
    }

    @Override
    @Transactional
    public long enqueue(String idempotencyKey, String openid, String text, Map<String, String> templateData,
            String purpose, String ticketReference) {
        return outbox.add(new OutboxStore.NewMessage(OutboxChannel.WECHAT, openid, idempotencyKey, purpose, text,
                ticketReference, null, templateData, null, null));
    }

    @Override
    @Transactional
    public void enqueueAll(List<Text> texts) {
        if (!texts.isEmpty()) {
            outbox.addAll(texts.stream().map(t -> new OutboxStore.NewMessage(OutboxChannel.WECHAT, t.openid(),
                    t.idempotencyKey(), t.purpose(), t.text(), t.ticketReference(), null, t.templateData(), null, null))
                    .toList(),
                    null);
        }
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
        return page(status, offset, limit);
    }

    @Override
    OutboundWechat row(Object[] r) {
        OutboundWechatStatus status = OutboundWechatStatus.valueOf((String) r[7]);
        return new OutboundWechat(((Number) r[0]).longValue(), (String) r[1],
                OutboundWechat.Kind.valueOf((String) r[2]),
                (String) r[3], r[4] == null ? null : outbox.read((String) r[4]), (String) r[5], (String) r[6], status,
                status == OutboundWechatStatus.SENT, (String) r[8], (String) r[9], ((Number) r[10]).intValue(),
                (String) r[11], SqlTimes.instant(r[12]), SqlTimes.instant(r[13]));
    }
}
