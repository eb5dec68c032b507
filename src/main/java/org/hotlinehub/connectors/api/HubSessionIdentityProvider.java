package org.hotlinehub.connectors.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.port.ApiAccess;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * The signed-in session: the form mechanism's encrypted cookie names the user, and every request rebuilds their
 * roles from the hub_user table, so a deactivated or locked user's session ends at their next click.
 */
@ApplicationScoped
public class HubSessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    ApiAccess access;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> access.signedInUser(request.getPrincipal())
                .map(HubPasswordIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("the session's user is no longer active")));
    }
}
