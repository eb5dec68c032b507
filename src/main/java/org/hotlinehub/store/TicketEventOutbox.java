package org.hotlinehub.store;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.SqlTimes;
import org.hotlinehub.model.TicketCreated;
import org.hotlinehub.model.TicketEvent;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;
import org.jboss.logging.Logger;

/**
 * The event outbox and the per-thread captures of the batch stages, the persistence behind the core's
 * {@link org.hotlinehub.model.port.TicketEvents} (which says what each operation guarantees). {@link #emit} is called
 * by the timeline for every entry that is a state change, inside the transaction that writes it.
 */
@ApplicationScoped
public class TicketEventOutbox {

    private static final Logger LOG = Logger.getLogger(TicketEventOutbox.class);
    private static final String CAPTURED = TicketEventOutbox.class.getName() + ".captured";
    private static final String WAKE = TicketEventOutbox.class.getName() + ".wake";
    static final Duration RETENTION = Duration.ofDays(1);
    private static final String COLUMNS = "select id, event_id, kind, ticket_id, reference, occurred_at, actor,"
            + " channel, detail, timeline_id from ticket_event_outbox";

    private final ThreadLocal<Held> capturing = new ThreadLocal<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Inject
    EntityManager em;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    Clock clock;
    @Inject
    Event<IncidentChanged> incidentChanged;

    /**
     * Fired synchronously, in the change's transaction, for every event of a ticket that has other reporters (an
     * incident): what a broadcast to all of them is written from. Other tickets fire nothing.
     */
    public record IncidentChanged(TicketEvent event, TicketStatus status) {
    }

    /** The events a thread captures until {@link #close()}. */
    public final class Held {

        final Set<TicketEvent.Kind> kinds;
        final List<TicketEvent> committed = new ArrayList<>();

        Held(Set<TicketEvent.Kind> kinds) {
            this.kinds = Set.copyOf(kinds);
        }

        public List<TicketEvent> events() {
            return List.copyOf(committed);
        }

        public void close() {
            capturing.remove();
        }
    }

    public Held capture(Set<TicketEvent.Kind> kinds) {
        if (capturing.get() != null) {
            throw new IllegalStateException("this thread already captures ticket events");
        }
        Held held = new Held(kinds);
        capturing.set(held);
        return held;
    }

    /** The timeline wrote entry {@code timelineId}: the event it stands for, if it stands for one. */
    void emit(long timelineId, long ticketId, TimelineKind kind, Instant at, String actor, Channel channel,
            String detail) {
        emitAll(List.of(new Written(timelineId, ticketId, kind, at, actor, channel, detail)));
    }

    /** A timeline entry as written, for {@link #emitAll}. */
    record Written(long timelineId, long ticketId, TimelineKind kind, Instant at, String actor, Channel channel,
            String detail) {
    }

    /**
     * The timeline wrote these entries: the events they stand for, written to the event outbox with one statement
     * (an intake batch's reports joining an incident write one MERGED event each).
     */
    void emitAll(List<Written> written) {
        List<TicketEvent> events = new ArrayList<>(written.size());
        List<IncidentChanged> changed = new ArrayList<>();
        for (Written w : written) {
            if (TicketEvent.Kind.recordedAs(w.kind()).isEmpty()) {
                continue;
            }
            TicketEntity ticket = em.find(TicketEntity.class, w.ticketId()); // in the session already, as a rule
            TicketEvent.Kind.of(w.kind(), ticket.status).ifPresent(k -> {
                TicketEvent event = TicketEvent.recorded(k, w.timelineId(), w.ticketId(), ticket.reference, w.at(),
                        w.actor(), w.channel(), w.detail());
                events.add(event);
                if (ticket.reporterCount > 1) {
                    changed.add(new IncidentChanged(event, ticket.status));
                }
            });
        }
        write(events);
        changed.forEach(incidentChanged::fire);
    }

    public void created(TicketCreated created, String actor) {
        write(List.of(TicketEvent.created(created, actor)));
    }

