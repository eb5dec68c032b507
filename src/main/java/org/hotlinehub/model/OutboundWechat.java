package org.hotlinehub.model;

import java.time.Instant;
import java.util.Map;

/**
 * One outbound WeChat message as operators see it: to whom (masked openid in the list), what, why, how it went (as a
 * customer-service or a template message) and what became of it. {@code sent} is false in sandbox mode, for failures
 * and while pending.
 */
public record OutboundWechat(
        long id,
        String openid,
        Kind kind,
        String body,
        Map<String, String> templateData,
        String purpose,
        String ticketReference,
        OutboundWechatStatus status,
        boolean sent,
        String wechatMsgid,
        String errorCode,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant updatedAt) {

    public enum Kind {
        /** 客服消息: free text within 48 hours of the resident's last interaction. */
        CUSTOMER_SERVICE,
        /** 模板消息: a status notice from the account's template, outside that window. */
        TEMPLATE
    }

    /** The same message with the openid masked, for lists and logs. */
    public OutboundWechat masked() {
        return new OutboundWechat(id, Masks.openid(openid), kind, body, templateData, purpose, ticketReference, status,
                sent, wechatMsgid, errorCode, attempts, lastError, createdAt, updatedAt);
    }
}
