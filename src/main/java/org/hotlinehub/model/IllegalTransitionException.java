package org.hotlinehub.model;

/** A requested state change that the current state does not allow (409). */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
