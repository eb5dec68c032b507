package org.hotlinehub.model;

/**
 * A member of staff doing something to a ticket, as the timeline and the audit log record it: the user name (or API
 * client) and the address the request came from.
 */
public record Staff(String name, String client) {

    public Staff {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a staff action needs the name of who does it");
        }
    }

    /** The timeline's actor: {@code staff:<name>}, as for dispatch overrides. */
    public String actor() {
        return "staff:" + name;
    }
}
