package org.hotlinehub.dispatch;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the masked relay (docs/contract.md, "Masked calls and texts"), in Simplified Chinese; English in
 * {@code messages/relay_en.properties}. The resident reads theirs in the ticket's language; the holder's are Chinese
 * with the reply keyword in English too, as the hub's other texts to partners.
 */
@MessageBundle(value = "relay", locale = "zh")
public interface RelayMessages {

    /** A holder's text as the resident receives it from the hotline number. */
    @Message("【96993】工单{reference}的承办人（{from}）：{text}（直接回复本短信，{hours}小时内会转给承办人，双方号码均已保护。）")
    String toResident(String reference, String from, String text, long hours);

    /** A resident's reply as the holder receives it. */
    @Message("【96993】工单{reference}居民回复：{text}（回复请发 R {reference} 内容 / To answer: R {reference} <message>）")
    String toHolder(String reference, String text);
}
