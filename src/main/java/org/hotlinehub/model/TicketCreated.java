package org.hotlinehub.model;

import java.time.Instant;

/** Published on {@code hub.events} when intake has made a ticket; {@code triage} when it awaits an operator. */
public record TicketCreated(long ticketId, String reference, boolean triage, Instant occurredAt) {
}
