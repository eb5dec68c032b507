package org.hotlinehub.connectors.api;

import java.util.Arrays;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.ImportReport;
import org.hotlinehub.model.port.ReferenceAdmin;

/**
 * Reference-data administration. Imports create and update (upsert by code); a document is applied whole or not at
 * all, and a rejected one answers 422 with every problem by entry (YAML) or row (CSV).
 */
@Path("/api/v1/reference-data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data", description = "Places, catalog, partners, volunteers and residents")
@RolesAllowed({Caller.ADMIN})
public class ReferenceDataResource {

    @Inject
    ReferenceAdmin admin;

    @POST
    @Path("/import")
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON})
    @Operation(summary = "Import a document in the reference-data format of contract.md (YAML or JSON)")
    public Response importYaml(String document, @QueryParam("source") String source) {
        return answer(admin.importYaml(source == null ? "upload" : source, document));
    }

    @POST
    @Path("/import/{kind}")
    @Consumes("text/csv")
    @Operation(summary = "Import one kind as CSV with a header row; lists separated by ';'")
    public Response importCsv(@PathParam("kind") String kind, String csv, @QueryParam("source") String source) {
        return answer(admin.importCsv(source == null ? kind + ".csv" : source, kind(kind), csv));
    }

    @DELETE
    @Path("/{kind}/{code}")
    @Operation(summary = "Retire an entry (residents by phone); it stays in the history")
    public Response deactivate(@PathParam("kind") String kind, @PathParam("code") String code) {
        admin.deactivate(kind(kind), code);
        return Response.noContent().build();
    }

    @POST
    @Path("/partners/{code}/api-key")
    @Operation(summary = "Issue a new API key for a partner; shown once, the old key stops working")
    public Map<String, String> rotateKey(@PathParam("code") String code) {
        return Map.of("partner", code, "apiKey", admin.rotatePartnerKey(code));
    }

    private static Response answer(ImportReport report) {
        return Response.status(report.applied() ? 200 : 422).entity(report).build();
    }

    private static ReferenceAdmin.Kind kind(String kind) {
        try {
            return ReferenceAdmin.Kind.valueOf(kind.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("kind must be one of " + Arrays.stream(ReferenceAdmin.Kind.values())
                    .map(k -> k.name().toLowerCase()).toList());
        }
    }
}
