package org.hotlinehub.model;

/**
 * An accept that came too late for an emergency offered to several parties at once: someone else took it, or it went
 * to the operators when nobody accepted in time (409, with who and when in the message). The offer was withdrawn.
 */
public class AlreadyTakenException extends IllegalTransitionException {

    private final String reference;
    private final boolean escalated;

    public AlreadyTakenException(String reference, boolean escalated, String message) {
        super(message);
        this.reference = reference;
        this.escalated = escalated;
    }

    public String reference() {
        return reference;
    }

    /** True when nobody took it in time and it went to the operators; false when another party took it. */
    public boolean escalated() {
        return escalated;
    }
}
