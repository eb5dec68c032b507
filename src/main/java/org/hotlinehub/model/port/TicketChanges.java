package org.hotlinehub.model.port;

/**
 * Ticket changes made on any hub node, as a counter that live pages watch: it rises with every ticket event that any
 * node publishes, so an operator signed in on one node sees at once what happened on another. Only while somebody
 * follows does this node listen (nothing is received for a hub without open live pages).
 */
public interface TicketChanges {

    /** How many ticket events this node has heard of since it started (only while followed). */
    long count();

    /** Starts following; close the answer when the page goes away. */
    Following follow();

    /** An open follow; closing it twice is harmless. */
    interface Following extends AutoCloseable {

        @Override
        void close();
    }
}
