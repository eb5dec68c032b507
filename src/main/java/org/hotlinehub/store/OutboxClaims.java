package org.hotlinehub.store;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

/**
 * The claim every outbox (SMS, WeChat, voice calls) makes on its due messages: their next attempt is pushed to the
 * lease's end in the same statement that picks them, skipping rows another instance holds, so each message is taken
 * by one sender at a time and comes back by itself if that sender dies.
 */
final class OutboxClaims {

    private OutboxClaims() {
    }

    /** @param table one of the hub's outbox tables (a constant, never input) with status and next_attempt_at */
    @SuppressWarnings("unchecked")
    static List<Long> claimDue(EntityManager em, String table, Instant now, Instant leaseUntil, int limit) {
        return ((List<Number>) em.createNativeQuery("update " + table + " set next_attempt_at = ?1 where id in ("
                + " select id from " + table + " where status = 'PENDING' and next_attempt_at <= ?2"
                + " order by next_attempt_at, id limit ?3 for update skip locked) returning id")
                .setParameter(1, leaseUntil)
                .setParameter(2, now)
                .setParameter(3, limit)
                .getResultList()).stream().map(Number::longValue).sorted().toList();
    }
}
