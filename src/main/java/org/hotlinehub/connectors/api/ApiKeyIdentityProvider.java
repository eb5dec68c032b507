package org.hotlinehub.connectors.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.port.ApiAccess;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** API clients by key (api_client table, SHA-256 of the key), with the roles the reference data gives them. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    @Inject
    ApiAccess access;

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> access.apiClient(request.key())
                .map(HubPasswordIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("unknown or inactive API key")));
    }
}
