package org.hotlinehub.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hotlinehub.model.SqlTimes;

/**
 * The {@code emergency} table (V96): call assurance's emergencies and their state, in the caller's transaction. The
 * rules are in {@code dispatch/EmergencyOffers}; this class only reads and writes rows.
 */
@ApplicationScoped
public class EmergencyRows {

    /** Serialises the fan-out of emergencies, so two at once never both count a volunteer as free. */
    private static final long FAN_OUT_LOCK = 0x656d657267L;
    private static final String COLUMNS = "ticket_reference, ticket_id, state, taken_by, taken_at, escalated_at,"
            + " window_ends_at";

    @Inject
    EntityManager em;

    /** One emergency as stored. */
    public record Row(String reference, Long ticketId, String state, String takenBy, Instant takenAt,
            Instant escalatedAt, Instant windowEndsAt) {
    }

    /** @return false when this reference was raised before */
    public boolean insert(String reference, Instant now) {
        return em.createNativeQuery("insert into emergency (ticket_reference, raised_at) values (?1, ?2)"
                + " on conflict (ticket_reference) do nothing").setParameter(1, reference).setParameter(2, now)
                .executeUpdate() == 1;
    }

    /** Waits for any other transaction fanning out an emergency, until this one ends. */
    public void serializeFanOut() {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, FAN_OUT_LOCK).getSingleResult();
    }

    public Optional<Row> lock(String reference) {
        return one("select " + COLUMNS + " from emergency where ticket_reference = ?1 for update", reference);
    }

    /**
     * The emergency locked, or empty when another transaction holds it (an accept under way decides it; the caller's
     * own lock does not count).
     */
    public Optional<Row> lockUnlessHeld(String reference) {
        return one("select " + COLUMNS + " from emergency where ticket_reference = ?1 for update skip locked",
                reference);
    }

    /** The volunteers who were offered this ticket at some point (they are not offered it again). */
    public List<Long> volunteersOffered(long ticketId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select distinct volunteer_id from assignment where ticket_id = ?1"
                + " and volunteer_id is not null").setParameter(1, ticketId).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * The states of those of these emergencies that were raised, by reference: one statement for a dispatch chunk's
     * tickets of the urgent category, on the transaction's connection (a native query would flush the session first).
     */
    public Map<String, String> states(Collection<String> references) {
        if (references.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement st = BatchSql.prepare(c,
                    "select ticket_reference, state from emergency where ticket_reference = any(?)")) {
                st.setArray(1, c.createArrayOf("text", references.toArray(String[]::new)));
                Map<String, String> states = new HashMap<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        states.put(rs.getString(1), rs.getString(2));
                    }
                }
                return states;
            }
        });
    }

    public Optional<Row> find(String reference) {
        return one("select " + COLUMNS + " from emergency where ticket_reference = ?1", reference);
    }

    /** The emergency of the assignment's ticket, locked; empty for every other assignment. */
    public Optional<Row> lockForAssignment(long assignmentId) {
        return one("select e.ticket_reference, e.ticket_id, e.state, e.taken_by, e.taken_at, e.escalated_at,"
                + " e.window_ends_at from emergency e join assignment a on a.ticket_id = e.ticket_id"
                + " where a.id = ?1 for update of e", assignmentId);
    }

    /** Whether the ticket is an emergency whose parallel offers are out (nobody is offered it one by one). */
    public boolean offered(long ticketId) {
        return !em.createNativeQuery("select 1 from emergency where ticket_id = ?1 and state = 'OFFERED'")
                .setParameter(1, ticketId).getResultList().isEmpty();
    }

    public void offered(String reference, long ticketId, Instant now, Instant windowEnds) {
        em.createNativeQuery("update emergency set state = 'OFFERED', ticket_id = ?2, offered_at = ?3,"
                + " window_ends_at = ?4 where ticket_reference = ?1").setParameter(1, reference)
                .setParameter(2, ticketId).setParameter(3, now).setParameter(4, windowEnds).executeUpdate();
    }

    public void taken(String reference, String by, Instant now) {
        em.createNativeQuery("update emergency set state = 'TAKEN', taken_by = ?2, taken_at = ?3"
                + " where ticket_reference = ?1").setParameter(1, reference).setParameter(2, by)
                .setParameter(3, now).executeUpdate();
    }

    public void escalated(String reference, Instant now) {
        em.createNativeQuery("update emergency set state = 'ESCALATED', escalated_at = ?2"
                + " where ticket_reference = ?1").setParameter(1, reference).setParameter(2, now).executeUpdate();
    }

    /** Open emergencies whose window has passed, locked, skipping those another instance holds. */
    public List<Row> lockDue(Instant now, int limit) {
        return rows("select " + COLUMNS + " from emergency where state = 'OFFERED' and window_ends_at <= ?1"
                + " order by window_ends_at limit ?2 for update skip locked", now, limit);
    }

    /** Volunteers holding an unanswered offer of an open emergency: they are offered no other. */
    public List<Long> volunteersWithUnansweredEmergency() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select distinct a.volunteer_id from emergency e join assignment a"
                + " on a.ticket_id = e.ticket_id where e.state = 'OFFERED' and a.state = 'OFFERED'"
                + " and a.volunteer_id is not null").getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Emergencies with the operators whose ticket still waits in triage, oldest first. */
    public List<String> awaitingOperators() {
        @SuppressWarnings("unchecked")
        List<String> refs = em.createNativeQuery("select e.ticket_reference from emergency e join ticket t"
                + " on t.id = e.ticket_id where e.state = 'ESCALATED' and t.status = 'TRIAGE'"
                + " order by e.escalated_at, e.ticket_reference").getResultList();
        return refs;
    }

    private Optional<Row> one(String sql, Object... params) {
        return rows(sql, params).stream().findFirst();
    }

    private List<Row> rows(String sql, Object... params) {
        return SqlParameters.rows(em, sql, params).stream()
                .map(r -> new Row((String) r[0], r[1] == null ? null : ((Number) r[1]).longValue(),
                        (String) r[2], (String) r[3], SqlTimes.instant(r[4]), SqlTimes.instant(r[5]),
                        SqlTimes.instant(r[6])))
                .toList();
    }
}
