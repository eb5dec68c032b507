package org.hotlinehub.store;

import java.util.List;
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

    /** Offers past their accept-by time, locked for this transaction; rows another instance holds are skipped. */
    @SuppressWarnings("unchecked")
    public List<AssignmentEntity> lockOffersDue(java.time.Instant now, int limit) {
        List<Number> ids = getEntityManager().createNativeQuery("select id from assignment where state = 'OFFERED'"
                + " and accept_by <= ?1 order by accept_by limit ?2 for update skip locked")
                .setParameter(1, now).setParameter(2, limit).getResultList();
        return ids.stream().map(id -> findById(id.longValue())).toList();
    }

    /**
     * Assignments whose next clock event is due: offers at the warning point of their accept window, accepted work
     * at the warning point of its resolve window or past resolve-by. Locked for this transaction, skipping rows
     * another instance holds.
     */
    @SuppressWarnings("unchecked")
    public List<AssignmentEntity> lockClocksDue(java.time.Instant now, double warnAt, int limit) {
        List<Number> ids = getEntityManager().createNativeQuery("select id from assignment where"
                + " (state = 'OFFERED' and accept_warned_at is null"
                + "   and offered_at + (accept_by - offered_at) * ?2 <= ?1)"
                + " or (state in ('ACCEPTED', 'IN_PROGRESS') and overdue_at is null and (resolve_by <= ?1"
                + "   or (resolve_warned_at is null and offered_at + (resolve_by - offered_at) * ?2 <= ?1)))"
                + " order by id limit ?3 for update skip locked")
                .setParameter(1, now).setParameter(2, warnAt).setParameter(3, limit).getResultList();
        return ids.stream().map(id -> findById(id.longValue())).toList();
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
