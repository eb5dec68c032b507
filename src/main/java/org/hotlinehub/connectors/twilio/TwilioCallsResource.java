package org.hotlinehub.connectors.twilio;

import static org.hotlinehub.model.Strings.blankToNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.connectors.twilio.VoiceCalls.CallState;
import org.hotlinehub.connectors.twilio.VoiceCalls.CallerProfile;
import org.hotlinehub.connectors.twilio.VoiceCalls.Stage;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ContactIntent;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.InputLimits;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.port.IntakeQueue;
import org.hotlinehub.model.port.ReferenceNumbers;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The operators' side of the voice line: the live queue with the screen-pop (who is calling, their profile and recent
 * tickets), taking the next caller, a ticket filed during the call, and the call-back list of callers who left the
 * queue unanswered. Phone numbers are masked except on the call-back list, where the operator has to dial them.
 */
@Path("/api/v1/calls")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR, Caller.ADMIN})
@Tag(name = "Calls", description = "The voice line's live queue, screen-pop and call-back list")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "apiKey")
public class TwilioCallsResource {

    @Inject
    VoiceCalls calls;
    @Inject
    TwilioVoiceCaller caller;
    @Inject
    IntakeQueue intake;
    @Inject
    ReferenceNumbers references;
    @Inject
    SecurityIdentity identity;
    @Inject
    Clock clock;

    public record RecentTicketResponse(String reference, TicketStatus status, String category, String categoryEn,
            Instant createdAt) {
    }

    public record ResidentResponse(String name, String address, String place, String placeName, List<String> flags,
            String language, boolean registered, boolean vulnerable, boolean silenceAlarm, boolean textContacts,
            List<String> emergencyContacts, List<RecentTicketResponse> recentTickets) {
    }

    public record LiveCallResponse(String callSid, String phone, Stage stage, boolean vulnerable, String language,
            String topic, String queue, Long waitingSeconds, String operator, String ticketReference,
            ResidentResponse resident) {
    }

    public record CallbackResponse(long id, String callSid, String phone, String maskedPhone, String reason,
            Integer waitedSeconds, Instant createdAt, Instant doneAt, String doneBy, String note,
            ResidentResponse resident) {
    }

    public record TakeRequest(@Size(max = InputLimits.TERM) String to) {
    }

    public record TakenResponse(String callSid, String phone, boolean vulnerable, String queue, String connectingTo,
            String status, ResidentResponse resident) {
    }

    public record TicketRequest(@Size(max = InputLimits.DESCRIPTION) String description,
            @Size(max = InputLimits.CODE) String category, @Size(max = InputLimits.CODE) String place,
            @Size(max = InputLimits.ADDRESS) String address) {
    }

    public record TicketAccepted(String reference, String callSid) {
    }

    public record DoneRequest(@Size(max = InputLimits.NOTE) String note) {
    }

    @GET
    @Path("/live")
    @Operation(summary = "Calls in the menu, waiting for an operator or with one: priority first, then longest waiting")
    public List<LiveCallResponse> live() {
        Instant now = clock.instant();
        return calls.live().stream().map(c -> new LiveCallResponse(c.callSid(), Masks.phone(c.from()), c.stage(),
                c.vulnerable(), c.language(), c.topic(), c.queue(), waiting(c.enqueuedAt(), c.stage(), now),
                c.operator(),
                c.ticketReference(), c.caller().map(TwilioCallsResource::resident).orElse(null))).toList();
    }

    @POST
    @Path("/next")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take the next caller (priority queue first): Twilio dials your phone or client and bridges"
            + " the caller; 204 when nobody is waiting")
    public Response next(@Valid TakeRequest request) {
        String operator = identity.getPrincipal().getName();
        Optional<TwilioVoiceCaller.Taken> taken = caller.takeNext(operator,
                Optional.ofNullable(request == null ? null : request.to()));
        if (taken.isEmpty()) {
            return Response.noContent().build();
        }
        CallState c = taken.get().call();
        return Response.ok(new TakenResponse(c.callSid(), Masks.phone(c.from()), c.vulnerable(), c.queue(),
                taken.get().target(), taken.get().sandbox() ? "sandbox: not connected" : "connecting",
                calls.caller(c.from()).map(TwilioCallsResource::resident).orElse(null))).build();
    }

    @POST
    @Path("/{callSid}/ticket")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "File the caller's request during the call (one per call; repeating answers the same reference)")
    public Response ticket(@PathParam("callSid") String callSid, @Valid TicketRequest request) {
        CallState call = calls.call(callSid).orElseThrow(() -> new NotFoundException("no call " + callSid));
        if (request == null || request.description() == null || request.description().isBlank()) {
            throw new BadRequestException("description is required");
        }
        String externalId = callSid + "/operator";
        String reference = references.reserve(Channel.VOICE, externalId, references.next());
        intake.submit(new InboundContact(Channel.VOICE, externalId, reference, clock.instant(), call.from(), null,
                request.description().strip(), call.language(), blankToNull(request.category()),
                blankToNull(request.place()),
                blankToNull(request.address()), null, null, List.of(), ContactIntent.REQUEST));
        calls.linkTicket(callSid, reference);
        return Response.accepted(new TicketAccepted(reference, callSid)).build();
    }

    @GET
    @Path("/callbacks")
    @Operation(summary = "Callers to call back (left the queue unanswered), oldest first")
    public List<CallbackResponse> callbacks(@QueryParam("all") @DefaultValue("false") boolean all) {
        return calls.callbacks(all).stream().map(TwilioCallsResource::callback).toList();
    }

    @POST
    @Path("/callbacks/{id}/done")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark a call-back as done (repeating it is harmless)")
    public CallbackResponse done(@PathParam("id") long id, @Valid DoneRequest request) {
        return callback(calls.callbackDone(id, "staff:" + identity.getPrincipal().getName(),
                request == null ? null : blankToNull(request.note())));
    }

    static CallbackResponse callback(VoiceCalls.Callback c) {
        return new CallbackResponse(c.id(), c.callSid(), c.phone(), Masks.phone(c.phone()), c.reason(),
                c.waitedSeconds(), c.createdAt(), c.doneAt(), c.doneBy(), c.note(),
                c.caller().map(TwilioCallsResource::resident).orElse(null));
    }

    static ResidentResponse resident(CallerProfile p) {
        return new ResidentResponse(p.name(), p.address(), p.placeCode(), p.placeName(), p.flags(), p.language(),
                p.registered(), p.vulnerable(), p.silenceAlarm(), p.textContacts(),
                p.emergencyContacts().stream().map(Masks::phone).toList(),
                p.recentTickets().stream().map(t -> new RecentTicketResponse(t.reference(), t.status(),
                        t.categoryZh(), t.categoryEn(), t.createdAt())).toList());
    }

    /** Seconds waited by {@code now} (the hub's clock, which also stamped {@code enqueuedAt}). */
    static Long waiting(Instant enqueuedAt, Stage stage, Instant now) {
        return enqueuedAt == null || stage != Stage.QUEUED
                ? null
                : Duration.between(enqueuedAt, now).toSeconds();
    }
}
