package org.hotlinehub.model;

import java.time.Instant;

/**
 * One message the hub sent (or recorded without sending, in sandbox mode) about a ticket, on any channel, as the
 * ticket's page shows it. {@code to} is masked; {@code status} is the channel's own word (pending, sent, sandbox …).
 */
public record MessageItem(Instant at, Channel channel, String to, String purpose, String body, String status,
        boolean sent, String detail) {
}
