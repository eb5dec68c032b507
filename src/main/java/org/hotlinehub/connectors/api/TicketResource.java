package org.hotlinehub.connectors.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.model.AssignmentView;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.Periods;
import org.hotlinehub.model.TicketDetail;
import org.hotlinehub.model.TicketFilter;
import org.hotlinehub.model.TicketListItem;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.port.DispatchControl;
import org.hotlinehub.model.port.TicketSearch;

import io.quarkus.security.identity.SecurityIdentity;

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

    @Inject
    TicketSearch search;
    @Inject
    DispatchControl dispatch;
    @Inject
    SecurityIdentity identity;

    /** One page of the list; pass {@code next} as {@code cursor} for the following page (null on the last one). */
    public record TicketPageResponse(List<TicketListItem> items, String next) {
    }

    @GET
    @Operation(summary = "List tickets, newest first", description = "Keyset paging: tickets filed while you page appear before your first page and never shift "
            + "the following ones. Every filter is optional; list filters take comma-separated values.")
    public TicketPageResponse list(
            @Parameter(description = "statuses, e.g. received,triage,dispatched") @QueryParam("status") String status,
            @Parameter(description = "catalog codes, e.g. property-repair") @QueryParam("category") String category,
            @Parameter(description = "a place code; matches it and every place below it") @QueryParam("place") String place,
            @Parameter(description = "a partner code that has or had an assignment") @QueryParam("partner") String partner,
            @Parameter(description = "channels, e.g. web,open311") @QueryParam("channel") String channel,
            @Parameter(description = "filed at or after: ISO date-time or date (hotline time)") @QueryParam("from") String from,
            @Parameter(description = "filed before: ISO date-time or date (that whole day included)") @QueryParam("to") String to,
            @Parameter(description = "full-text search in reference, description and address") @QueryParam("q") String q,
            @Parameter(description = "the next value of the previous page") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        TicketFilter filter = new TicketFilter(list(status, "status", s -> TicketStatus.valueOf(s.toUpperCase())),
                list(category, "category", s -> s), blankToNull(place), blankToNull(partner),
                list(channel, "channel", s -> Channel.valueOf(s.toUpperCase())), instant(from, "from", false),
                instant(to, "to", true), blankToNull(q));
        List<TicketListItem> items = search.list(filter, decodeCursor(cursor), limit + 1);
        boolean more = items.size() > limit;
        List<TicketListItem> page = more ? items.subList(0, limit) : items;
        return new TicketPageResponse(page, more ? encodeCursor(page.get(page.size() - 1).id()) : null);
    }

    @GET
    @Path("/{reference}")
    @Operation(summary = "One ticket with its timeline, assignments, attachments and attribute answers")
    public TicketDetail detail(@PathParam("reference") String reference) {
        return search.detail(reference).orElseThrow(() -> new NotFoundException("no ticket " + reference));
    }

    static String encodeCursor(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Long decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (text.startsWith("id:")) {
                return Long.parseLong(text.substring(3));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the answer below
        }
        throw new BadRequestException("cursor '" + cursor + "' is not one this API gave out");
    }

    private static <T> List<T> list(String value, String name, Function<String, T> parse) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(s -> {
            try {
                return parse.apply(s);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("unknown " + name + " '" + s + "'");
            }
        }).toList();
    }

    /** A date means the start of that day in hotline time ({@code to}: the start of the next day). */
    private static Instant instant(String value, String name, boolean endOfDay) {
        return Periods.instant(value, name, endOfDay);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The partner to hand the ticket to, and why. */
    public record PartnerRequest(String partner, String note) {
    }

    @POST
    @Path("/{reference}/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Override dispatch: give the ticket's lead to the partner named")
    public AssignmentView reassign(@PathParam("reference") String reference, PartnerRequest request) {
        return dispatch.reassign(reference, partner(request), request.note(), actor());
    }

    @POST
    @Path("/{reference}/supporting")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a supporting party (协办) beside the lead")
    public AssignmentView support(@PathParam("reference") String reference, PartnerRequest request) {
        return dispatch.addSupport(reference, partner(request), request.note(), actor());
    }

    /** {@code to}: same (the party that resolved it), next (the next candidate), supervisor, or a partner code. */
    public record ReopenRequest(String to, String note) {
    }

    @POST
    @Path("/{reference}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.SUPERVISOR, Caller.ADMIN})
    @Operation(summary = "Reopen a resolved or closed ticket and hand it to the same party, the next, the supervisors"
            + " or a partner named")
    public TicketDetail reopen(@PathParam("reference") String reference, ReopenRequest request) {
        dispatch.reopen(reference, request == null ? null : request.to(), request == null ? null : request.note(),
                actor());
        return detail(reference);
    }

    /** Who decided, for the timeline: the signed-in user or API client. */
    private String actor() {
        return "staff:" + identity.getPrincipal().getName();
    }

    private static String partner(PartnerRequest request) {
        if (request == null || request.partner() == null || request.partner().isBlank()) {
            throw new BadRequestException("partner (a partner code) is required");
        }
        return request.partner().strip();
    }
}
