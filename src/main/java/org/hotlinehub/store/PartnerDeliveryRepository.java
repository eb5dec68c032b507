package org.hotlinehub.store;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class PartnerDeliveryRepository implements PanacheRepository<PartnerDeliveryEntity> {

    /**
     * Claims due deliveries for this instance: locks them with SKIP LOCKED (so several hub instances never take the
     * same row) and pushes their next attempt past the HTTP timeout, so a crash mid-send only delays a retry.
     */
    @SuppressWarnings("unchecked")
    public List<Long> claimDue(Instant now, Instant leaseUntil, int limit) {
        return ((List<Number>) getEntityManager().createNativeQuery(
                "update partner_delivery set next_attempt_at = ?1 where id in ("
                        + " select id from partner_delivery where status = 'PENDING' and next_attempt_at <= ?2"
                        + " order by next_attempt_at limit ?3 for update skip locked) returning id")
                .setParameter(1, leaseUntil)
                .setParameter(2, now)
                .setParameter(3, limit)
                .getResultList()).stream().map(Number::longValue).toList();
    }

    public long countByStatus(PartnerDeliveryEntity.Status status) {
        return count("status", status);
    }
}