    private void write(List<TicketEvent> events) {
        Held held = capturing.get();
        List<TicketEvent> out = new ArrayList<>(events.size());
        for (TicketEvent event : events) {
            if (held != null && held.kinds.contains(event.kind())) {
                heldUntilCommit(held).add(event);
            } else {
                out.add(event);
            }
        }
        if (out.isEmpty()) {
            return;
        }
        // plain JDBC on the transaction's connection: a native query would flush the whole session first, once per
        // event
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement st = BatchSql.prepare(c, "insert into ticket_event_outbox (event_id, kind,"
                    + " ticket_id, reference, occurred_at, actor, channel, detail, timeline_id)"
                    + " select e.event_id, e.kind, e.ticket_id, e.reference, e.occurred_at::timestamptz, e.actor,"
                    + " e.channel, e.detail, e.timeline_id from unnest(?::text[], ?::text[], ?::bigint[], ?::text[],"
                    + " ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[]) with ordinality as e(event_id, kind,"
                    + " ticket_id, reference, occurred_at, actor, channel, detail, timeline_id, n) order by e.n"
                    + " on conflict (event_id) do nothing")) {
                st.setArray(1, c.createArrayOf("text", out.stream().map(TicketEvent::id).toArray()));
                st.setArray(2, c.createArrayOf("text", out.stream().map(e -> e.kind().name()).toArray()));
                st.setArray(3, c.createArrayOf("bigint", out.stream().map(TicketEvent::ticketId).toArray()));
                st.setArray(4, c.createArrayOf("text", out.stream().map(TicketEvent::reference).toArray()));
                st.setArray(5, c.createArrayOf("text", out.stream().map(e -> e.occurredAt().toString()).toArray()));
                st.setArray(6, c.createArrayOf("text", out.stream().map(TicketEvent::actor).toArray()));
                st.setArray(7, c.createArrayOf("text",
                        out.stream().map(e -> e.channel() == null ? null : e.channel().name()).toArray()));
                st.setArray(8, c.createArrayOf("text", out.stream().map(TicketEvent::detail).toArray()));
                st.setArray(9, c.createArrayOf("bigint", out.stream().map(TicketEvent::timelineId).toArray()));
                st.executeUpdate();
            }
        });
        wakeAfterCommit();
    }

    /** This transaction's captured events, handed to the capture when (and only if) it commits. */
    private List<TicketEvent> heldUntilCommit(Held held) {
        @SuppressWarnings("unchecked")
        List<TicketEvent> pending = (List<TicketEvent>) transactions.getResource(CAPTURED);
        if (pending == null) {
            List<TicketEvent> fresh = new ArrayList<>();
            transactions.putResource(CAPTURED, fresh);
            transactions.registerInterposedSynchronization(new AfterCommit(() -> held.committed.addAll(fresh)));
            pending = fresh;
        }
        return pending;
    }

    private void wakeAfterCommit() {
        if (transactions.getResource(WAKE) == null) {
            transactions.putResource(WAKE, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new AfterCommit(() -> listeners.forEach(Runnable::run)));
        }
    }

    private record AfterCommit(Runnable action) implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                action.run();
            }
        }
    }

    @Transactional
    public List<TicketEvent> recorded(Collection<Long> ticketIds, TicketEvent.Kind kind) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select e.id, e.ticket_id, t.reference, e.at, e.actor, e.channel,"
                + " e.detail from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where e.ticket_id in (?1) and e.kind = ?2 order by e.id")
                .setParameter(1, List.copyOf(ticketIds))
                .setParameter(2, kind.timelineKind().name()).getResultList();
        return rows.stream().map(r -> TicketEvent.recorded(kind, ((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), (String) r[2], SqlTimes.instant(r[3]), (String) r[4],
                r[5] == null ? null : Channel.valueOf((String) r[5]), (String) r[6])).toList();
    }

    @Transactional
    public int relay(int limit, Consumer<List<TicketEvent>> publish) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + " where sent_at is null order by id limit ?1"
                + " for update skip locked").setParameter(1, limit).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<TicketEvent> events = rows.stream().map(TicketEventOutbox::event).toList();
        publish.accept(events);
        em.createNativeQuery("update ticket_event_outbox set sent_at = ?2 where id in (?1)")
                .setParameter(1, rows.stream().map(r -> ((Number) r[0]).longValue()).toList())
                .setParameter(2, Timestamp.from(clock.instant())).executeUpdate();
        LOG.debugf("relayed %d ticket events", events.size());
        return events.size();
    }

    @Transactional
    public int purgeRelayed() {
        return em.createNativeQuery("delete from ticket_event_outbox where sent_at < ?1")
                .setParameter(1, Timestamp.from(clock.instant().minus(RETENTION))).executeUpdate();
    }

    public void onQueued(Runnable listener) {
        listeners.add(listener);
    }

    private static TicketEvent event(Object[] r) {
        return new TicketEvent((String) r[1], TicketEvent.Kind.valueOf((String) r[2]), ((Number) r[3]).longValue(),
                (String) r[4], SqlTimes.instant(r[5]), (String) r[6],
                r[7] == null ? null : Channel.valueOf((String) r[7]), (String) r[8],
                r[9] == null ? null : ((Number) r[9]).longValue(), false);
    }
}
