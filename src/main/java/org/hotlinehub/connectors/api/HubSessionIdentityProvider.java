package org.hotlinehub.connectors.api;

import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.port.ApiAccess;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;

/**
 * The signed-in session: the form mechanism's encrypted cookie names the user, and every request rebuilds their
 * roles from the hub_user table and checks the session's version ({@link SessionVersions}), so a deactivated or
 * locked user's session, and every session ended by logout or a password or role change, ends at the next click.
 */
@ApplicationScoped
public class HubSessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    ApiAccess access;
    @Inject
    SessionVersions versions;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        OptionalInt version = versions.version(HttpSecurityUtils.getRoutingContextAttribute(request),
                request.getPrincipal());
        if (version.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the session's version is forged"));
        }
        return context.runBlocking(() -> access.signedInUser(request.getPrincipal(), version.getAsInt())
                .map(HubPasswordIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("the session has ended")));
    }
}
