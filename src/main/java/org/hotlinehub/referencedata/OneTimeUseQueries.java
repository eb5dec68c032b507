package org.hotlinehub.referencedata;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.port.OneTimeUses;

/**
 * The one_time_use table: the primary key makes the first use win on every node at once (insert … on conflict do
 * nothing), and a later use compares the stored body hash. Expired rows are purged on the way, at most once a
 * {@value #PURGE_EVERY_MS} ms per node (a purge with every claim was a fifth of the claim's database time under a
 * steady form load).
 */
@ApplicationScoped
public class OneTimeUseQueries implements OneTimeUses {

    static final int PURGE_BATCH = 5_000;
    static final long PURGE_EVERY_MS = 1_000;

    @Inject
    Clock clock;
    @Inject
    EntityManager em;

    private final AtomicLong lastPurge = new AtomicLong();

    @Override
    @Transactional
    public boolean claim(String key, String bodyHash, Instant keepUntil) {
        Instant now = clock.instant();
        long last = lastPurge.get();
        if (now.toEpochMilli() - last >= PURGE_EVERY_MS && lastPurge.compareAndSet(last, now.toEpochMilli())) {
            em.createNativeQuery("delete from one_time_use where use_key in (select use_key from one_time_use"
                    + " where expires_at < ?1 limit " + PURGE_BATCH + ")").setParameter(1, now).executeUpdate();
        }
        int inserted = em.createNativeQuery("insert into one_time_use (use_key, body_hash, expires_at)"
                + " values (?1, ?2, ?3) on conflict (use_key) do nothing").setParameter(1, key)
                .setParameter(2, bodyHash).setParameter(3, keepUntil).executeUpdate();
        if (inserted == 1) {
            return true;
        }
        @SuppressWarnings("unchecked")
        List<String> first = em.createNativeQuery("select body_hash from one_time_use where use_key = ?1")
                .setParameter(1, key).getResultList();
        return first.isEmpty() || first.get(0).equals(bodyHash);
    }
}
