package org.hotlinehub.connectors.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.ResidentProfile;
import org.hotlinehub.model.port.TicketContext;

/** The caller's profile for the operator on a call: who they are, their flags and their latest tickets. */
@Path("/api/v1/residents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.OPERATOR)
@Tag(name = "Residents", description = "Resident profiles for operators taking calls")
public class ResidentResource {

    @Inject
    TicketContext context;

    @GET
    @Operation(summary = "Look a resident up by phone number", description = "Phone numbers and emergency contacts"
            + " come back masked. 404 when the hub has never seen the number.")
    public ResidentProfile byPhone(
            @Parameter(description = "as the caller gives it: 13900000002, +86 139 0000 0002 …") @QueryParam("phone") String phone) {
        if (phone == null || phone.isBlank()) {
            throw new BadRequestException("phone is required");
        }
        return context.residentByPhone(phone).orElseThrow(() -> new NotFoundException("no resident with that phone"));
    }
}
