package org.hotlinehub.connectors.api;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.CatalogDraft;
import org.hotlinehub.model.CatalogDryRun;
import org.hotlinehub.model.CatalogVersion;
import org.hotlinehub.model.InputLimits;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.Staff;
import org.hotlinehub.model.port.CatalogVersions;

/**
 * The dispatch catalog in versions: one draft of edits to catalog entries (party type, fallbacks and their other
 * fields) and partners' areas and services, its dry run against the dispatch rule, publication, and rollback. Every
 * change is in the audit log. A field the rules refuse answers 422 naming the entry and field; an unknown field 400.
 */
@Path("/api/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dispatch catalog", description = "Draft, dry run, publish and roll back the dispatch catalog")
@RolesAllowed({Caller.ADMIN})
public class CatalogVersionResource {

    @Inject
    CatalogVersions versions;
    @Inject
    ApiStaff staff;

    /** A publication's or rollback's note. */
    public record Note(@Size(max = InputLimits.NOTE) String note) {
    }

    /** The versions, newest first, and the one dispatch decides by now. */
    public record Versions(int current, List<CatalogVersion> versions) {
    }

    @GET
    @Path("/versions")
    @Operation(summary = "Published versions of the dispatch catalog, newest first")
    public Versions versions(@QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit: between 1 and 500");
        }
        return new Versions(versions.current(), versions.versions(limit));
    }

    @GET
    @Path("/versions/{version}")
    @Operation(summary = "What a version said: catalog entries by code, partners' areas and services by code")
    public Map<String, Map<String, Map<String, String>>> version(@PathParam("version") int version) {
        return versions.content(version).orElseThrow(() -> new NotFoundException("no catalog version " + version));
    }

    @POST
    @Path("/versions/{version}/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write an earlier version's content back, as the next version")
    public CatalogVersion rollback(@PathParam("version") int version, @Valid Note note) {
        Staff s = staff.staff();
        return versions.rollback(version, note == null ? null : note.note(), s.name(), s.client());
    }

    @GET
    @Path("/draft")
    @Operation(summary = "The draft: its edits with the published values they replace")
    public CatalogDraft draft() {
        return versions.draft().orElseThrow(() -> new NotFoundException("there is no catalog draft"));
    }

    @PUT
    @Path("/draft/{kind}/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Put an entry's changed fields into the draft (blank: back to the published value)")
    public CatalogDraft change(@PathParam("kind") String kind,
            @PathParam("code") @Size(max = InputLimits.CODE) String code,
            Map<String, @Size(max = InputLimits.NOTE) String> fields) {
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("body: the fields to change, e.g. {\"party\": \"mediation\"}");
        }
        Staff s = staff.staff();
        return versions.change(kind, code, fields, s.name(), s.client());
    }

    @DELETE
    @Path("/draft/{kind}/{code}")
    @Operation(summary = "Take an entry's edits out of the draft")
    public Response withdraw(@PathParam("kind") String kind, @PathParam("code") String code) {
        Staff s = staff.staff();
        return versions.withdraw(kind, code, s.name(), s.client()).map(d -> Response.ok(d).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @DELETE
    @Path("/draft")
    @Operation(summary = "Throw the draft away")
    public Response discard() {
        Staff s = staff.staff();
        versions.discard(s.name(), s.client());
        return Response.noContent().build();
    }

    @POST
    @Path("/draft/dry-run")
    @Operation(summary = "Which open and recent tickets the draft would send to another party, and why")
    public CatalogDryRun dryRun() {
        Staff s = staff.staff();
        return versions.dryRun(s.name(), s.client());
    }

    @POST
    @Path("/draft/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish the draft as the next version; dispatch decides by it from then on")
    public CatalogVersion publish(@Valid Note note) {
        Staff s = staff.staff();
        return versions.publish(note == null ? null : note.note(), s.name(), s.client());
    }
}
