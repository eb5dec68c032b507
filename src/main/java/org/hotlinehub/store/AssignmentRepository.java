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

    public List<AssignmentEntity> forPartner(long partnerId, Optional<AssignmentState> state, int offset, int limit) {
        var query = state.isPresent()
                ? find("partner.id = ?1 and state = ?2 order by id desc", partnerId, state.get())
                : find("partner.id = ?1 order by id desc", partnerId);
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
    public Optional<AssignmentEntity> lockForPartner(long assignmentId, long partnerId) {
        return find("id = ?1 and partner.id = ?2", assignmentId, partnerId)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
