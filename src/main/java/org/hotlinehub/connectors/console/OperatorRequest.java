package org.hotlinehub.connectors.console;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import org.hotlinehub.model.Staff;
import org.hotlinehub.model.port.DeadLetters;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/** The signed-in operator behind the current console request: the page's layout data and who acts, from where. */
@RequestScoped
public class OperatorRequest {

    @Inject
    SecurityIdentity identity;
    @Inject
    CurrentVertxRequest current;
    @Inject
    DeadLetters deadLetters;
    @Inject
    Clock clock;
    @Inject
    ZoneId zone;

    ConsolePage page(String path) {
        HttpServerRequest request = current.getCurrent().request();
        Cookie cookie = request.getCookie(ConsolePage.LANGUAGE_COOKIE);
        return ConsolePage.of(identity, path, lang(), cookie == null ? null : cookie.getValue(),
                request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), deadLetters, clock, zone);
    }

    /** The {@code ?lang=} choice of this request, if any. */
    String lang() {
        return current.getCurrent().request().getParam("lang");
    }

    Staff staff() {
        return new Staff(identity.getPrincipal().getName(),
                current.getCurrent().request().remoteAddress().hostAddress());
    }
}
