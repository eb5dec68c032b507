package org.hotlinehub.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Filters of the Open311 request list. Non-empty {@code references} overrides the other filters; {@code open} empty
 * means both open and closed.
 */
public record ServiceRequestQuery(
        List<String> references,
        List<String> serviceCodes,
        Instant start,
        Instant end,
        Optional<Boolean> open,
        int limit) {

    public ServiceRequestQuery {
        references = references == null ? List.of() : List.copyOf(references);
        serviceCodes = serviceCodes == null ? List.of() : List.copyOf(serviceCodes);
        open = open == null ? Optional.empty() : open;
    }
}
