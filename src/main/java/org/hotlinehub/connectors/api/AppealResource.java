package org.hotlinehub.connectors.api;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.model.AppealStatus;
import org.hotlinehub.model.AppealView;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.InputLimits;
import org.hotlinehub.model.Paging;
import org.hotlinehub.model.port.Casework;
import org.hotlinehub.model.port.SurveyAppeals;

/** Supervisors decide partners' appeals (申诉) against survey results; an upheld appeal takes the result out of the rates. */
@Path("/api/v1/appeals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.SUPERVISOR, Caller.ADMIN})
@Tag(name = "Appeals", description = "Partners' appeals against call-back results and the supervisors' decisions")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "apiKey")
public class AppealResource {

    @Inject
    SurveyAppeals appeals;
    @Inject
    Casework casework;
    @Inject
    ApiStaff staff;

    /** {@code decision}: uphold (the result leaves the rates) or reject (it stands). */
    public record DecisionRequest(@Size(max = InputLimits.CODE) String decision,
            @Size(max = InputLimits.NOTE) String note) {
    }

    @GET
    @Operation(summary = "Appeals, newest first; filter by status (pending, upheld, rejected)")
    public List<AppealView> list(@QueryParam("status") String status,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        Paging.check(offset, limit, 200);
        Optional<AppealStatus> wanted = Optional.empty();
        if (status != null && !status.isBlank()) {
            try {
                wanted = Optional.of(AppealStatus.valueOf(status.strip().toUpperCase()));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("status must be pending, upheld or rejected");
            }
        }
        return appeals.list(wanted, offset, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One appeal")
    public AppealView get(@PathParam("id") long id) {
        return appeals.get(id);
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Uphold or reject a pending appeal; recorded on the ticket's timeline")
    public AppealView decide(@PathParam("id") long id, @Valid DecisionRequest request) {
        String decision = request == null || request.decision() == null ? "" : request.decision().strip();
        boolean uphold = switch (decision.toLowerCase()) {
            case "uphold" -> true;
            case "reject" -> false;
            default -> throw new BadRequestException("decision must be uphold or reject");
        };
        return casework.decideAppeal(id, uphold, request.note(), staff.staff());
    }
}
