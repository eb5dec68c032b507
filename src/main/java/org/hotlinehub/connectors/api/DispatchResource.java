package org.hotlinehub.connectors.api;

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
import org.hotlinehub.model.port.Casework;
import org.hotlinehub.model.port.DispatchControl;

/** Supervisors' rulings on returned assignments (退单裁定). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Dispatch", description = "Rulings on returns, pausing and resuming clocks")
@RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR, Caller.ADMIN})
public class DispatchResource {

    @Inject
    Casework casework;
    @Inject
    ApiStaff staff;

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
        return casework.rule(id, ruling, request.partner(), request.note(), staff.staff());
    }

    /** Why the clocks stop (or run again), e.g. 居民外出，约定周六上门 / the resident is away until Saturday. */
    public record PauseRequest(@Size(max = InputLimits.NOTE) String reason) {
    }

    @POST
    @Path("/assignments/{id}/pause")
    @Operation(summary = "Pause both clocks of an open assignment while the resident is awaited (time paused is not"
            + " counted)")
    public AssignmentView pause(@PathParam("id") long id, @Valid PauseRequest request) {
        return casework.pause(id, request == null ? null : request.reason(), staff.staff());
    }

    @POST
    @Path("/assignments/{id}/resume")
    @Operation(summary = "Resume the clocks; deadlines move on by the paused working time", description = "The body"
            + " (optional) says why: {\"reason\": \"居民已回家\"}")
    public AssignmentView resume(@PathParam("id") long id, @Valid PauseRequest request) {
        return casework.resume(id, request == null ? null : request.reason(), staff.staff());
    }
}
