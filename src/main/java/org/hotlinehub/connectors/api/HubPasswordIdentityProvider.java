package org.hotlinehub.connectors.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.Caller;
import org.hotlinehub.model.port.ApiAccess;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** User name and password (HTTP Basic and the sign-in form) against the hub_user table with bcrypt hashes. */
@ApplicationScoped
public class HubPasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    ApiAccess access;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        // bcrypt and the database are blocking work: off the event loop
        return context.runBlocking(() -> access
                .user(request.getUsername(), new String(request.getPassword().getPassword()))
                .map(HubPasswordIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("wrong user name or password")));
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
