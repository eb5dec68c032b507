package org.hotlinehub.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.port.OneTimeUses;

/**
 * The one_time_use table: the primary key makes the first use win on every node at once (insert … on conflict do
 * nothing), and a later use compares the stored body hash. Expired rows are purged on the way, a few at a time.
 */
@ApplicationScoped
public class OneTimeUseQueries implements OneTimeUses {

    private static final int PURGE_BATCH = 500;

    @Inject
    Clock clock;
    @Inject
    EntityManager em;

    @Override
    @Transactional
    public boolean claim(String key, String bodyHash, Instant keepUntil) {
        Instant now = clock.instant();
        em.createNativeQuery("delete from one_time_use where use_key in (select use_key from one_time_use"
                + " where expires_at < ?1 limit " + PURGE_BATCH + ")").setParameter(1, now).executeUpdate();
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
