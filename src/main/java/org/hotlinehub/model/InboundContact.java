package org.hotlinehub.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One contact from a resident on any channel, as the intake edge accepted it. {@code (channel, externalId)} identifies
 * it for deduplication; {@code reference} is the ticket number the sender was already told.
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
        Map<String, List<String>> attributes) {

    public InboundContact {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A contact without answers to catalog attributes (every channel but Open311 so far). */
    public InboundContact(Channel channel, String externalId, String reference, Instant receivedAt, String phone,
            String name, String text, String language, String categoryCode, String placeCode, String address,
            Double lat, Double lon, List<Attachment> attachments) {
        this(channel, externalId, reference, receivedAt, phone, name, text, language, categoryCode, placeCode, address,
                lat, lon, attachments, Map.of());
    }
}
