package org.hotlinehub.model;

/** The durable intake queue cannot take a contact now; the sender should try again shortly (503). */
public class IntakeUnavailableException extends RuntimeException {

    public IntakeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
