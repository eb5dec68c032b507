package org.hotlinehub.connectors.api;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.model.AssignmentView;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.CallerReport;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.IncidentView;
import org.hotlinehub.model.InputLimits;
import org.hotlinehub.model.MergeCandidate;
import org.hotlinehub.model.MessageItem;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.Paging;
import org.hotlinehub.model.Staff;
import org.hotlinehub.model.TicketDetail;
import org.hotlinehub.model.TicketFilter;
import org.hotlinehub.model.TicketFilterParams;
import org.hotlinehub.model.TicketLinks;
import org.hotlinehub.model.TicketListItem;
import org.hotlinehub.model.TicketSplit;
import org.hotlinehub.model.TimelineItem;
import org.hotlinehub.model.port.Casework;
import org.hotlinehub.model.port.Incidents;
import org.hotlinehub.model.port.TicketContext;
import org.hotlinehub.model.port.TicketSearch;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** Tickets for the console and integrators: a filtered, searchable list with keyset paging, and one ticket in full. */
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR, Caller.ADMIN})
@Tag(name = "Tickets", description = "Service tickets of every channel, their timeline, assignments and attachments")
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic", description = "Console users (operator, supervisor, admin)"),
        @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, apiKeyName = "X-Api-Key", description = "API clients, with the roles given in reference data")})
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "apiKey")
public class TicketResource {

    static final int MAX_LIMIT = 200;
    /** How many likely duplicates merge-candidates lists (as the console's merge form). */
    static final int MERGE_CANDIDATES = 5;

    @Inject
    TicketSearch search;
    @Inject
    Casework casework;
    @Inject
    Incidents incidents;
    @Inject
    TicketContext context;
    @Inject
    ApiStaff apiStaff;
    @Inject
    ZoneId zone;

    /** One page of the list; pass {@code next} as {@code cursor} for the following page (null on the last one). */
    public record TicketPageResponse(List<TicketListItem> items, String next) {
    }

    @GET
    @Operation(summary = "List tickets, newest first", description = "Keyset paging: tickets filed while you page appear before your first page and never shift "
            + "the following ones. Every filter is optional; list filters take comma-separated values.")
    public TicketPageResponse list(@Valid @BeanParam TicketFilterParams filters,
            @Parameter(description = "the next value of the previous page") @QueryParam("cursor") @Size(max = InputLimits.TERM) String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Paging.checkLimit(limit, MAX_LIMIT);
        TicketFilter filter = filters.filter(zone);
        List<TicketListItem> items = search.list(filter, decodeCursor(cursor), limit + 1);
        boolean more = items.size() > limit;
        List<TicketListItem> page = more ? items.subList(0, limit) : items;
        return new TicketPageResponse(page, more ? encodeCursor(page.get(page.size() - 1).id()) : null);
    }

    /**
     * A ticket in full, with what surrounds it: the ticket it was merged into (or null), the duplicates merged into
     * it, and the messages sent about it on every channel.
     */
    public record TicketDetailResponse(@JsonUnwrapped TicketDetail ticket, String mergedInto, List<String> merged,
            String splitFrom, List<String> splitInto, List<MessageItem> messages, IncidentView incident) {
    }

    @GET
    @Path("/{reference}")
    @Operation(summary = "One ticket with its timeline, assignments, attachments, attribute answers, merges and the"
            + " messages sent about it on every channel")
    public TicketDetailResponse detail(@PathParam("reference") String reference) {
        TicketDetail ticket = search.detail(reference)
                .orElseThrow(() -> new NotFoundException("no ticket " + reference));
        TicketLinks links = context.links(ticket.reference());
        return new TicketDetailResponse(ticket, links.mergedInto(), links.merged(), links.splitFrom(),
                links.splitInto(), context.messages(ticket.reference()), incidents.of(ticket.reference()).orElse(null));
    }

    @GET
    @Path("/{reference}/incident")
    @Operation(summary = "The ticket's incident: reporters, reports per channel, surge, link decision", description = ""
            + "The incident the ticket belongs to (itself when it is the incident), every reporter with their own"
            + " channel and masked contact, the reports per channel, the surge if one was declared, and this ticket's"
            + " link decision with its score and reason (a likely duplicate waiting for an operator shows the"
            + " incident it was compared with). 404 when the ticket is a report of its own only.")
    public IncidentView incident(@PathParam("reference") String reference) {
        return incidents.of(reference)
                .orElseThrow(() -> new NotFoundException("ticket " + reference + " is no part of an incident"));
    }

