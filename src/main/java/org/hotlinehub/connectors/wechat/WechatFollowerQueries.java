package org.hotlinehub.connectors.wechat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.SqlTimes;

/** {@link WechatFollowers} with this package's own SQL; the resident profile is only read. */
@ApplicationScoped
class WechatFollowerQueries implements WechatFollowers {

    @Inject
    EntityManager em;

    @Override
    @Transactional
    public void interacted(String openid, Instant at, String language) {
        em.createNativeQuery("insert into wechat_follower (openid, language, last_interaction_at)"
                + " values (?1, ?2, ?3) on conflict (openid) do update set last_interaction_at ="
                + " greatest(wechat_follower.last_interaction_at, excluded.last_interaction_at),"
                + " language = coalesce(excluded.language, wechat_follower.language)")
                .setParameter(1, openid).setParameter(2, language).setParameter(3, at).executeUpdate();
    }

    @Override
    @Transactional
    public void subscribed(String openid, Instant at) {
        subscription(openid, at, "subscribed = true, subscribed_at = ?2");
    }

    @Override
    @Transactional
    public void unsubscribed(String openid, Instant at) {
        subscription(openid, at, "subscribed = false, unsubscribed_at = ?2");
    }

    /** A follow or unfollow: the follower's row (made when new), then its subscription columns ({@code ?2}: at). */
    private void subscription(String openid, Instant at, String columns) {
        interacted(openid, at, null);
        em.createNativeQuery("update wechat_follower set " + columns + " where openid = ?1").setParameter(1, openid)
                .setParameter(2, at).executeUpdate();
    }

    @Override
    @Transactional
    public Optional<Follower> find(String openid) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select f.openid, f.subscribed, f.language, f.last_interaction_at,"
                + " f.bind_phone, f.bind_code_hash, f.bind_expires_at, f.bind_attempts, r.phone"
                + " from wechat_follower f left join resident r on r.wechat_openid = f.openid where f.openid = ?1")
                .setParameter(1, openid).getResultList();
        return rows.stream().findFirst().map(r -> new Follower((String) r[0], Boolean.TRUE.equals(r[1]),
                (String) r[2], SqlTimes.instant(r[3]), (String) r[4], (String) r[5],
                SqlTimes.instant(r[6]), ((Number) r[7]).intValue(), (String) r[8]));
    }

    @Override
    @Transactional
    public Optional<String> openidOf(long residentId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select r.wechat_openid from resident r join wechat_follower f"
                + " on f.openid = r.wechat_openid where r.id = ?1 and f.subscribed").setParameter(1, residentId)
                .getResultList();
        return rows.stream().findFirst().map(String::valueOf);
    }

    @Override
    @Transactional
    public void startBinding(String openid, String phone, String codeHash, Instant expiresAt) {
        em.createNativeQuery("update wechat_follower set bind_phone = ?2, bind_code_hash = ?3, bind_expires_at = ?4,"
                + " bind_attempts = 0 where openid = ?1").setParameter(1, openid).setParameter(2, phone)
                .setParameter(3, codeHash).setParameter(4, expiresAt).executeUpdate();
    }

    @Override
    @Transactional
    public int wrongCode(String openid) {
        return ((Number) em.createNativeQuery("update wechat_follower set bind_attempts = bind_attempts + 1"
                + " where openid = ?1 returning bind_attempts").setParameter(1, openid).getSingleResult()).intValue();
    }

    @Override
    @Transactional
    public void dropBinding(String openid) {
        em.createNativeQuery("update wechat_follower set bind_phone = null, bind_code_hash = null,"
                + " bind_expires_at = null, bind_attempts = 0 where openid = ?1").setParameter(1, openid)
                .executeUpdate();
    }
}
