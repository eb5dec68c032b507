package org.hotlinehub.connectors.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.SignInPages;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * Server-side end of sessions. Quarkus' form session cookie names only the user, so a copy of it would live on after
 * logout; beside it the hub sets {@link SignInPages#SESSION_VERSION_COOKIE}: the user's session version (hub_user)
 * at sign-in, signed with the session key. Every request compares it with the current version, which logout, a
 * password change and a role change raise. A session without the cookie (signed in before it existed) counts as
 * version 0, which only a user whose sessions were never ended still has.
 */
@ApplicationScoped
public class SessionVersions {

    private final byte[] key;

    @Inject
    SessionVersions(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
        this.key = sessionKey.map(k -> ("session-version:" + k).getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
    }

    /** At sign-in: the version cookie for the session the form mechanism is about to set. */
    void issue(RoutingContext context, Caller user) {
        context.response().addCookie(Cookie.cookie(SignInPages.SESSION_VERSION_COOKIE,
                user.sessionVersion() + "." + sign(user.name(), user.sessionVersion())).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT));
    }

    /** The version the request's session was issued under; empty when its cookie is forged or another user's. */
    OptionalInt version(RoutingContext context, String username) {
        Cookie cookie = context == null ? null : context.request().getCookie(SignInPages.SESSION_VERSION_COOKIE);
        if (cookie == null) {
            return OptionalInt.of(0);
        }
        String value = cookie.getValue();
        int dot = value.indexOf('.');
        if (dot <= 0 || dot > 9 || !value.substring(0, dot).chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        int version = Integer.parseInt(value.substring(0, dot));
        boolean genuine = MessageDigest.isEqual(sign(username, version).getBytes(StandardCharsets.US_ASCII),
                value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        return genuine ? OptionalInt.of(version) : OptionalInt.empty();
    }

    private String sign(String username, int version) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal((username + "\n" + version).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
