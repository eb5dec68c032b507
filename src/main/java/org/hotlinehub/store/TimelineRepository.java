package org.hotlinehub.store;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.TicketEvent;
import org.hotlinehub.model.TimelineKind;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class TimelineRepository implements PanacheRepository<TimelineEventEntity> {

    @Inject
    Clock clock;
    @Inject
    TicketEventQueries events;

    /**
     * Writes a timeline entry; an entry that is a change of the ticket's state ({@link TicketEvent.Kind#of}) is also a
     * ticket event, published when this transaction commits: the one place events are emitted.
     */
    public void record(long ticketId, TimelineKind kind, String actor, Channel channel, String detail) {
        TimelineEventEntity event = new TimelineEventEntity();
        event.ticketId = ticketId;
        event.kind = kind;
        event.actor = actor;
        event.channel = channel;
        event.detail = detail;
        event.at = clock.instant();
        persist(event);
        events.emit(event.id, ticketId, kind, event.at, actor, channel, detail);
    }

    public List<TimelineEventEntity> forTicket(long ticketId) {
        return list("ticketId = ?1 order by id", ticketId);
    }
}
