package org.hotlinehub.connectors.partner;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.model.AppealView;
import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.AssignmentView;
import org.hotlinehub.model.EnumParams;
import org.hotlinehub.model.EvidenceFile;
import org.hotlinehub.model.InputLimits;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.Paging;
import org.hotlinehub.model.PartnerActor;
import org.hotlinehub.model.ReturnReason;
import org.hotlinehub.model.port.AssignmentClocks;
import org.hotlinehub.model.port.Evidence;
import org.hotlinehub.model.port.PartnerWork;
import org.hotlinehub.model.port.SurveyAppeals;

/**
 * The partner API (docs/contract.md, "Partner API"): a partner lists its assignments and answers them with its bearer
 * API key.
 */
@Path("/partner-api/v1/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner API", description = "For partner organizations: their assignments and their answers")
@SecurityScheme(securitySchemeName = "partnerKey", type = SecuritySchemeType.HTTP, scheme = "bearer", description = "The partner's API key from reference data, as Authorization: Bearer <key>")
@SecurityRequirement(name = "partnerKey")
public class PartnerApiResource {

    @Inject
    PartnerWork work;
    @Inject
    AssignmentClocks clocks;
    @Inject
    SurveyAppeals appeals;
    @Inject
    Evidence evidence;
    @Inject
    HttpHeaders headers;

    public record DeclineRequest(@Size(max = InputLimits.NOTE) String reason) {
    }

    /** {@code reason}: wrong-area, not-our-duty, duplicate or needs-another-party. */
    public record ReturnRequest(@Size(max = InputLimits.NOTE) String reason,
            @Size(max = InputLimits.NOTE) String note) {
    }

    public record NoteRequest(@Size(max = InputLimits.NOTE) String note, @Size(max = InputLimits.URL) String photoUrl) {
    }

    @GET
    @Operation(summary = "List this partner's assignments, newest first; filter by state, page by offset/limit")
    public List<AssignmentView> list(@QueryParam("state") String state,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        String partner = partner();
        Paging.check(offset, limit, 200);
        return work.list(partner, EnumParams.optional(AssignmentState.class, "state", state), offset, limit);
    }

    @POST
    @Path("/{id}/accept")
    @Operation(summary = "Accept (签收) an offered assignment; repeating it is harmless")
    public AssignmentView accept(@PathParam("id") long id) {
        return work.accept(partner(), id);
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decline an offered assignment with a reason; the hub offers it to the next partner")
    public AssignmentView decline(@PathParam("id") long id, @Valid DeclineRequest request) {
        return work.decline(partner(), id, request == null ? null : request.reason());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One assignment of this partner")
    public AssignmentView get(@PathParam("id") long id) {
        return work.get(partner(), id);
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hand an accepted ticket back (退单) with a reason code; the hub rules on it")
    public AssignmentView giveBack(@PathParam("id") long id, @Valid ReturnRequest request) {
        String code = request == null ? null : request.reason();
        ReturnReason reason = ReturnReason.fromCode(code == null ? "" : code.strip()).orElseThrow(
                () -> new BadRequestException("reason must be one of " + ReturnReason.codes()));
        return work.giveBack(partner(), id, reason, request.note());
    }

    @POST
    @Path("/{id}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report progress with a note")
    public AssignmentView progress(@PathParam("id") long id, @Valid NoteRequest request) {
        return work.progress(partner(), id, request == null ? null : request.note());
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report the ticket resolved, with a note and optionally a photo URL")
    public AssignmentView resolve(@PathParam("id") long id, @Valid NoteRequest request) {
        return work.resolve(partner(), id, request == null ? null : request.note(),
                request == null ? null : request.photoUrl());
    }

    /** Why the clocks stop (waiting for the resident), e.g. 居民外出，约定周六上门. */
    public record PauseRequest(@Size(max = InputLimits.NOTE) String reason) {
    }

    /** Why the survey result is wrong, e.g. the resident complained about something outside the order. */
    public record AppealRequest(@Size(max = InputLimits.NOTE) String reason) {
    }

    @POST
    @Path("/{id}/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pause the clocks of accepted work while waiting for the resident, with a reason; the time"
            + " paused does not count")
    public AssignmentView pause(@PathParam("id") long id, @Valid PauseRequest request) {
        String partner = partner();
        return clocks.pause(id, request == null ? null : request.reason(), Optional.of(partner),
                "partner:" + partner);
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Resume the clocks; accept-by and resolve-by move on by the paused time")
    public AssignmentView resume(@PathParam("id") long id) {
        String partner = partner();
        return clocks.resume(id, Optional.of(partner), "partner:" + partner);
    }

    @POST
    @Path("/{id}/appeal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Appeal (申诉) a dissatisfied or not-solved survey result of work you resolved, with a reason;"
            + " a supervisor decides, an upheld appeal takes the result out of the rates")
    public AppealView appeal(@PathParam("id") long id, @Valid AppealRequest request) {
        return appeals.appeal(partner(), id, request == null ? null : request.reason());
    }

    @GET
    @Path("/{id}/appeal")
    @Operation(summary = "Your appeal on this assignment and its decision")
    public AppealView appealStatus(@PathParam("id") long id) {
        String partner = partner();
        return appeals.ofAssignment(partner, id)
                .orElseThrow(() -> new NotFoundException("no appeal by " + partner + " on assignment " + id));
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "A photo of the ticket of accepted work (the links in the assignment's details);"
            + " size=thumbnail for a small one. Only while this partner holds the work")
    public Response attachment(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId,
            @QueryParam("size") String size) {
        String partner = partner();
        boolean thumbnail;
        try {
            thumbnail = EvidenceFile.thumbnail(size);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return evidence.forHolder(PartnerActor.api(partner), id, attachmentId, thumbnail)
                .orElseThrow(() -> new NotFoundException("no photo " + attachmentId + " on work held by " + partner
                        + " as assignment " + id))
                .response();
    }

    /** The partner whose bearer API key this request carries in Authorization; 401 without a valid one. */
    private String partner() {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        String key = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip()
                : null;
        return work.authenticate(key).orElseThrow(() -> new NotAuthorizedException(
                "a valid partner API key is required: Authorization: Bearer <key>", "Bearer realm=\"partner-api\""));
    }
}