    /** {@code incident}: the incident's reference; blank takes the one intake suggested. */
    public record LinkRequest(@Size(max = InputLimits.CODE) String incident) {
    }

    @POST
    @Path("/{reference}/incident/link")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "Link this report to an open incident (merge it into another open ticket)", description = "The"
            + " report becomes one more reporter of the incident: its open assignments are withdrawn, it is merged,"
            + " the partner holding the incident is told (assignment.reporter-added); the console's merge into"
            + " another ticket is this call. Without a body or an incident: the one intake suggested. 409"
            + " when either ticket is no longer open or this ticket has reporters of its own.")
    public IncidentView link(@PathParam("reference") String reference, @Valid LinkRequest body) {
        incidents.link(reference, body == null ? null : body.incident(), staff());
        return incident(reference);
    }

    @GET
    @Path("/{reference}/merge-candidates")
    @Operation(summary = "Open tickets this one may duplicate, best first", description = "Incident detection's"
            + " suggestion (with its score), then the same resident's open tickets, then open tickets of the same"
            + " category at the same place from the last 30 days; at most 5. Empty for a ticket no longer open.")
    public List<MergeCandidate> mergeCandidates(@PathParam("reference") String reference) {
        TicketDetail ticket = search.detail(reference)
                .orElseThrow(() -> new NotFoundException("no ticket " + reference));
        return context.mergeCandidates(ticket.reference(), MERGE_CANDIDATES);
    }

    /** The second problem: what it is, its catalog entry and place (all required), an address, why it is split. */
    public record SplitRequest(@Size(max = InputLimits.DESCRIPTION) String description,
            @Size(max = InputLimits.CODE) String category, @Size(max = InputLimits.CODE) String place,
            @Size(max = InputLimits.ADDRESS) String address, @Size(max = InputLimits.NOTE) String note) {
    }

    @POST
    @Path("/{reference}/split")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "Split the second problem of an open ticket into a ticket of its own", description = "The"
            + " new ticket has its own reference, category and place, the same resident, channel and language; both"
            + " timelines say so and it is dispatched at once. Answers 201 with the new ticket. Send the same"
            + " Idempotency-Key again to repeat a request safely: it splits once. 400 naming a missing or unknown"
            + " field, 409 when the ticket is no longer open.")
    public Response split(@PathParam("reference") String reference,
            @Parameter(description = "any string without '/', unique per split") @HeaderParam("Idempotency-Key") @Size(max = InputLimits.TERM) String idempotencyKey,
            @Valid SplitRequest body) {
        SplitRequest r = required(body);
        String added = casework.split(reference, new TicketSplit(r.description(), r.category(), r.place(),
                r.address(), r.note()), idempotencyKey, staff());
        return Response.created(URI.create("/api/v1/tickets/" + added)).entity(detail(added)).build();
    }

    @POST
    @Path("/{reference}/incident/keep-separate")
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "Keep a likely duplicate separate", description = "The ticket leaves triage and is"
            + " dispatched as a ticket of its own. 409 when it is not waiting for that decision.")
    public TicketDetailResponse keepSeparate(@PathParam("reference") String reference) {
        incidents.keepSeparate(reference, staff());
        return detail(reference);
    }

    @POST
    @Path("/{reference}/incident/unlink")
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "Undo a report's link to its incident", description = "The report is a ticket of its own"
            + " again and is dispatched normally; the incident counts one reporter fewer. 409 when it is not linked.")
    public TicketDetailResponse unlink(@PathParam("reference") String reference) {
        incidents.unlink(reference, staff());
        return detail(reference);
    }

    /** The confirmed surge's status message, in Chinese and English (both required). */
    public record SurgeConfirmation(String statusZh, String statusEn) {
    }

    @POST
    @Path("/{reference}/incident/surge/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "Confirm the incident's surge with a status message to every reporter", description = ""
            + "The ticket is the incident or one of its reports. statusZh (at most 60 characters) and statusEn (at"
            + " most 160) are required; every reporter is sent the message on their own channel through the outbox,"
            + " reporters who join later when they join, and callers from the area hear it before the menu. 400"
            + " naming the field; 409 when the incident has no surge, is no longer open, or was confirmed before.")
    public IncidentView confirmSurge(@PathParam("reference") String reference, SurgeConfirmation body) {
        incidents.confirmSurge(reference, body == null ? null : body.statusZh(),
                body == null ? null : body.statusEn(), staff());
        return incident(reference);
    }

    static String encodeCursor(long id) {
        return PageCursors.encode("id:" + id);
    }

    static Long decodeCursor(String cursor) {
        return PageCursors.decode(cursor, text -> text.startsWith("id:") ? Long.parseLong(text.substring(3)) : null,
                "cursor '%s' is not one this API gave out");
    }

    /** The partner to hand the ticket to, and why. */
    public record PartnerRequest(@Size(max = InputLimits.CODE) String partner,
            @Size(max = InputLimits.NOTE) String note) {
    }

    @POST
    @Path("/{reference}/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Override dispatch: give the ticket's lead to the partner named")
    public AssignmentView reassign(@PathParam("reference") String reference, @Valid PartnerRequest request) {
        return casework.reassign(reference, partner(request), request.note(), staff());
    }

    @POST
    @Path("/{reference}/supporting")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a supporting party (协办) beside the lead")
    public AssignmentView support(@PathParam("reference") String reference, @Valid PartnerRequest request) {
        return casework.addSupport(reference, partner(request), request.note(), staff());
    }

    /** Why a supporting party leaves the ticket (optional). */
    public record NoteOnly(@Size(max = InputLimits.NOTE) String note) {
    }

    @POST
    @Path("/{reference}/supporting/{assignment}/remove")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take a supporting party (协办) off the ticket: its open assignment is withdrawn", description = "404 when the assignment is not the ticket's, 409 for the lead (reassign instead)")
    public AssignmentView removeSupport(@PathParam("reference") String reference,
            @PathParam("assignment") long assignment, @Valid NoteOnly body) {
        return casework.removeSupport(reference, assignment, body == null ? null : body.note(), staff());
    }

    /** What an operator takes down on a call; only phone and description are required. */
    public record NewTicketRequest(@Size(max = InputLimits.PHONE) String phone,
            @Size(max = InputLimits.NAME) String name, @Size(max = InputLimits.DESCRIPTION) String description,
            @Size(max = InputLimits.CODE) String category, @Size(max = InputLimits.CODE) String place,
            @Size(max = InputLimits.ADDRESS) String address, @Size(max = InputLimits.CODE) String language) {
    }

    /** The reference the caller is told; intake makes the ticket a moment later. */
    public record FiledResponse(String reference, String ticket) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "File a ticket for a caller", description = "The ticket goes through intake like every other"
            + " contact (channel operator): classified by the category given or by keywords, located by the place"
            + " given, the address or the resident's registered address, then dispatched; what stays unclear lands in"
            + " triage. Answers 202 with the reference once the contact is stored durably. Send the same"
            + " Idempotency-Key again to repeat a request safely: it files one ticket.")
    public Response create(
            @Parameter(description = "any string without '/', unique per ticket you file") @HeaderParam("Idempotency-Key") @Size(max = InputLimits.TERM) String idempotencyKey,
            @Valid NewTicketRequest body) {
        NewTicketRequest r = required(body);
        String reference = casework.fileForCaller(new CallerReport(r.phone(), r.name(), r.description(),
                r.category(), r.place(), r.address(), r.language()), idempotencyKey, staff());
        return Response.accepted(new FiledResponse(reference, "/api/v1/tickets/" + reference))
                .header("Location", "/api/v1/tickets/" + reference).build();
    }

    /** A category code and a place code (blank keeps what the ticket has), and why. */
    public record TriageRequest(@Size(max = InputLimits.CODE) String category,
            @Size(max = InputLimits.CODE) String place, @Size(max = InputLimits.NOTE) String note) {
    }

    @POST
    @Path("/{reference}/triage")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "Classify and locate a ticket awaiting triage, then dispatch it", description = "409 when the"
            + " ticket is not in triage. When no partner is left for it, it stays in triage, escalated.")
    public TicketDetailResponse triage(@PathParam("reference") String reference, @Valid TriageRequest body) {
        TriageRequest r = required(body);
        casework.triage(reference, r.category(), r.place(), r.note(), staff());
        return detail(reference);
    }

    public record NoteRequest(@Size(max = InputLimits.NOTE) String text) {
    }

    @GET
    @Path("/{reference}/notes")
    @Operation(summary = "The internal notes of a ticket, oldest first")
    public List<TimelineItem> notes(@PathParam("reference") String reference) {
        return casework.notes(reference);
    }

    @POST
    @Path("/{reference}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "Add an internal note (never shown to residents or partners)")
    public Response addNote(@PathParam("reference") String reference, @Valid NoteRequest body) {
        return Response.status(201).entity(casework.addNote(reference, required(body).text(), staff())).build();
    }

    /** {@code channel}: sms, wechat … (default: the ticket's own channel when it reaches the resident, else SMS). */
    public record MessageRequest(@Size(max = InputLimits.NOTE) String text,
            @Size(max = InputLimits.CODE) String channel) {
    }

    public record MessageResponse(String result) {
    }

    @POST
    @Path("/{reference}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "Send the ticket's resident a message", description = "Queued in the channel's outbox and"
            + " sent shortly (recorded without sending in sandbox mode); the ticket's detail lists it under"
            + " messages. 409 when the resident cannot be reached on that channel. The same Idempotency-Key sends"
            + " once.")
    public Response message(@PathParam("reference") String reference,
            @HeaderParam("Idempotency-Key") @Size(max = InputLimits.TERM) String idempotencyKey,
            @Valid MessageRequest body) {
        MessageRequest r = required(body);
        Channel channel = r.channel() == null || r.channel().isBlank()
                ? null
                : TicketFilterParams.channels(r.channel()).get(0);
        return Response.accepted(new MessageResponse(casework.message(reference, r.text(), channel, idempotencyKey,
                staff()))).build();
    }

    /** The references of duplicates of this ticket's incident. */
    public record MergeRequest(@Size(max = InputLimits.LIST) List<@Size(max = InputLimits.CODE) String> duplicates,
            @Size(max = InputLimits.NOTE) String note) {
    }

    @POST
    @Path("/{reference}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "Merge duplicates into this ticket", description = "Each duplicate joins this ticket's incident"
            + " as a reporter (as /incident/link does, undone by /incident/unlink): it becomes merged, pointing at this"
            + " ticket, its open assignments are withdrawn, this ticket's holder is told, and its resident is told"
            + " which ticket carries on. 409 when this ticket or a duplicate is no longer open or resolved.")
    public TicketDetailResponse merge(@PathParam("reference") String reference, @Valid MergeRequest body) {
        MergeRequest r = required(body);
        casework.merge(reference, r.duplicates(), r.note(), staff());
        return detail(reference);
    }

    /** {@code to}: same (default), next, supervisor or a partner code; {@code note}: why (required). */
    public record ReopenRequest(@Size(max = InputLimits.TERM) String to, @Size(max = InputLimits.NOTE) String note) {
    }

    @POST
    @Path("/{reference}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "Reopen a resolved, closed or cancelled ticket and hand it on", description = "To the party"
            + " that had it (same), the next candidate (next), the supervisors' queue (supervisor) or a partner"
            + " code. 409 for a ticket that is still open or was merged.")
    public TicketDetailResponse reopen(@PathParam("reference") String reference, @Valid ReopenRequest body) {
        ReopenRequest r = required(body);
        casework.reopen(reference, r.to(), r.note(), staff());
        return detail(reference);
    }

    public record CancelRequest(@Size(max = InputLimits.NOTE) String reason) {
    }

    @POST
    @Path("/{reference}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "Cancel an open ticket", description = "Open assignments are withdrawn and their partners"
            + " told. 409 for a ticket that is closed, cancelled or merged.")
    public TicketDetailResponse cancel(@PathParam("reference") String reference, @Valid CancelRequest body) {
        casework.cancel(reference, required(body).reason(), staff());
        return detail(reference);
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new BadRequestException("a JSON body is required");
        }
        return body;
    }

    /** Who acts, for the timeline and the audit log: the signed-in user or API client, and where from. */
    private Staff staff() {
        return apiStaff.staff();
    }

    private static String partner(PartnerRequest request) {
        if (request == null || request.partner() == null || request.partner().isBlank()) {
            throw new BadRequestException("partner (a partner code) is required");
        }
        return request.partner().strip();
    }
}
