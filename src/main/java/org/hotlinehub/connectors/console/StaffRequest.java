package org.hotlinehub.connectors.console;

import java.net.URI;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.config.HubTime;
import org.hotlinehub.model.Staff;
import org.hotlinehub.model.port.DeadLetters;
import org.hotlinehub.model.port.Emergencies;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * The signed-in staff member (operator, supervisor or admin) behind a console request: their page (language, menu),
 * their name for the audit log and the address the request came from.
 */
@RequestScoped
public class StaffRequest {

    @Inject
    SecurityIdentity identity;
    @Inject
    CurrentVertxRequest current;
    @Inject
    DeadLetters deadLetters;
    @Inject
    Emergencies emergencies;
    @Inject
    HubConfig config;
    @Inject
    HubTime time;

    public ConsolePage page(String path) {
        HttpServerRequest request = request();
        Cookie cookie = request.getCookie(ConsolePage.LANGUAGE_COOKIE);
        return ConsolePage.of(identity, path, lang(), cookie == null ? null : cookie.getValue(),
                request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), deadLetters, emergencies, time.clock(), time.zone());
    }

    /** The {@code ?lang=} choice of this request, if any. */
    public String lang() {
        return request().getParam("lang");
    }

    /** The page as HTML in its language (see {@link ConsoleResource#html}). */
    public Response html(ConsolePage page, TemplateInstance template) {
        return ConsoleResource.html(page, lang(), template);
    }

    /** The same with another status (422 for a form with problems). */
    public Response html(ConsolePage page, TemplateInstance template, int status) {
        return Response.fromResponse(html(page, template)).status(status).build();
    }

    /** Whether the staff member's roles may reveal full phone numbers (hub.console.show-number-roles). */
    public boolean mayShowNumbers() {
        return config.console().showNumberRoles().stream().map(String::strip).anyMatch(identity::hasRole);
    }

    public String actor() {
        return identity.getPrincipal().getName();
    }

    public String client() {
        return request().remoteAddress() == null ? null : request().remoteAddress().hostAddress();
    }

    /** Who acts, for the timeline and the audit log of the core's casework. */
    public Staff staff() {
        return new Staff(actor(), client());
    }

    /** After a POST: back to a page with a GET (303), so reloading does not repeat the action. */
    public static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    private HttpServerRequest request() {
        return current.getCurrent().request();
    }
}
