package org.hotlinehub.connectors.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hotlinehub.model.Caller;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/** The console's home: who is signed in and the menu their roles open. */
@Path("/console")
@RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR, Caller.ADMIN})
public class ConsoleResource {

    @Inject
    SecurityIdentity identity;
    @Inject
    StaffRequest staff;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance home(ConsolePage page, String roles);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Console home (signed-in staff)")
    public Response home() {
        ConsolePage page = staff.page("/console");
        return staff.html(page, Templates.home(page, String.join(", ", new java.util.TreeSet<>(identity.getRoles()))));
    }

    /**
     * A console page as HTML in the page's language, never cached; a {@code ?lang=} choice is remembered in a cookie.
     */
    public static Response html(ConsolePage page, String lang, TemplateInstance template) {
        Response.ResponseBuilder response = Response.ok(template.setLocale(page.locale()))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store");
        if (lang != null && !lang.isBlank()) {
            response.cookie(new NewCookie.Builder(ConsolePage.LANGUAGE_COOKIE).value(page.english() ? "en" : "zh")
                    .path("/").sameSite(NewCookie.SameSite.STRICT).maxAge(365 * 24 * 3600).build());
        }
        return response.build();
    }
}
