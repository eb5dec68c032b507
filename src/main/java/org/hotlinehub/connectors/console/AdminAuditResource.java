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

/** The audit log of staff actions, newest first, filtered by actor, action and target, paged by keyset ("older"). */
@Path("/console/admin/audit")
@RolesAllowed(Caller.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminAuditResource {

    private static final int PAGE = 50;

    /** The staff actions the filter offers (any other action name can be typed). */
    static final List<String> ACTIONS = List.of("ticket.create", "ticket.triage", "ticket.reassign", "ticket.ruling",
            "ticket.support-add", "ticket.support-remove", "ticket.pause", "ticket.resume", "ticket.appeal-decision",
            "ticket.note", "ticket.message", "ticket.merge", "ticket.split", "incident.link", "incident.unlink",
            "incident.keep-separate", "incident.confirm-surge", "ticket.reopen", "ticket.cancel", "dead-letter.replay",
            "reference-data.create", "reference-data.update", "reference-data.deactivate", "reference-data.import",
            "reference-data.import-rejected", "user.create", "user.update", "user.change", "user.reset-password",
            "user.deactivate", "user.unlock", "user.locked", "resident.export",
            "resident.erase", "retention.run");

    @Inject
    StaffRequest staff;
    @Inject
    AuditTrail audit;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance audit(ConsolePage page, List<AuditEntry> entries, String actor, String action,
                String targetType, String target, String olderLink, List<String> actions);
    }

    @GET
    @Operation(summary = "The audit log (console page)")
    public Response list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("target") String target,
            @QueryParam("before") Long before) {
        ConsolePage page = staff.page("/console/admin/audit");
        List<AuditEntry> found = audit.list(given(actor), given(action), given(targetType), given(target), before,
                PAGE + 1);
        List<AuditEntry> entries = found.stream().limit(PAGE).toList();
        String older = found.size() > PAGE
                ? "?actor=" + enc(actor) + "&action=" + enc(action) + "&targetType=" + enc(targetType) + "&target="
                        + enc(target) + "&before="
                        + entries.get(entries.size() - 1).id()
                : null;
        return staff.html(page, Templates.audit(page, entries, nullToEmpty(actor), nullToEmpty(action),
                nullToEmpty(targetType), nullToEmpty(target), older, ACTIONS));
    }

    private static Optional<String> given(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String enc(String value) {
        return URLEncoder.encode(nullToEmpty(value), StandardCharsets.UTF_8);
    }
}
