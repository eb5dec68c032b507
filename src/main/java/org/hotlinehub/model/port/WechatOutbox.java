package org.hotlinehub.model.port;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotlinehub.model.OutboundWechat;
import org.hotlinehub.model.OutboundWechatStatus;

/**
 * Outbound WeChat messages: written to the hub's one outbox in the caller's transaction, sent later by the WeChat
 * connector's sender. A message starts
 * as a customer-service message (客服消息); one that carries template data may be sent as a template message (模板消息)
 * instead when the resident's 48-hour window is closed.
 */
public interface WechatOutbox {

    /** How long after a follower's last push a customer-service message may reach them (WeChat's rule). */
    Duration CUSTOMER_SERVICE_WINDOW = Duration.ofHours(48);

    /**
     * The keywords of the status template ({@code hub.wechat.template-id}, a 工单进度通知): keyword1 the reference,
     * keyword2 the status, keyword3 the time in the hotline's zone.
     */
    static Map<String, String> statusTemplate(String reference, String status, Instant at, ZoneId zone) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("keyword1", reference);
        data.put("keyword2", status);
        data.put("keyword3", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(at));
        return data;
    }

    /**
     * Queues a message once per key.
     *
     * @param templateData the template's keywords for status messages (may go out as a template), else null
     */
    long enqueue(String idempotencyKey, String openid, String text, Map<String, String> templateData, String purpose,
            String ticketReference);

    /**
     * A message to queue: as the arguments of {@link #enqueue}; without template data ({@code null}) it can only go as
     * a customer-service message.
     */
    record Text(String idempotencyKey, String openid, String text, Map<String, String> templateData, String purpose,
            String ticketReference) {

        public Text(String idempotencyKey, String openid, String text, String purpose, String ticketReference) {
            this(idempotencyKey, openid, text, null, purpose, ticketReference);
        }
    }

    /** As {@link #enqueue} for each message, with one statement; a key queued before is left alone. */
    void enqueueAll(List<Text> texts);

    /** A template message went out for it ({@code TEMPLATESENDJOBFINISH}); @return false for an unknown msgid */
    boolean recordDelivery(String wechatMsgid, String status);

    List<OutboundWechat> list(Optional<OutboundWechatStatus> status, int offset, int limit);
}
