package org.hotlinehub.connectors.twilio;

import java.util.Map;
import java.util.Optional;

/**
 * Twilio's message statuses in the order a message passes through them. Callbacks can arrive out of order, so a
 * status is applied only when it ranks above the one recorded; the final ones share a rank (first one wins) except
 * {@code read}, which can only follow delivery.
 */
final class TwilioMessageStatus {

    private static final Map<String, Integer> RANKS = Map.ofEntries(
            Map.entry("accepted", 1), Map.entry("scheduled", 1), Map.entry("queued", 1),
            Map.entry("receiving", 1), Map.entry("received", 1),
            Map.entry("sending", 2), Map.entry("sent", 3), Map.entry("partially_delivered", 4),
            Map.entry("delivered", 5), Map.entry("undelivered", 5), Map.entry("failed", 5), Map.entry("canceled", 5),
            Map.entry("read", 6));

    private TwilioMessageStatus() {
    }

    static Optional<Integer> rank(String status) {
        return Optional.ofNullable(status == null ? null : RANKS.get(status.strip().toLowerCase()));
    }
}
