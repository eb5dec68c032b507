package org.hotlinehub.connectors.twilio;

import java.util.Map;
import java.util.Optional;

/**
 * Twilio's call statuses in the order a call passes through them (docs/contract.md, "Twilio statuses"). Status
 * callbacks can arrive out of order, so a status is applied only when it ranks above the recorded one; the final ones
 * share the top rank.
 */
final class TwilioCallStatus {

    static final int FINAL = 4;
    private static final Map<String, Integer> RANKS = Map.ofEntries(
            Map.entry("queued", 1), Map.entry("initiated", 1), Map.entry("ringing", 2),
            Map.entry("in-progress", 3), Map.entry("answered", 3),
            Map.entry("completed", FINAL), Map.entry("busy", FINAL), Map.entry("failed", FINAL),
            Map.entry("no-answer", FINAL), Map.entry("canceled", FINAL));

    private TwilioCallStatus() {
    }

    static Optional<Integer> rank(String status) {
        return Optional.ofNullable(status == null ? null : RANKS.get(status.strip().toLowerCase()));
    }
}
