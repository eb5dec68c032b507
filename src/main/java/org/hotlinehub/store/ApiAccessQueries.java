package org.hotlinehub.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.port.ApiAccess;
import org.jboss.logging.Logger;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Users are checked against bcrypt hashes; API keys, being long random strings, against SHA-256 hashes (a fast hash
 * is enough for them and keeps every API call cheap).
 */
@ApplicationScoped
public class ApiAccessQueries implements ApiAccess {

    /** Compared against when the user does not exist, so an unknown name costs as much time as a wrong password. */
    private static final String NO_USER_HASH = BcryptUtil.bcryptHash("no such user");

    private static final Logger LOG = Logger.getLogger(ApiAccessQueries.class);

    @Inject
    HubUserRepository users;
    @Inject
    HubConfig config;
    @Inject
    AuditTrailQueries audit;
    @Inject
    ApiClientRepository clients;

    /**
     * Checks the password; {@link HubConfig.SignIn#maxFailures()} wrong ones in a row lock the account for
     * {@link HubConfig.SignIn#lockout()}, during which even the right password is refused. The work done is the same
     * for unknown, locked and existing users, so timing tells nothing.
     */
    @Override
    @Transactional
    public Optional<Caller> user(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<HubUserEntity> user = users.findByUsernameForUpdate(username.strip()).filter(u -> u.active);
        boolean matches = BcryptUtil.matches(password, user.map(u -> u.passwordHash).orElse(NO_USER_HASH));
        if (user.isEmpty()) {
            return Optional.empty();
        }
        HubUserEntity u = user.get();
        Instant now = Instant.now();
        if (u.lockedUntil != null && u.lockedUntil.isAfter(now)) {
            LOG.infof("sign-in refused for %s: locked until %s", u.username, u.lockedUntil);
            return Optional.empty();
        }
        if (!matches) {
            u.failedLogins++;
            if (u.failedLogins >= config.signIn().maxFailures()) {
                u.lockedUntil = now.plus(config.signIn().lockout());
                u.failedLogins = 0;
                LOG.warnf("user %s locked until %s after %d wrong passwords", u.username, u.lockedUntil,
                        config.signIn().maxFailures());
                audit.record(u.username, "user.locked", "user", u.username,
                        config.signIn().maxFailures() + " wrong passwords in a row; locked until " + u.lockedUntil,
                        null);
            }
            return Optional.empty();
        }
        u.failedLogins = 0;
        u.lockedUntil = null;
        u.lastLoginAt = now;
        return Optional.of(caller(u));
    }

    @Override
    @Transactional
    public Optional<Caller> signedInUser(String username) {
        Instant now = Instant.now();
        return users.findByUsername(username).filter(u -> u.active)
                .filter(u -> u.lockedUntil == null || !u.lockedUntil.isAfter(now)).map(ApiAccessQueries::caller);
    }

    private static Caller caller(HubUserEntity u) {
        return new Caller(u.username, Caller.Kind.USER, new HashSet<>(u.roles),
                u.partner == null ? null : u.partner.code);
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
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
