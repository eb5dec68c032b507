package org.hotlinehub.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Filters of the Open311 request list. Non-empty {@code references} overrides the other filters; {@code open} empty
 * means both open and closed. {@code filedThroughOpen311Only}: a client without its api_key sees only requests filed
 * through Open311.
 */
public record ServiceRequestQuery(
        List<String> references,
        List<String> serviceCodes,
        Instant start,
        Instant end,
        Optional<Boolean> open,
        int limit,
        boolean filedThroughOpen311Only) {

    public ServiceRequestQuery {
        references = references == null ? List.of() : List.copyOf(references);
        serviceCodes = serviceCodes == null ? List.of() : List.copyOf(serviceCodes);
        open = open == null ? Optional.empty() : open;
    }

    /** The same query for an anonymous client: only requests filed through Open311. */
    public ServiceRequestQuery filedThroughOpen311() {
        return new ServiceRequestQuery(references, serviceCodes, start, end, open, limit, true);
    }
}
