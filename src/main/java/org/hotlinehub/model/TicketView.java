package org.hotlinehub.model;

import java.time.Instant;
import java.util.List;

/** What a resident may see of their ticket. */
public record TicketView(
        String reference,
        TicketStatus status,
        String categoryZh,
        String categoryEn,
        String placeZh,
        Instant createdAt,
        List<TimelineItem> timeline) {
}
