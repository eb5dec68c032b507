package org.hotlinehub.model;

/**
 * Tickets an operator files for a caller come through intake like any other contact, on channel
 * {@link Channel#OPERATOR}; their external id names the operator ({@code <user>/<request key>}) so that intake records
 * who filed the ticket and a repeated request (same key) stays one ticket.
 */
public final class OperatorContacts {

    private OperatorContacts() {
    }

    public static String externalId(String user, String requestKey) {
        if (requestKey == null || requestKey.isBlank() || requestKey.contains("/")) {
            throw new IllegalArgumentException("a request key without '/' is required");
        }
        return user + "/" + requestKey.strip();
    }

    /** The timeline actor for a contact of channel OPERATOR: {@code staff:<user>}. */
    public static String actor(String externalId) {
        int slash = externalId == null ? -1 : externalId.lastIndexOf('/');
        return slash <= 0 ? "staff" : "staff:" + externalId.substring(0, slash);
    }
}
