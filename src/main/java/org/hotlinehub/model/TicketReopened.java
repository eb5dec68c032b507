package org.hotlinehub.model;

/**
 * A resolved, closed or cancelled ticket goes back to work (the resident says it is not solved, or staff reopen it).
 * {@code to} says who gets it: {@code same} (the party that had it; also when blank), {@code next} (the next candidate
 * by the rules), {@code supervisor} (the supervisors' queue) or a partner code. {@code channel} is where the resident
 * said so (null for staff). Dispatch's {@code Reopening} applies it, inside the transaction that reopens the ticket:
 * called by casework, or fired by the survey as a synchronous event.
 */
public record TicketReopened(long ticketId, String to, String reason, String actor, Channel channel) {

    public static final String SAME = "same";
    public static final String NEXT = "next";
    public static final String SUPERVISOR = "supervisor";

    public TicketReopened {
        to = to == null || to.isBlank() ? SAME : to.strip();
    }
}
