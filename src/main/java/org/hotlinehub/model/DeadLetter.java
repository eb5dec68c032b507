package org.hotlinehub.model;

import java.time.Instant;

/** Something the hub could not process or deliver, kept with its reason until an operator replays it. */
public record DeadLetter(
        long id,
        String source,
        String reason,
        String destination,
        String body,
        Instant createdAt,
        int replayCount,
        Instant lastReplayedAt) {
}
