package org.hotlinehub.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class TicketRepository implements PanacheRepository<TicketEntity> {

    public Optional<TicketEntity> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    /** By its own reference or by an alias a double submit was told. */
    public Optional<TicketEntity> findByReferenceOrAlias(String reference) {
        return findByReference(reference).or(() -> TicketAliasEntity.<TicketAliasEntity>findByIdOptional(reference)
                .flatMap(alias -> findByIdOptional(alias.ticketId)));
    }

    /**
     * Locks the tickets of {@code ids} that still wait for their first offer (received, no assignment yet), in id
     * order, with one statement. The lock is a no-key update one: it keeps two dispatchers from offering one ticket,
     * and lets intake link reports to the ticket meanwhile (their foreign keys take a key-share lock on it, which a
     * plain {@code for update} would make wait for the whole dispatch batch).
     *
     * @return their ids, ascending
     */
    public List<Long> lockAwaitingFirstOffer(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement lock = BatchSql.prepare(connection, "select t.id from ticket t"
                    + " where t.id = any(?) and t.status = 'RECEIVED'"
                    + " and not exists (select 1 from assignment a where a.ticket_id = t.id) order by t.id"
                    + " for no key update")) {
                lock.setArray(1, connection.createArrayOf("bigint", ids.toArray(Long[]::new)));
                List<Long> locked = new ArrayList<>(ids.size());
                try (ResultSet row = lock.executeQuery()) {
                    while (row.next()) {
                        locked.add(row.getLong(1));
                    }
                }
                return locked;
            }
        });
    }

    /**
     * The tickets, in id order, with what an offer reads of them (resident, category, place) fetched in the same
     * statement. Its SQL is built afresh per call (the {@code IN} list defeats the plan cache), as a multi-load's was;
     * the lazy load per association it replaces cost more (a fifth of the dispatch thread at a steady 50/s).
     *
     * <p>They are read-only: the session keeps no snapshot of them and writes none of their changes. The caller writes
     * what it changes with {@link #writeStatuses}.
     */
    public List<TicketEntity> withOfferDetails(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select t from TicketEntity t left join fetch t.resident"
                + " left join fetch t.category left join fetch t.place where t.id in :ids order by t.id",
                TicketEntity.class).setParameter("ids", ids).setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
    }

    /**
     * Writes the status, triage reason and time of change of tickets read by {@link #withOfferDetails}, in one
     * statement. Only these columns: a full-row update, as the session would write, also computed the ticket's search
     * columns again from its unchanged text.
     */
    public void writeStatuses(Collection<TicketEntity> changed) {
        if (changed.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(c -> {
            try (PreparedStatement st = BatchSql.prepare(c, "update ticket t set status = v.status,"
                    + " triage_reason = v.reason, updated_at = v.at::timestamptz from unnest(?::bigint[], ?::text[],"
                    + " ?::text[], ?::text[]) as v(id, status, reason, at) where t.id = v.id")) {
                st.setArray(1, c.createArrayOf("bigint", changed.stream().map(t -> t.id).toArray()));
                st.setArray(2, c.createArrayOf("text", changed.stream().map(t -> t.status.name()).toArray()));
                st.setArray(3, c.createArrayOf("text", changed.stream().map(t -> t.triageReason).toArray()));
                st.setArray(4, c.createArrayOf("text", changed.stream().map(t -> t.updatedAt.toString()).toArray()));
                st.executeUpdate();
            }
        });
    }

    public void addAlias(String reference, long ticketId) {
        if (TicketAliasEntity.findById(reference) == null && findByReference(reference).isEmpty()) {
            TicketAliasEntity alias = new TicketAliasEntity();
            alias.reference = reference;
            alias.ticketId = ticketId;
            alias.persist();
        }
    }
}
