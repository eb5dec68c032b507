package org.hotlinehub.model;

/**
 * The second problem of a ticket's report, to become a ticket of its own: what it is (required), its catalog entry and
 * place (both required: the new ticket is dispatched at once), an address when it differs, and why it is split.
 */
public record TicketSplit(String description, String categoryCode, String placeCode, String address, String note) {
}
