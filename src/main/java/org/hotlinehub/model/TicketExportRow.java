package org.hotlinehub.model;

import java.time.Instant;

/**
 * One ticket as the CSV export lists it: where, what, who leads it and how its clocks and call-back went. No resident
 * name or phone (the export leaves the hub).
 */
public record TicketExportRow(
        String reference,
        Instant createdAt,
        Channel channel,
        TicketStatus status,
        String priority,
        String categoryCode,
        String categoryName,
        String community,
        String grid,
        String place,
        String address,
        String description,
        String lead,
        String leadName,
        Instant offeredAt,
        Instant acceptBy,
        Instant acceptedAt,
        Instant resolveBy,
        Instant resolvedAt,
        boolean overdue,
        long pausedSeconds,
        String surveyOutcome,
        boolean surveyExcluded) {
}
