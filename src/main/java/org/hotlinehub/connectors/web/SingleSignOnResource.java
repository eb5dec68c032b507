package org.hotlinehub.connectors.web;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.SignInPages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Staff single sign-on: {@code /sso} is guarded by the OIDC authorization code flow (application.properties), so an
 * anonymous visit goes to the provider and comes back here signed in; staff then go to the console, and an account the
 * provider knows but that holds no hub role gets a page that says what to ask for.
 */
@Path(SignInPages.SSO)
public class SingleSignOnResource {

    @Inject
    SecurityIdentity identity;
    @ConfigProperty(name = "quarkus.oidc.tenant-enabled")
    boolean enabled;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance refused(boolean disabled, String name, boolean english);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Single sign-on for staff through the OIDC provider (when enabled), then to the console")
    public Response signIn(@QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        boolean english = Languages.english(lang, acceptLanguage);
        if (!enabled) {
            return page(404, Templates.refused(true, "", english), english);
        }
        if (identity.isAnonymous()) {
            // only reachable when the code flow did not guard this path: never let an anonymous visitor through
            return Response.seeOther(URI.create(SignInPages.LOGIN)).build();
        }
        boolean staff = identity.hasRole(Caller.OPERATOR) || identity.hasRole(Caller.SUPERVISOR)
                || identity.hasRole(Caller.ADMIN);
        if (!staff) {
            return page(403, Templates.refused(false, identity.getPrincipal().getName(), english), english);
        }
        return Response.seeOther(URI.create(SignInResource.CONSOLE)).header("Cache-Control", "no-store").build();
    }

    private static Response page(int status, TemplateInstance page, boolean english) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").entity(page.setLocale(Languages.locale(english))).build();
    }
}
