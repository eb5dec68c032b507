package org.hotlinehub.model.port;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.hotlinehub.model.TicketCreated;
import org.hotlinehub.model.TicketEvent;

/**
 * The ticket events the timeline emits (one per state change, see {@link TicketEvent.Kind#of}), and how they reach
 * {@code hub.events} exactly when their change commits. By default an event is written to the event outbox in the
 * transaction of its change and relayed to the broker after the commit ({@link #relay}). A batch stage that publishes
 * in its own JMS transaction {@link #capture captures} the kinds it can publish again on a redelivery instead (no
 * extra row per ticket on the hot path).
 */
public interface TicketEvents {

    /**
     * From now until {@link Capture#close()}, events of {@code kinds} emitted on this thread are held for the caller
     * instead of going to the outbox, each once its transaction has committed (an event of a rolled-back transaction
     * is dropped with it). Other kinds still go to the outbox.
     */
    Capture capture(Set<TicketEvent.Kind> kinds);

    /** Events held by a {@link #capture}, in the order their transactions committed. */
    interface Capture extends AutoCloseable {

        List<TicketEvent> events();

        @Override
        void close();
    }

    /**
     * A ticket made outside intake's batches (a split): its creation, published like intake's (the same id, so a
     * subscriber that saw it once knows it again), goes to the event outbox in the transaction that made the ticket,
     * and is relayed once that transaction commits. Call it before the ticket's first offer, so the creation comes
     * first on {@code hub.events}; dispatch, reading it after the offer, finds the ticket offered and leaves it alone.
     */
    void created(TicketCreated created, String actor);

    /**
     * The committed events of this kind for these tickets, as the timeline recorded them (same ids): what a stage
     * publishes again when a redelivery shows that its last attempt may have committed the change but not the message.
     */
    List<TicketEvent> recorded(Collection<Long> ticketIds, TicketEvent.Kind kind);

    /**
     * Takes up to {@code limit} events not yet relayed (rows locked with SKIP LOCKED, so hub instances share the work),
     * hands them to {@code publish} in the order they were written, and marks them sent, in one transaction: if
     * publishing throws, they stay unsent and are tried again (the duplicate-detection id makes a repeat harmless).
     *
     * @return how many were relayed
     */
    int relay(int limit, Consumer<List<TicketEvent>> publish);

    /** Forgets relayed events older than the retention; @return how many */
    int purgeRelayed();

    /** {@code listener} runs after every commit that wrote events to the outbox (to relay them at once). */
    void onQueued(Runnable listener);
}
