package org.hotlinehub.connectors.web;

import java.net.URI;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.SignInPages;
import org.hotlinehub.model.port.ApiAccess;

import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Sign-in for staff (console) and partners (portal). The form posts to Quarkus' form mechanism at
 * {@code /j_security_check}, which checks the password against hub_user (locking after repeated failures) and sets
 * the encrypted session cookie; {@code /home} then sends each user to their own workplace.
 */
@Path("/")
public class SignInResource {

    static final String CONSOLE = "/console";
    static final String PORTAL = "/portal";

    @Inject
    HubConfig config;
    @Inject
    SecurityIdentity identity;
    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;
    @ConfigProperty(name = "quarkus.oidc.tenant-enabled")
    boolean sso;
    @Inject
    Instance<OidcSession> oidcSession;
    @Inject
    ApiAccess access;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance login(boolean failed, boolean signedOut, boolean sso, int maxFailures,
                long lockoutMinutes, boolean english);
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The sign-in page (zh-CN/en)")
    public Response login(@QueryParam("error") String error, @QueryParam("signedout") String signedOut,
            @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        boolean english = Languages.english(lang, acceptLanguage);
        boolean failed = error != null;
        TemplateInstance page = Templates.login(failed, signedOut != null, sso, config.signIn().maxFailures(),
                config.signIn().lockout().toMinutes(), english);
        return Response.status(failed ? 401 : 200).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").entity(page.setLocale(Languages.locale(english))).build();
    }

    @GET
    @Path("home")
    @Authenticated
    @Operation(summary = "After sign-in: partners to the portal, staff to the console")
    public Response home() {
        return Response.seeOther(URI.create(identity.hasRole(Caller.PARTNER) ? PORTAL : CONSOLE)).build();
    }

    @POST
    @Path("logout")
    @Operation(summary = "Ends the session on the server (every session of the user) and clears its cookies")
    public Response logout() {
        try {
            if (SingleSignOnRoles.signedInBySso(identity)) {
                // the hub's own session with the provider ends here; the provider's session is the provider's
                // business
                oidcSession.get().logout().await().indefinitely();
            } else if (!identity.isAnonymous()) {
                // a copy of the cookie must not outlive the logout: raising the version ends it on the server
                access.endSessions(identity.getPrincipal().getName());
            }
        } catch (RuntimeException e) {
            if (!(e instanceof AuthenticationException)) {
                throw e;
            }
            // the session had already ended (logged out elsewhere, password changed): only its cookies are left
        }
        return Response.seeOther(URI.create(SignInPages.LOGIN + "?signedout=1"))
                .cookie(cleared(sessionCookie), cleared(SignInPages.SESSION_VERSION_COOKIE))
                .header("Cache-Control", "no-store")
                .build();
    }

    private static NewCookie cleared(String name) {
        return new NewCookie.Builder(name).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
