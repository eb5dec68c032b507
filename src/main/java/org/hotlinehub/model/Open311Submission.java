package org.hotlinehub.model;

import java.time.Instant;

/** What an Open311 client filed, kept by the edge under its token before the contact is queued. */
public record Open311Submission(
        String token,
        String reference,
        String clientCode,
        String serviceCode,
        Instant requestedAt,
        String description,
        String address,
        String addressId,
        Double lat,
        Double lon,
        String mediaUrl) {
}
