package org.hotlinehub.model;

import java.util.List;

/**
 * Merges and splits around a ticket: the primary it was merged into (null if none), the duplicates merged into it,
 * the ticket it was split off (null if none) and the tickets split off it.
 */
public record TicketLinks(String mergedInto, List<String> merged, String splitFrom, List<String> splitInto) {

    public TicketLinks {
        merged = merged == null ? List.of() : List.copyOf(merged);
        splitInto = splitInto == null ? List.of() : List.copyOf(splitInto);
    }

    public TicketLinks(String mergedInto, List<String> merged) {
        this(mergedInto, merged, null, List.of());
    }
}
