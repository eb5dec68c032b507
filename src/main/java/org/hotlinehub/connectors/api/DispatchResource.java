package org.hotlinehub.connectors.api;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.model.AssignmentView;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.InputLimits;
import org.hotlinehub.model.port.AssignmentClocks;
import org.hotlinehub.model.port.DispatchControl;

import io.quarkus.security.identity.SecurityIdentity;

/** Supervisors' rulings on returned assignments (退单裁定). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Dispatch", description = "Rulings on returns, pausing and resuming clocks")
@RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR, Caller.ADMIN})
public class DispatchResource {

    @Inject
    DispatchControl control;
    @Inject
    SecurityIdentity identity;
    @Inject
    AssignmentClocks clocks;

    /** {@code decision}: reassign (uphold the return; optionally name the partner) or overrule (send it back). */
    public record RulingRequest(@Size(max = InputLimits.CODE) String decision,
            @Size(max = InputLimits.NOTE) String note, @Size(max = InputLimits.CODE) String partner) {
    }

    @POST
    @Path("/assignments/{id}/ruling")
    @RolesAllowed({Caller.SUPERVISOR, Caller.ADMIN})
    @Operation(summary = "Rule on a returned assignment (退单裁定)")
    public AssignmentView rule(@PathParam("id") long id, @Valid RulingRequest request) {
        if (request == null || request.decision() == null) {
            throw new BadRequestException("decision is required: reassign or overrule");
        }
        DispatchControl.Ruling ruling = switch (request.decision().strip().toLowerCase()) {
            case "reassign" -> DispatchControl.Ruling.REASSIGN;
            case "overrule" -> DispatchControl.Ruling.OVERRULE;
            default -> throw new BadRequestException("decision must be reassign or overrule");
        };
        return control.rule(id, ruling, request.note(), request.partner(), actor());
    }

    /** Why the clocks stop, e.g. 居民外出，约定周六上门 / the resident is away until Saturday. */
    public record PauseRequest(@Size(max = InputLimits.NOTE) String reason) {
    }

    @POST
    @Path("/assignments/{id}/pause")
    @Operation(summary = "Pause both clocks of an open assignment while the resident is awaited (time paused is not"
            + " counted)")
    public AssignmentView pause(@PathParam("id") long id, @Valid PauseRequest request) {
        return clocks.pause(id, request == null ? null : request.reason(), Optional.empty(), actor());
    }

    @POST
    @Path("/assignments/{id}/resume")
    @Operation(summary = "Resume the clocks; deadlines move on by the paused working time")
    public AssignmentView resume(@PathParam("id") long id) {
        return clocks.resume(id, Optional.empty(), actor());
    }

    /** Who decided, for the timeline and the audit: the signed-in user or API client. */
    private String actor() {
        return "staff:" + identity.getPrincipal().getName();
    }

}
