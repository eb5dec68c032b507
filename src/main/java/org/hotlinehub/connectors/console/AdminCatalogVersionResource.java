package org.hotlinehub.connectors.console;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.CatalogDraft;
import org.hotlinehub.model.CatalogDryRun;
import org.hotlinehub.model.CatalogVersion;
import org.hotlinehub.model.DraftRejectedException;
import org.hotlinehub.model.IllegalTransitionException;
import org.hotlinehub.model.ImportProblem;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.Strings;
import org.hotlinehub.model.port.CatalogVersions;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The dispatch catalog in versions, for admins: the draft with its edits beside the published values, adding an
 * edit, the dry run's tickets that would go elsewhere and why, publish, discard, and the versions with a rollback
 * button each. The same {@link CatalogVersions} methods as the admin API; a refused edit shows the validator's
 * problem naming the field.
 */
@Path("/console/admin/catalog-versions")
@RolesAllowed(Caller.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminCatalogVersionResource {

    private static final String HOME = "/console/admin/catalog-versions";

    @Inject
    StaffRequest staff;
    @Inject
    CatalogVersions versions;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance versions(ConsolePage page, int current, CatalogDraft draft,
                List<String> fields, List<CatalogVersion> versions, CatalogDryRun dryRun, String done,
                Integer doneVersion, List<String> problems, Map<String, String> typed);
    }

    @GET
    @Operation(summary = "The catalog draft and versions (console page)")
    public Response page(@QueryParam("done") String done, @QueryParam("v") Integer doneVersion) {
        return page(null, done, doneVersion, List.of(), Map.of(), 200);
    }

    @POST
    @Path("draft")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Put one field of a catalog entry or a partner into the draft (recorded in the audit log)")
    public Response change(@FormParam("kind") String kind, @FormParam("code") String code,
            @FormParam("field") String field, @FormParam("value") String value) {
        Map<String, String> typed = Map.of("kind", Strings.nullToEmpty(kind), "code", Strings.nullToEmpty(code),
                "field", Strings.nullToEmpty(field), "value", Strings.nullToEmpty(value));
        return act(typed, () -> {
            versions.change(typed.get("kind"), code, Map.of(typed.get("field"), typed.get("value")), staff.actor(),
                    staff.client());
            return StaffRequest.seeOther(HOME + "?done=changed");
        });
    }

    @POST
    @Path("draft/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Take an entry's edits out of the draft (recorded in the audit log)")
    public Response withdraw(@FormParam("kind") String kind, @FormParam("code") String code) {
        return act(Map.of(), () -> {
            versions.withdraw(Strings.nullToEmpty(kind), Strings.nullToEmpty(code), staff.actor(), staff.client());
            return StaffRequest.seeOther(HOME + "?done=withdrawn");
        });
    }

    @POST
    @Path("draft/discard")
    @Operation(summary = "Throw the draft away (recorded in the audit log)")
    public Response discard() {
        return act(Map.of(), () -> {
            versions.discard(staff.actor(), staff.client());
            return StaffRequest.seeOther(HOME + "?done=discarded");
        });
    }

    @POST
    @Path("draft/dry-run")
    @Operation(summary = "Which tickets the draft would send to another party, and why (console page)")
    public Response dryRun() {
        return act(Map.of(), () -> page(versions.dryRun(staff.actor(), staff.client()), null, null, List.of(),
                Map.of(), 200));
    }

    @POST
    @Path("draft/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Publish the draft as the next catalog version (recorded in the audit log)")
    public Response publish(@FormParam("note") String note) {
        return act(Map.of(), () -> StaffRequest.seeOther(HOME + "?done=published&v="
                + versions.publish(note, staff.actor(), staff.client()).version()));
    }

    @POST
    @Path("versions/{version}/rollback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Roll the catalog back to an earlier version, as the next version (recorded in the audit log)")
    public Response rollback(@PathParam("version") int version, @FormParam("note") String note) {
        return act(Map.of(), () -> StaffRequest.seeOther(HOME + "?done=rolled-back&v="
                + versions.rollback(version, note, staff.actor(), staff.client()).version()));
    }

    /**
     * Runs an action; a refusal shows the page again with the problem (each naming its field) and what was typed:
     * 422 for input the rules refuse, 404 for no draft or no such entry or version, 409 for a move not allowed now.
     */
    private Response act(Map<String, String> typed, Supplier<Response> action) {
        try {
            return action.get();
        } catch (DraftRejectedException e) {
            // "catalog[0] (code): party: …" without the entry's position in a document the admin never saw
            return page(null, null, null, e.problems().stream().map(p -> ImportProblem.parse(p).problem()).toList(),
                    typed, 422);
        } catch (IllegalArgumentException e) {
            return page(null, null, null, List.of(e.getMessage()), typed, 422);
        } catch (NotFoundException e) {
            return page(null, null, null, List.of(e.getMessage()), typed, 404);
        } catch (IllegalTransitionException e) {
            return page(null, null, null, List.of(e.getMessage()), typed, 409);
        }
    }

    private Response page(CatalogDryRun dryRun, String done, Integer doneVersion, List<String> problems,
            Map<String, String> typed, int status) {
        ConsolePage page = staff.page(HOME);
        Set<String> fields = new LinkedHashSet<>(versions.fields(CatalogVersions.CATALOG));
        fields.addAll(versions.fields(CatalogVersions.PARTNERS));
        return staff.html(page, Templates.versions(page, versions.current(), versions.draft().orElse(null),
                List.copyOf(fields), versions.versions(50), dryRun, done, doneVersion, problems, typed), status);
    }
}
