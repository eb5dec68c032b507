package org.hotlinehub.model;

import java.time.Instant;
import java.util.List;

/**
 * One contact from a resident on any channel, as the intake edge accepted it. {@code (channel, externalId)} identifies
 * it for deduplication; {@code reference} is the ticket number the sender was already told. {@code intent} says
 * whether it is a new request (the default) or a reply about the ticket named by {@code reference}.
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
        ContactIntent intent) {

    public InboundContact {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        intent = intent == null ? ContactIntent.REQUEST : intent;
    }

    /** A new request. */
    public InboundContact(Channel channel, String externalId, String reference, Instant receivedAt, String phone,
            String name, String text, String language, String categoryCode, String placeCode, String address,
            Double lat, Double lon, List<Attachment> attachments) {
        this(channel, externalId, reference, receivedAt, phone, name, text, language, categoryCode, placeCode, address,
                lat, lon, attachments, ContactIntent.REQUEST);
    }
}
