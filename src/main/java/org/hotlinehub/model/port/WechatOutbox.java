package org.hotlinehub.model.port;

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

    /**
     * Queues a message once per key.
     *
     * @param templateData the template's keywords for status messages (may go out as a template), else null
     */
    long enqueue(String idempotencyKey, String openid, String text, Map<String, String> templateData, String purpose,
            String ticketReference);

    /** A customer-service message to queue: as the arguments of {@link #enqueue}, without template data. */
    record Text(String idempotencyKey, String openid, String text, String purpose, String ticketReference) {
    }

    /** As {@link #enqueue} for each message, with one statement; a key queued before is left alone. */
    void enqueueAll(List<Text> texts);

    /** A template message went out for it ({@code TEMPLATESENDJOBFINISH}); @return false for an unknown msgid */
    boolean recordDelivery(String wechatMsgid, String status);

    List<OutboundWechat> list(Optional<OutboundWechatStatus> status, int offset, int limit);
}
