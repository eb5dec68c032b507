package org.hotlinehub.connectors.console;

import static org.hotlinehub.model.Strings.nullToEmpty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hotlinehub.model.AuditEntry;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.port.AuditTrail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The audit log of staff actions, newest first, filtered by actor and target, paged by keyset ("older"). */
@Path("/console/admin/audit")
@RolesAllowed(Caller.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminAuditResource {

    private static final int PAGE = 50;

    @Inject
    StaffRequest staff;
    @Inject
    AuditTrail audit;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance audit(ConsolePage page, List<AuditEntry> entries, String actor,
                String targetType, String target, String olderLink);
    }

    @GET
    @Operation(summary = "The audit log (console page)")
    public Response list(@QueryParam("actor") String actor, @QueryParam("targetType") String targetType,
            @QueryParam("target") String target, @QueryParam("before") Long before) {
        ConsolePage page = staff.page("/console/admin/audit");
        List<AuditEntry> found = audit.list(given(actor), given(targetType), given(target), before, PAGE + 1);
        List<AuditEntry> entries = found.stream().limit(PAGE).toList();
        String older = found.size() > PAGE
                ? "?actor=" + enc(actor) + "&targetType=" + enc(targetType) + "&target=" + enc(target) + "&before="
                        + entries.get(entries.size() - 1).id()
                : null;
        return staff.html(page, Templates.audit(page, entries, nullToEmpty(actor), nullToEmpty(targetType),
                nullToEmpty(target), older));
    }

    private static Optional<String> given(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String enc(String value) {
        return URLEncoder.encode(nullToEmpty(value), StandardCharsets.UTF_8);
    }
}
