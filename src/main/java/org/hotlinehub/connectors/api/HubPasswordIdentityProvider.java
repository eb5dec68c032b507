package org.hotlinehub.connectors.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.Hashes;
import org.hotlinehub.model.SignInPages;
import org.hotlinehub.model.port.ApiAccess;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * User name and password (HTTP Basic and the sign-in form) against the hub_user table with bcrypt hashes. bcrypt
 * costs about 100 ms of CPU on purpose, so an HTTP Basic credential that was verified is remembered for
 * {@code hub.sign-in.credential-cache} under a salted SHA-256 of user and password: the API cannot be used to burn
 * CPU, and every remembered use still checks the user's session version (logout, a password or role change end it).
 */
@ApplicationScoped
public class HubPasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final int MAX_REMEMBERED = 10_000;

    private record Verified(String username, int sessionVersion, Instant until) {
    }

    @Inject
    ApiAccess access;
    @Inject
    SessionVersions versions;
    @Inject
    HubConfig config;
    @Inject
    Clock clock;

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final String salt = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        boolean signInForm = http != null && SignInPages.SIGN_IN_POST.equals(http.normalizedPath());
        String client = http == null || http.request().remoteAddress() == null
                ? null
                : http.request().remoteAddress().hostAddress();
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        String key = Hashes.sha256(salt + "\n" + username + "\n" + password);
        // bcrypt and the database are blocking work: off the event loop
        return context.runBlocking(() -> {
            Optional<Caller> remembered = signInForm ? Optional.empty() : remembered(key);
            if (remembered.isPresent()) {
                return identity(remembered.get());
            }
            Caller caller = access.user(username, password, client)
                    .orElseThrow(() -> new AuthenticationFailedException("wrong user name or password"));
            if (signInForm) {
                versions.issue(http, caller);
            } else {
                remember(key, caller);
            }
            return identity(caller);
        });
    }

    private Optional<Caller> remembered(String key) {
        Verified v = verified.get(key);
        if (v == null) {
            return Optional.empty();
        }
        Optional<Caller> still = v.until().isAfter(clock.instant())
                ? access.signedInUser(v.username(), v.sessionVersion())
                : Optional.empty();
        if (still.isEmpty()) {
            verified.remove(key);
        }
        return still;
    }

    private void remember(String key, Caller caller) {
        if (config.signIn().credentialCache().isZero()) {
            return;
        }
        Instant now = clock.instant();
        if (verified.size() >= MAX_REMEMBERED) {
            verified.values().removeIf(v -> !v.until().isAfter(now));
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
        }
        verified.put(key, new Verified(caller.name(), caller.sessionVersion(),
                now.plus(config.signIn().credentialCache())));
    }

    static SecurityIdentity identity(Caller caller) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.name())).addRoles(caller.roles())
                .addAttribute("kind", caller.kind().name());
        if (caller.partner() != null) {
            identity.addAttribute(Caller.PARTNER_ATTRIBUTE, caller.partner());
        }
        return identity.build();
    }
}
