package org.hotlinehub.store;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotlinehub.model.AssignmentState;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class AssignmentRepository implements PanacheRepository<AssignmentEntity> {

    public List<AssignmentEntity> forTicket(long ticketId) {
        return list("ticket.id = ?1 order by id", ticketId);
    }

    private static final String HELD_BY_ANYONE = "(partner.code = ?1 or volunteer.code = ?1)";
    private static final String HELD_BY_PARTNER = "partner.code = ?1";

    /** Assignments held by the partner or volunteer with this code, newest first. */
    public List<AssignmentEntity> forAssignee(String code, Optional<AssignmentState> state, int offset, int limit) {
        return heldBy(HELD_BY_ANYONE, code, state, offset, limit);
    }

    /** Assignments held by the partner with this code (never a volunteer's), newest first. */
    public List<AssignmentEntity> forPartner(String code, Optional<AssignmentState> state, int offset, int limit) {
        return heldBy(HELD_BY_PARTNER, code, state, offset, limit);
    }

    private List<AssignmentEntity> heldBy(String holder, String code, Optional<AssignmentState> state, int offset,
            int limit) {
        String from = "from AssignmentEntity a left join fetch a.partner partner left join fetch a.volunteer volunteer"
                + " where " + holder;
        var query = state.isPresent()
                ? find(from + " and a.state = ?2 order by a.id desc", code, state.get())
                : find(from + " order by a.id desc", code);
        return query.range(offset, offset + limit - 1).list();
    }

    /**
     * Offers past their accept-by time (paused ones wait), locked for this transaction; rows another instance holds
     * are skipped, so with several hub instances each expiry is handled by one. The lock is {@code for no key update}
     * (as an UPDATE's own): it keeps other sweeps off the row, but not a transaction that inserts a row pointing at the
     * assignment (an outbox row, a delivery: their foreign-key check takes a key-share lock). With {@code for update}
     * such an intake batch waited on the sweep while the sweep waited on the batch's ticket: a deadlock, two nodes'
     * sweeps and intake on the same tickets (RELIABILITY.md round 16).
     */
    public List<AssignmentEntity> lockOffersDue(Instant now, int limit) {
        return lockIds("select id from assignment where state = 'OFFERED' and paused_at is null and accept_by <= ?1"
                + " order by accept_by limit ?2 for no key update skip locked", now, limit);
    }

    /**
     * Assignments whose next clock event is due and not yet stamped: offers at their accept warning point, accepted
     * work at its resolve warning point or past resolve-by. Paused rows wait. Locked for this transaction, skipping
     * rows another instance holds ({@code for no key update}, as {@link #lockOffersDue}).
     */
    public List<AssignmentEntity> lockClocksDue(Instant now, int limit) {
        return lockIds("select id from assignment where paused_at is null and ("
                + " (state = 'OFFERED' and accept_warned_at is null and accept_warn_at <= ?1)"
                + " or (state in ('ACCEPTED', 'IN_PROGRESS') and overdue_at is null"
                + "   and (resolve_by <= ?1 or (resolve_warned_at is null and resolve_warn_at <= ?1))))"
                + " order by id limit ?2 for no key update skip locked", now, limit);
    }

    @SuppressWarnings("unchecked")
    private List<AssignmentEntity> lockIds(String sql, Instant now, int limit) {
        List<Number> ids = getEntityManager().createNativeQuery(sql).setParameter(1, now).setParameter(2, limit)
                .getResultList();
        return ids.stream().map(id -> findById(id.longValue())).toList();
    }

    /** The ticket's current lead: its latest lead assignment. */
    public Optional<AssignmentEntity> latestLead(long ticketId) {
        return find("ticket.id = ?1 and role = ?2 order by id desc", ticketId, AssignmentEntity.ROLE_LEAD)
                .firstResultOptional();
    }

    /** The current lead of each of these tickets that has one (as {@link #latestLead}), by ticket id, with one read. */
    public Map<Long, AssignmentEntity> latestLeads(Collection<Long> ticketIds) {
        Map<Long, AssignmentEntity> out = new HashMap<>();
        getEntityManager().createQuery("select a from AssignmentEntity a left join fetch a.partner"
                + " left join fetch a.volunteer where a.ticket.id in ?1 and a.role = ?2 and a.id = (select max(b.id)"
                + " from AssignmentEntity b where b.ticket.id = a.ticket.id and b.role = ?2)", AssignmentEntity.class)
                .setParameter(1, ticketIds).setParameter(2, AssignmentEntity.ROLE_LEAD).getResultList()
                .forEach(a -> out.put(a.ticket.id, a));
        return out;
    }

    /** Open assignments whose clocks matter to the console: paused, overdue, or warned and not yet answered. */
    public List<AssignmentEntity> watched(String which, int limit) {
        String where = switch (which) {
            case "paused" -> "a.pausedAt is not null and a.state in ?1";
            case "overdue" -> "a.overdueAt is not null and a.state in ?1";
            default -> "a.pausedAt is null and a.state in ?1 and ((a.state = ?2 and a.acceptWarnedAt is not null)"
                    + " or (a.state <> ?2 and a.resolveWarnedAt is not null and a.overdueAt is null))";
        };
        var active = List.of(AssignmentState.OFFERED, AssignmentState.ACCEPTED, AssignmentState.IN_PROGRESS);
        var query = which.equals("paused") || which.equals("overdue")
                ? find("from AssignmentEntity a where " + where + " order by a.id desc", active)
                : find("from AssignmentEntity a where " + where + " order by a.id desc", active,
                        AssignmentState.OFFERED);
        return query.range(0, limit - 1).list();
    }

    /** Locks the row so concurrent calls for one assignment apply one after the other. */
    public Optional<AssignmentEntity> lockForAssignee(long assignmentId, String code) {
        return lockHeld(assignmentId, code, "(p.code = ?2 or v.code = ?2)");
    }

    /** As {@link #lockForAssignee}, for a partner's assignment only (never a volunteer's with the same code). */
    public Optional<AssignmentEntity> lockForPartner(long assignmentId, String code) {
        return lockHeld(assignmentId, code, "p.code = ?2");
    }

    private Optional<AssignmentEntity> lockHeld(long assignmentId, String code, String holder) {
        return find("select a from AssignmentEntity a left join a.partner p left join a.volunteer v"
                + " where a.id = ?1 and " + holder, assignmentId, code)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
