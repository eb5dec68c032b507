package org.hotlinehub.connectors.wechat;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.SqlTimes;

/**
 * The access token shared by every hub instance (WeChat invalidates the old token when a new one is fetched, so only
 * one instance may fetch: the 中控 of docs/contract.md, "WeChat access token"). It is the channel's own state, kept in
 * its own table ({@code wechat_access_token}) by this package.
 * <p>
 * The token row is locked (SELECT … FOR UPDATE) while it is checked and, when stale or refused, refreshed: an instance
 * that waited on the lock reads the token the first one fetched instead of fetching another (which would invalidate
 * it). The fetch happens inside the transaction, so a failed fetch leaves the row as it was.
 */
@ApplicationScoped
class WechatTokens {

    @Inject
    EntityManager em;

    /**
     * The stored token when it is still good after {@code validUntil} and is not {@code rejected}; otherwise the one
     * {@code fetch} gets, stored for all. Instances that wait on the lock find the fresh token and do not fetch.
     *
     * @param rejected a token the API just refused (40001, 42001 …), or null
     */
    @Transactional
    Issued current(String appId, Instant validUntil, String rejected, Supplier<Issued> fetch) {
        em.createNativeQuery("insert into wechat_access_token (app_id) values (?1) on conflict (app_id) do nothing")
                .setParameter(1, appId).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select access_token, expires_at from wechat_access_token where app_id = ?1 for update")
                .setParameter(1, appId).getResultList();
        Object[] row = rows.get(0);
        String token = (String) row[0];
        Instant expiresAt = SqlTimes.instant(row[1]);
        if (token != null && !token.equals(rejected) && expiresAt != null && expiresAt.isAfter(validUntil)) {
            return new Issued(token, expiresAt);
        }
        Issued fresh = fetch.get();
        em.createNativeQuery("update wechat_access_token set access_token = ?2, expires_at = ?3, refreshed_at = now(),"
                + " refresh_count = refresh_count + 1 where app_id = ?1")
                .setParameter(1, appId).setParameter(2, fresh.token()).setParameter(3, fresh.expiresAt())
                .executeUpdate();
        return fresh;
    }

    record Issued(String token, Instant expiresAt) {
    }
}
