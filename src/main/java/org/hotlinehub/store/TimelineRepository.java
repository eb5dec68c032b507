package org.hotlinehub.store;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;
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

    /** A timeline entry for {@link #recordAll}. */
    public record Entry(long ticketId, TimelineKind kind, String actor, Channel channel, String detail) {
    }

    /**
     * Writes entries together: those that are ticket events one by one through {@link #record} (so every event still
     * comes from there), all the others with one statement, all at the same time.
     */
    public void recordAll(List<Entry> entries) {
        java.time.Instant at = clock.instant();
        List<Entry> plain = new java.util.ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (TicketEvent.Kind.recordedAs(e.kind()).isPresent()) {
                record(e.ticketId(), e.kind(), e.actor(), e.channel(), e.detail());
            } else {
                plain.add(e);
            }
        }
        insertAll(plain, at);
    }

    /** Writes timeline entries with one statement, in the order of the list (their ids follow it). */
    private void insertAll(List<Entry> entries, java.time.Instant when) {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        Long[] ticketId = new Long[n];
        String[] kind = new String[n];
        String[] actor = new String[n];
        String[] channel = new String[n];
        String[] detail = new String[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            ticketId[i] = e.ticketId();
            kind[i] = e.kind().name();
            actor[i] = e.actor();
            channel[i] = e.channel() == null ? null : e.channel().name();
            detail[i] = e.detail();
        }
        getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into timeline_event (ticket_id, kind,"
                    + " actor, channel, detail, at) select e.ticket_id, e.kind, e.actor, e.channel, e.detail,"
                    + " ?::timestamptz from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])"
                    + " with ordinality as e(ticket_id, kind, actor, channel, detail, n) order by e.n")) {
                insert.setString(1, when.toString());
                insert.setArray(2, connection.createArrayOf("bigint", ticketId));
                insert.setArray(3, connection.createArrayOf("text", kind));
                insert.setArray(4, connection.createArrayOf("text", actor));
                insert.setArray(5, connection.createArrayOf("text", channel));
                insert.setArray(6, connection.createArrayOf("text", detail));
                return insert.executeUpdate();
            }
        });
    }

    public List<TimelineEventEntity> forTicket(long ticketId) {
        return list("ticketId = ?1 order by id", ticketId);
    }
}
