package org.hotlinehub.connectors.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.Staff;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/** The staff member or API client behind an API request, for the timeline and the audit log: name and address. */
@RequestScoped
public class ApiStaff {

    @Inject
    SecurityIdentity identity;
    @Inject
    CurrentVertxRequest request;

    public Staff staff() {
        var remote = request.getCurrent().request().remoteAddress();
        return new Staff(identity.getPrincipal().getName(), remote == null ? null : remote.hostAddress());
    }
}
