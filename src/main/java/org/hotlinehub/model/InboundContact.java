package org.hotlinehub.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One contact from a resident on any channel, as the intake edge accepted it. {@code (channel, externalId)} identifies
 * it for deduplication; {@code reference} is the ticket number the sender was already told. {@code intent} says
 * whether it is a new request (the default) or a reply about the ticket named by {@code reference};
 * {@code attributes} are answers to the catalog entry's questions (Open311 and the form). {@code wechatOpenid} is the
 * sender's WeChat openid (WeChat contacts, which may carry no phone): intake links the contact to the resident by it.
 */
public record InboundContact(
        Channel channel,
        String externalId,
        String reference,
        Instant receivedAt,
        String phone,
        String name,
        String text,
        String language,
        String categoryCode,
        String placeCode,
        String address,
        Double lat,
        Double lon,
        List<Attachment> attachments,
        ContactIntent intent,
        Map<String, List<String>> attributes,
        String wechatOpenid) {

    public InboundContact {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        intent = intent == null ? ContactIntent.REQUEST : intent;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** Any contact but a WeChat one. */
    public InboundContact(Channel channel, String externalId, String reference, Instant receivedAt, String phone,
            String name, String text, String language, String categoryCode, String placeCode, String address,
            Double lat, Double lon, List<Attachment> attachments, ContactIntent intent,
            Map<String, List<String>> attributes) {
        this(channel, externalId, reference, receivedAt, phone, name, text, language, categoryCode, placeCode, address,
                lat, lon, attachments, intent, attributes, null);
    }

    /** A new request without answers to catalog attributes. */
    public InboundContact(Channel channel, String externalId, String reference, Instant receivedAt, String phone,
            String name, String text, String language, String categoryCode, String placeCode, String address,
            Double lat, Double lon, List<Attachment> attachments) {
        this(channel, externalId, reference, receivedAt, phone, name, text, language, categoryCode, placeCode, address,
                lat, lon, attachments, ContactIntent.REQUEST, Map.of());
    }

    /** A request or reply (SMS, WeChat) without answers to catalog attributes. */
    public InboundContact(Channel channel, String externalId, String reference, Instant receivedAt, String phone,
            String name, String text, String language, String categoryCode, String placeCode, String address,
            Double lat, Double lon, List<Attachment> attachments, ContactIntent intent) {
        this(channel, externalId, reference, receivedAt, phone, name, text, language, categoryCode, placeCode, address,
                lat, lon, attachments, intent, Map.of());
    }

    /** A new request with answers to catalog attributes (Open311, the form). */
    public InboundContact(Channel channel, String externalId, String reference, Instant receivedAt, String phone,
            String name, String text, String language, String categoryCode, String placeCode, String address,
            Double lat, Double lon, List<Attachment> attachments, Map<String, List<String>> attributes) {
        this(channel, externalId, reference, receivedAt, phone, name, text, language, categoryCode, placeCode, address,
                lat, lon, attachments, ContactIntent.REQUEST, attributes);
    }
}
