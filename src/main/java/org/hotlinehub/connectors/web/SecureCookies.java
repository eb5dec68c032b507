package org.hotlinehub.connectors.web;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.SignInPages;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The session cookies get the Secure flag whenever the hub is reached over https: its public base URL is https, the
 * connection is TLS, or the TLS-terminating proxy says so (X-Forwarded-Proto or Forwarded). Quarkus' form mechanism
 * marks them Secure only for TLS it sees itself, which behind a proxy is none unless forwarding is configured.
 */
@ApplicationScoped
public class SecureCookies {

    /** Every cookie that carries or guards a session (the OIDC one is split into q_session_chunk_… when large). */
    private static final Set<String> SESSION_COOKIES = Set.of(SignInPages.SESSION_COOKIE,
            SignInPages.SESSION_VERSION_COOKIE, SignInPages.RETURN_COOKIE, SessionOriginGuard.SSO_SESSION_COOKIE);

    @Inject
    HubConfig config;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::mark);
    }

    void mark(RoutingContext context) {
        if (https(context)) {
            context.addHeadersEndHandler(v -> secure(context.response()));
        }
        context.next();
    }

    private boolean https(RoutingContext context) {
        String forwardedProto = context.request().getHeader("X-Forwarded-Proto");
        String forwarded = context.request().getHeader("Forwarded");
        return config.publicBaseUrl().regionMatches(true, 0, "https:", 0, 6) || context.request().isSSL()
                || (forwardedProto != null && forwardedProto.strip().toLowerCase().startsWith("https"))
                || (forwarded != null && forwarded.toLowerCase().contains("proto=https"));
    }

    /** Cookies this response sets (not those the browser sent) are sent again with Secure. */
    private static void secure(HttpServerResponse response) {
        for (String name : SESSION_COOKIES) {
            for (Cookie cookie : response.removeCookies(name, false)) {
                if (cookie instanceof ServerCookie set && set.isChanged()) {
                    cookie.setSecure(true);
                }
                response.addCookie(cookie);
            }
        }
    }
}
