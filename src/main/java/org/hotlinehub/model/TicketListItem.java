package org.hotlinehub.model;

import java.time.Instant;

/** One row of the operators' ticket list. */
public record TicketListItem(
        long id,
        String reference,
        TicketStatus status,
        Channel channel,
        String priority,
        String categoryCode,
        String categoryName,
        String placeCode,
        String placeName,
        String leadPartner,
        String description,
        Instant createdAt,
        Instant updatedAt) {
}
