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

    /** Locks the row so concurrent calls for one assignment apply one after the other. */
    public Optional<AssignmentEntity> lockForPartner(long assignmentId, long partnerId) {
        return find("id = ?1 and partner.id = ?2", assignmentId, partnerId)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
