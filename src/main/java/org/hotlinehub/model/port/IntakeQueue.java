package org.hotlinehub.model.port;

import org.hotlinehub.model.InboundContact;

/** The durable intake queue. {@link #submit} returns only once the broker has stored the contact. */
public interface IntakeQueue {

    /**
     * The HTTP request's attribute (a {@code Long} of {@link System#nanoTime()}) the edge sets when it admits a contact:
     * the send waits for the broker only for what is left of {@code hub.intake.send-timeout} counted from then, so the
     * sender's 503 comes within a second of its request however long the contact waited before its send.
     */
    String ADMITTED_AT_NANOS = "hub.intake.admitted-at-nanos";

    /** @throws org.hotlinehub.model.IntakeUnavailableException when the broker cannot take it now */
    void submit(InboundContact contact);

    /**
     * False while the queue is known to refuse contacts (the broker failing sends): the edge then answers 503 at once,
     * before it parses anything or waits for a worker. Cheap and non-blocking: asked on the event loop per request.
     */
    default boolean accepting() {
        return true;
    }

    /**
     * True while the stages after the queue are too far behind to take more soon (not {@link #accepting()} either):
     * the edge refuses, but holds the answer a moment, so a client that retries at once does not spend the CPU the
     * stages need on refusals. Cheap and non-blocking, as {@link #accepting()}.
     */
    default boolean behind() {
        return false;
    }
}
