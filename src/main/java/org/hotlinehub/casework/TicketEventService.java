package org.hotlinehub.casework;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.TicketCreated;
import org.hotlinehub.model.TicketEvent;
import org.hotlinehub.model.port.TicketEvents;
import org.hotlinehub.store.TicketEventOutbox;

/**
 * The core's side of the ticket events: the port the routes and casework use. The events are written by the timeline
 * in the transaction of each change, so the outbox that holds them is persistence ({@link TicketEventOutbox}); this
 * service is what the rest of the hub sees of it.
 */
@ApplicationScoped
public class TicketEventService implements TicketEvents {

    @Inject
    TicketEventOutbox outbox;

    @Override
    public Capture capture(Set<TicketEvent.Kind> kinds) {
        TicketEventOutbox.Held held = outbox.capture(kinds);
        return new Capture() {

            @Override
            public List<TicketEvent> events() {
                return held.events();
            }

            @Override
            public void close() {
                held.close();
            }
        };
    }

    @Override
    public void created(TicketCreated created, String actor) {
        outbox.created(created, actor);
    }

    @Override
    public List<TicketEvent> recorded(Collection<Long> ticketIds, TicketEvent.Kind kind) {
        return outbox.recorded(ticketIds, kind);
    }

    @Override
    public int relay(int limit, Consumer<List<TicketEvent>> publish) {
        return outbox.relay(limit, publish);
    }

    @Override
    public int purgeRelayed() {
        return outbox.purgeRelayed();
    }

    @Override
    public void onQueued(Runnable listener) {
        outbox.onQueued(listener);
    }
}
