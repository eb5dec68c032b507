package org.hotlinehub.connectors.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.DeadlineItem;
import org.hotlinehub.model.Paging;
import org.hotlinehub.model.port.AssignmentClocks;

/** The deadline watch of the console: open work that was warned, is overdue, or has its clocks paused. */
@Path("/api/v1/deadlines")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR, Caller.ADMIN})
@Tag(name = "Deadlines", description = "Accept-by and resolve-by clocks that need watching")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "apiKey")
public class DeadlineResource {

    @Inject
    AssignmentClocks clocks;

    @GET
    @Operation(summary = "Open assignments by watch: due-soon (warned, not answered), overdue, or paused; newest first")
    public List<DeadlineItem> list(@QueryParam("watch") @DefaultValue("overdue") String watch,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        Paging.checkLimit(limit, 500);
        AssignmentClocks.Watch which = switch (watch.strip().toLowerCase()) {
            case "due-soon" -> AssignmentClocks.Watch.DUE_SOON;
            case "overdue" -> AssignmentClocks.Watch.OVERDUE;
            case "paused" -> AssignmentClocks.Watch.PAUSED;
            default -> throw new BadRequestException("watch must be due-soon, overdue or paused");
        };
        return clocks.watch(which, limit);
    }
}
