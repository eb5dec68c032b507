package org.hotlinehub.model;

/**
 * A resolved or closed ticket goes back to work (the resident says it is not solved, or staff reopen it). {@code to}
 * says who gets it: {@code same} (the party that resolved it), {@code next} (the next candidate by the rules),
 * {@code supervisor} (the supervisors' queue) or a partner code. Fired synchronously inside the transaction that
 * reopens the ticket; dispatch hands the ticket on.
 */
public record TicketReopened(long ticketId, String to, String reason, String actor) {

    public static final String SAME = "same";
    public static final String NEXT = "next";
    public static final String SUPERVISOR = "supervisor";
}
