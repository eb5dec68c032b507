package org.hotlinehub.connectors.api;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.InputLimits;
import org.hotlinehub.model.port.PersonalData;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * A resident's requests under the personal-information law, fulfilled by an administrator (docs/retention.md): the
 * export of everything held for a phone number, and its erasure. Both are written to the audit log.
 */
@Path("/api/v1/admin/residents/{phone}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
@Tag(name = "Personal data", description = "Residents' export and erasure requests (PIPL)")
public class ResidentDataResource {

    @Inject
    PersonalData personalData;
    @Inject
    SecurityIdentity identity;
    @Context
    HttpServerRequest request;

    /** Why the resident's data is erased (their request, its date or number): kept in the audit log. */
    public record EraseRequest(@Size(max = InputLimits.NOTE) String reason) {
    }

    @GET
    @Path("/data")
    @Operation(summary = "Everything the hub holds for a phone number, as JSON (audited)", description = "The phone"
            + " number as the resident gives it (13900000002, +86 139 0000 0002 …). 404 when no resident has it.")
    public Map<String, Object> export(@PathParam("phone") String phone) {
        return personalData.export(phone, actor(), client());
    }

    @POST
    @Path("/erase")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Export, then erase a resident's personal data (audited, with the reason)", description = "Anonymises the resident's tickets as the retention job does and deletes what is held about"
            + " the phone number; answers with the export taken just before and the counts erased. 409 while"
            + " the resident has open tickets.")
    public Map<String, Object> erase(@PathParam("phone") String phone, @Valid EraseRequest body) {
        return personalData.erase(phone, body == null ? null : body.reason(), actor(), client());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private String client() {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
