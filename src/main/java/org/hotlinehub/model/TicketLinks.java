package org.hotlinehub.model;

import java.util.List;

/** Merges around a ticket: the primary it was merged into (null if none), and the duplicates merged into it. */
public record TicketLinks(String mergedInto, List<String> merged) {

    public TicketLinks {
        merged = merged == null ? List.of() : List.copyOf(merged);
    }
}
