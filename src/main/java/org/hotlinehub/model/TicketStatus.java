package org.hotlinehub.model;

/** Life of a ticket (docs/architecture.md, "Ticket life"). */
public enum TicketStatus {

    RECEIVED,
    TRIAGE,
    DISPATCHED,
    ACCEPTED,
    IN_PROGRESS,
    RESOLVED,
    CLOSED,
    REOPENED,
    CANCELLED,
    MERGED;

    public boolean isOpen() {
        return this != CLOSED && this != CANCELLED && this != MERGED;
    }
}
