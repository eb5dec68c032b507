package org.hotlinehub.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
    TicketEventOutbox events;

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
     * Writes entries together with one statement, all at the same time, their ids in the order of the list; then the
     * entries that are ticket events are emitted as {@link #record} does.
     */
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        long[] ids = insertAll(entries, at);
        List<TicketEventOutbox.Written> written = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (TicketEvent.Kind.recordedAs(e.kind()).isPresent()) {
                written.add(new TicketEventOutbox.Written(ids[i], e.ticketId(), e.kind(), at, e.actor(), e.channel(),
                        e.detail()));
            }
        }
        events.emitAll(written);
    }

    /**
     * Writes timeline entries with one statement, in the order of the list: the rows are inserted in that order, so
     * their ids (drawn from the sequence row by row) ascend with it; returns them in that order.
     */
    private long[] insertAll(List<Entry> entries, Instant when) {
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
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = BatchSql.prepare(connection, "insert into timeline_event (ticket_id, kind,"
                    + " actor, channel, detail, at) select e.ticket_id, e.kind, e.actor, e.channel, e.detail,"
                    + " ?::timestamptz from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])"
                    + " with ordinality as e(ticket_id, kind, actor, channel, detail, n) order by e.n returning id")) {
                insert.setString(1, when.toString());
                insert.setArray(2, connection.createArrayOf("bigint", ticketId));
                insert.setArray(3, connection.createArrayOf("text", kind));
                insert.setArray(4, connection.createArrayOf("text", actor));
                insert.setArray(5, connection.createArrayOf("text", channel));
                insert.setArray(6, connection.createArrayOf("text", detail));
                long[] ids = new long[n];
                int i = 0;
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        ids[i++] = rows.getLong(1);
                    }
                }
                if (i != n) {
                    throw new IllegalStateException("wrote " + i + " of " + n + " timeline entries");
                }
                Arrays.sort(ids);
                return ids;
            }
        });
    }

    public List<TimelineEventEntity> forTicket(long ticketId) {
        return list("ticketId = ?1 order by id", ticketId);
    }
}
