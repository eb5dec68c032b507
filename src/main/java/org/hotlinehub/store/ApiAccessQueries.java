package org.hotlinehub.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.Caller;
import org.hotlinehub.model.port.ApiAccess;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Users are checked against bcrypt hashes; API keys, being long random strings, against SHA-256 hashes (a fast hash
 * is enough for them and keeps every API call cheap).
 */
@ApplicationScoped
public class ApiAccessQueries implements ApiAccess {

    /** Compared against when the user does not exist, so an unknown name costs as much time as a wrong password. */
    private static final String NO_USER_HASH = BcryptUtil.bcryptHash("no such user");

    @Inject
    HubUserRepository users;
    @Inject
    ApiClientRepository clients;

    @Override
    @Transactional
    public Optional<Caller> user(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<HubUserEntity> user = users.findByUsername(username.strip()).filter(u -> u.active);
        boolean matches = BcryptUtil.matches(password, user.map(u -> u.passwordHash).orElse(NO_USER_HASH));
        return user.filter(u -> matches)
                .map(u -> new Caller(u.username, Caller.Kind.USER, new HashSet<>(u.roles)));
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
