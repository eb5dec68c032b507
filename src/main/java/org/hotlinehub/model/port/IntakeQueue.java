package org.hotlinehub.model.port;

import org.hotlinehub.model.InboundContact;

/** The durable intake queue. {@link #submit} returns only once the broker has stored the contact. */
public interface IntakeQueue {

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
