package org.hotlinehub.connectors.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.DeadLetter;
import org.hotlinehub.model.Paging;
import org.hotlinehub.model.port.DeadLetters;

@Path("/api/v1/dead-letters")
@RolesAllowed({Caller.SUPERVISOR, Caller.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "What the hub could not process or deliver, with the reason")
public class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @GET
    @Operation(summary = "List dead letters, newest first (replayed ones only with all=true)")
    public List<DeadLetter> list(@QueryParam("all") @DefaultValue("false") boolean all,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Paging.check(offset, limit, 500);
        return deadLetters.list(all, offset, limit);
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Send a dead letter back to where it failed")
    public DeadLetter replay(@PathParam("id") long id) {
        return deadLetters.replay(id);
    }
}
