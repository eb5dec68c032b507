package org.hotlinehub.connectors.api;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API client's key from the {@code X-Api-Key} header. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
