package org.hotlinehub.connectors.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.SignInPages;
import org.jboss.logging.Logger;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * CSRF protection for everything a signed-in browser can do: an unsafe request (POST, PUT, PATCH, DELETE) that
 * carries a session cookie (the form's, or the single sign-on one), goes to a signed-in page (whatever credentials a
 * browser may have cached for it), or is the sign-in post itself, must say it comes from the hub's own pages (Origin
 * or Sec-Fetch-Site, which every current browser sends). Together with the SameSite cookies this keeps other sites
 * from acting in a user's name. Other requests without a session cookie (API clients with Basic or a key, Twilio,
 * partners) pass untouched.
 */
@ApplicationScoped
public class SessionOriginGuard {

    private static final Logger LOG = Logger.getLogger(SessionOriginGuard.class);
    /** The OIDC extension's session cookie (split into q_session_chunk_… when the tokens are large). */
    static final String SSO_SESSION_COOKIE = "q_session";
    static final String REFUSAL = "该操作只能在本系统页面内进行（跨站请求已拒绝）。\n"
            + "This action must come from the hub's own pages (cross-site request refused).\n";

    @Inject
    HubConfig config;
    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpMethod method = context.request().method();
        boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        String path = context.request().path();
        boolean session = context.request().cookies().stream().anyMatch(c -> c.getName().equals(sessionCookie)
                || c.getName().startsWith(SSO_SESSION_COOKIE));
        boolean strict = session || SignInPages.SIGN_IN_POST.equals(path);
        if (safe || !(strict || SignInPages.isSignedInPage(path))) {
            context.next();
            return;
        }
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        String fetchSite = context.request().getHeader("Sec-Fetch-Site");
        boolean said = origin != null || fetchSite != null;
        // Without a session cookie only a browser (which names the site) could be tricked into the request, e.g. with
        // Basic credentials it has cached; a client that names no site is no browser and meets the sign-in as usual.
        if ((!said && !strict) || (said && SameOrigin.allows(origin, fetchSite, SameOrigin.host(context.request()),
                config.publicBaseUrl()) && !"same-site".equalsIgnoreCase(fetchSite))) {
            context.next();
            return;
        }
        LOG.warnf("refused cross-site %s %s: origin %s, fetch site %s", method, context.request().path(), origin,
                fetchSite);
        context.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .end(REFUSAL);
    }
}
