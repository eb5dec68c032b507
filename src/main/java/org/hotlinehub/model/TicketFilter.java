package org.hotlinehub.model;

import java.time.Instant;
import java.util.List;

/**
 * Filters of the ticket list; empty lists and nulls filter nothing. {@code place} matches the place and everything
 * below it (a community finds its grids' and compounds' tickets); {@code text} is a full-text search.
 */
public record TicketFilter(
        List<TicketStatus> statuses,
        List<String> categories,
        String place,
        String partner,
        List<Channel> channels,
        Instant from,
        Instant to,
        String text) {

    public TicketFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        categories = categories == null ? List.of() : List.copyOf(categories);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }
}
