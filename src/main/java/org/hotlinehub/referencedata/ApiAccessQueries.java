package org.hotlinehub.referencedata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.Hashes;
import org.hotlinehub.model.SqlTimes;
import org.hotlinehub.model.port.ApiAccess;
import org.hotlinehub.model.port.AuditTrail;
import org.hotlinehub.store.ApiClientRepository;
import org.hotlinehub.store.HubUserEntity;
import org.hotlinehub.store.HubUserRepository;
import org.jboss.logging.Logger;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Users are checked against bcrypt hashes; API keys, being long random strings, against SHA-256 hashes (a fast hash
 * is enough for them and keeps every API call cheap).
 */
@ApplicationScoped
public class ApiAccessQueries implements ApiAccess {

    /**
     * Compared against when the user does not exist, so an unknown name costs as much time as a wrong password. In a
     * holder of its own, made at the first sign-in (on a worker thread): a constant of this class was hashed when its
     * CDI proxy was first loaded, on an HTTP event loop, which stalled every request on that loop for the time of a
     * bcrypt hash while a restarted hub took its first load (fault suite, RELIABILITY.md round 12).
     */
    private static final class NoUser {

        static final String HASH = BcryptUtil.bcryptHash("no such user");
    }

    private static final Logger LOG = Logger.getLogger(ApiAccessQueries.class);

    @Inject
    HubUserRepository users;
    @Inject
    HubConfig config;
    @Inject
    AuditTrail audit;
    @Inject
    ApiClientRepository clients;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /**
     * Checks the password. Wrong ones are counted per client address and account: after
     * {@link HubConfig.SignIn#maxFailures()} in a row that address waits {@link HubConfig.SignIn#backoff()}, doubled
     * after every further miss up to {@link HubConfig.SignIn#lockout()}, during which even the right password is
     * refused from it. The account itself is never locked by failures, so nobody can lock its owner out from another
     * address, and a signed-in session carries on. Unknown and existing users cost the same bcrypt check.
     */
    @Override
    @Transactional
    public Optional<Caller> user(String username, String password, String client) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        String name = username.strip();
        String from = client == null || client.isBlank() ? "unknown" : client;
        Instant now = clock.instant();
        Optional<Instant> waitUntil = blockedUntil(name, from, now);
        if (waitUntil.isPresent()) {
            LOG.infof("sign-in refused for %s from %s: too many wrong passwords, waits until %s", name, from,
                    waitUntil.get());
            return Optional.empty();
        }
        Optional<HubUserEntity> user = users.findByUsernameForUpdate(name).filter(u -> u.active);
        boolean matches = BcryptUtil.matches(password, user.map(u -> u.passwordHash).orElse(NoUser.HASH));
        if (user.isPresent() && user.get().lockedUntil != null && user.get().lockedUntil.isAfter(now)) {
            LOG.infof("sign-in refused for %s: locked until %s", name, user.get().lockedUntil);
            return Optional.empty();
        }
        if (!matches || user.isEmpty()) {
            user.ifPresent(u -> u.failedLogins++);
            countFailure(name, from, now);
            return Optional.empty();
        }
        HubUserEntity u = user.get();
        em.createNativeQuery("delete from sign_in_throttle where username = ?1 and client = ?2").setParameter(1, name)
                .setParameter(2, from).executeUpdate();
        u.failedLogins = 0;
        u.lastLoginAt = now;
        return Optional.of(caller(u));
    }

    private Optional<Instant> blockedUntil(String name, String from, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object> until = em.createNativeQuery("select blocked_until from sign_in_throttle where username = ?1"
                + " and client = ?2 and blocked_until > ?3").setParameter(1, name).setParameter(2, from)
                .setParameter(3, now).getResultList();
        return until.stream().findFirst().map(SqlTimes::instant);
    }

    /** One more wrong password from this address for this account; failures older than the lockout are forgotten. */
    private void countFailure(String name, String from, Instant now) {
        Instant forgetBefore = now.minus(config.signIn().lockout());
        em.createNativeQuery("delete from sign_in_throttle where last_failure < ?1").setParameter(1, forgetBefore)
                .executeUpdate();
        int failures = ((Number) em.createNativeQuery("insert into sign_in_throttle (username, client, failures,"
                + " last_failure) values (?1, ?2, 1, ?3) on conflict (username, client) do update set failures ="
                + " sign_in_throttle.failures + 1, last_failure = ?3 returning failures").setParameter(1, name)
                .setParameter(2, from).setParameter(3, now).getSingleResult()).intValue();
        int max = config.signIn().maxFailures();
        if (failures < max) {
            return;
        }
        Duration wait = backoff(failures - max);
        Instant until = now.plus(wait);
        em.createNativeQuery("update sign_in_throttle set blocked_until = ?3 where username = ?1 and client = ?2")
                .setParameter(1, name).setParameter(2, from).setParameter(3, until).executeUpdate();
        LOG.warnf("sign-in of %s from %s paused until %s after %d wrong passwords", name, from, until, failures);
        audit.record(name, "user.locked", "user", name, failures + " wrong passwords in a row from " + from
                + "; that address may try again at " + until, from);
    }

    /** {@code backoff × 2^extra}, at most the lockout. */
    private Duration backoff(int extra) {
        Duration lockout = config.signIn().lockout();
        Duration wait = config.signIn().backoff();
        for (int i = 0; i < extra && wait.compareTo(lockout) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(lockout) > 0 ? lockout : wait;
    }

    @Override
    @Transactional
    public Optional<Caller> signedInUser(String username, int sessionVersion) {
        Instant now = clock.instant();
        return users.findByUsername(username).filter(u -> u.active)
                .filter(u -> u.lockedUntil == null || !u.lockedUntil.isAfter(now))
                .filter(u -> u.sessionVersion == sessionVersion).map(ApiAccessQueries::caller);
    }

    @Override
    @Transactional
    public void endSessions(String username) {
        em.createNativeQuery("update hub_user set session_version = session_version + 1 where username = ?1")
                .setParameter(1, username).executeUpdate();
    }

    private static Caller caller(HubUserEntity u) {
        return new Caller(u.username, Caller.Kind.USER, new HashSet<>(u.roles),
                u.partner == null ? null : u.partner.code, u.sessionVersion);
    }

    @Override
    @Transactional
    public Optional<Caller> apiClient(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        return clients.findActiveByKeyHash(hashKey(apiKey.strip()))
                .map(c -> new Caller(c.code, Caller.Kind.API_CLIENT, new HashSet<>(c.roles)));
    }

    public static String hashKey(String apiKey) {
        return Hashes.sha256(apiKey);
    }
}
