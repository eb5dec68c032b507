package org.hotlinehub.connectors.console;

import static org.hotlinehub.model.Strings.isBlank;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hotlinehub.model.AppealView;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.CallerReport;
import org.hotlinehub.model.CatalogItem;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.EvidenceFile;
import org.hotlinehub.model.IllegalTransitionException;
import org.hotlinehub.model.IncidentView;
import org.hotlinehub.model.InputLimits;
import org.hotlinehub.model.IntakeUnavailableException;
import org.hotlinehub.model.MergeCandidate;
import org.hotlinehub.model.MessageItem;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.PartnerOption;
import org.hotlinehub.model.PlaceItem;
import org.hotlinehub.model.ResidentProfile;
import org.hotlinehub.model.RetryLaterException;
import org.hotlinehub.model.TicketDetail;
import org.hotlinehub.model.TicketFilter;
import org.hotlinehub.model.TicketFilterParams;
import org.hotlinehub.model.TicketLinks;
import org.hotlinehub.model.TicketListItem;
import org.hotlinehub.model.TicketSplit;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TriageSuggestions;
import org.hotlinehub.model.port.Casework;
import org.hotlinehub.model.port.CatalogDirectory;
import org.hotlinehub.model.port.DispatchControl;
import org.hotlinehub.model.port.Evidence;
import org.hotlinehub.model.port.Incidents;
import org.hotlinehub.model.port.PlaceDirectory;
import org.hotlinehub.model.port.ResidentReach;
import org.hotlinehub.model.port.SurveyAppeals;
import org.hotlinehub.model.port.TicketContext;
import org.hotlinehub.model.port.TicketSearch;
import org.hotlinehub.model.port.TriageAdvice;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The operators' ticket pages: the list (filters, search, keyset paging), one ticket with everything around it and
 * the actions on it, and a new ticket for a caller. Actions are plain form posts answered with a redirect back to the
 * ticket (or the page again with the reason when refused); they reach the core through {@link Casework}, the same
 * port as the REST API.
 */
@Path("/console/tickets")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Caller.OPERATOR)
public class TicketPages {

    static final int PAGE = 50;
    /** How many likely duplicates the merge form offers side by side. */
    static final int MERGE_CANDIDATES = 5;

    @Inject
    TicketSearch search;
    @Inject
    TicketContext context;
    @Inject
    Casework casework;
    @Inject
    CatalogDirectory catalog;
    @Inject
    PlaceDirectory places;
    @Inject
    StaffRequest request;
    @Inject
    TriageAdvice advice;
    @Inject
    Evidence evidence;
    @Inject
    Incidents incidents;
    @Inject
    SurveyAppeals appeals;
    @Inject
    ResidentReach reach;

    /** A number shown on request, on this one page only. */
    public record Revealed(String target, String number) {
    }

    /** What the new-ticket form holds (kept when it is shown again with an error). */
    public record NewTicketForm(String phone, String name, String description, String category, String place,
            String address, String language, String key) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(ConsolePage page, TicketFilterParams filters, List<TicketListItem> tickets,
                String next, List<TicketStatus> statuses, List<Channel> channels, List<CatalogItem> categories,
                List<PlaceItem> places, String error);

        static native TemplateInstance detail(ConsolePage page, TicketDetail ticket, ResidentProfile resident,
                TicketLinks links, List<MessageItem> messages, List<CatalogItem> categories, List<PlaceItem> places,
                List<PartnerOption> partners, List<Channel> channels, String done, String error, String key,
                TriageSuggestions suggestions, IncidentView incident,
                List<AppealView> appeals, boolean showNumbers, Revealed revealed, List<MergeCandidate> candidates,
                String split);

        static native TemplateInstance pending(ConsolePage page, String reference, boolean filed);

        static native TemplateInstance create(ConsolePage page, NewTicketForm form, List<CatalogItem> categories,
                List<PlaceItem> places, String error);

        static native TemplateInstance caller(ConsolePage page, ResidentProfile resident, boolean asked);
    }

    @GET
    @Operation(summary = "Ticket list with filters, search and paging (console page)")
    public Response list(@BeanParam TicketFilterParams filters, @QueryParam("before") Long before) {
        ConsolePage page = request.page("/console/tickets");
        String error = null;
        List<TicketListItem> tickets = List.of();
        String next = null;
        try {
            TicketFilter filter = filters.filter(page.zone());
            List<TicketListItem> found = search.list(filter, before, PAGE + 1);
            tickets = found.size() > PAGE ? found.subList(0, PAGE) : found;
            next = found.size() > PAGE ? "?before=" + tickets.get(PAGE - 1).id() + query(filters) : null;
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        return ConsoleResource.html(page, request.lang(), Templates.list(page, filters, tickets, next,
                List.of(TicketStatus.values()), List.of(Channel.values()), catalog.activeItems(), places.compounds(),
                error));
    }

    @GET
    @Path("/new")
    @Operation(summary = "New ticket for a caller (console page)")
    public Response newTicket(@QueryParam("phone") String phone) {
        ConsolePage page = request.page("/console/tickets");
        NewTicketForm form = new NewTicketForm(phone, null, null, null, null, null, null,
                UUID.randomUUID().toString());
        return ConsoleResource.html(page, request.lang(), Templates.create(page, form, catalog.activeItems(),
                places.compounds(), null));
    }

    @GET
    @Path("/new/caller")
    @Operation(summary = "The caller's profile by phone (htmx fragment)")
    public Response caller(@QueryParam("phone") String phone) {
        ConsolePage page = request.page("/console/tickets");
        boolean asked = phone != null && phone.replaceAll("\\D", "").length() >= 7;
        ResidentProfile resident = asked ? context.residentByPhone(phone).orElse(null) : null;
        return ConsoleResource.html(page, null, Templates.caller(page, resident, asked));
    }

    @POST
    @Path("/new")
    @Operation(summary = "File a ticket for a caller (console form)")
    public Response create(@RestForm @Size(max = InputLimits.PHONE) String phone,
            @RestForm @Size(max = InputLimits.NAME) String name,
            @RestForm @Size(max = InputLimits.DESCRIPTION) String description,
            @RestForm @Size(max = InputLimits.CODE) String category,
            @RestForm @Size(max = InputLimits.CODE) String place,
            @RestForm @Size(max = InputLimits.ADDRESS) String address,
            @RestForm @Size(max = InputLimits.CODE) String language,
            @RestForm @Size(max = InputLimits.TERM) String key) {
        NewTicketForm form = new NewTicketForm(phone, name, description, category, place, address, language,
                isBlank(key) ? UUID.randomUUID().toString() : key);
        try {
            String reference = casework.fileForCaller(new CallerReport(phone, name, description, category, place,
                    address, language), form.key(), request.staff());
            return Response.seeOther(URI.create("/console/tickets/" + reference + "?filed=1")).build();
        } catch (IllegalArgumentException | IntakeUnavailableException e) {
            ConsolePage page = request.page("/console/tickets");
            return Response.fromResponse(ConsoleResource.html(page, null, Templates.create(page, form,
                    catalog.activeItems(), places.compounds(), e.getMessage())))
                    .status(e instanceof IntakeUnavailableException ? 503 : 400).build();
        }
    }

    @GET
    @Path("/{reference}")
    @Operation(summary = "One ticket with its resident, assignments, timeline, messages and actions (console page)")
    public Response detail(@PathParam("reference") String reference, @QueryParam("done") String done,
            @QueryParam("filed") String filed, @QueryParam("split") String split) {
        return render(reference, done, null, 200, filed != null, null, split);
    }

    @GET
    @Path("/{reference}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "A stored file of the ticket (recording, photo, transcript), for signed-in staff;"
            + " size=thumbnail for a small photo")
    public Response attachment(@PathParam("reference") String reference,
            @PathParam("attachmentId") long attachmentId, @QueryParam("size") String size) {
        return EvidenceFile.download(size, thumbnail -> evidence.forStaff(reference, attachmentId, thumbnail));
    }

    @POST
    @Path("/{reference}/triage")
    public Response triage(@PathParam("reference") String reference,
            @RestForm @Size(max = InputLimits.CODE) String category,
            @RestForm @Size(max = InputLimits.CODE) String place, @RestForm @Size(max = InputLimits.NOTE) String note) {
        return act(reference, "triage", () -> {
            // the form offers no default: the operator picks both (the API keeps "blank keeps what it has")
            if (isBlank(category)) {
                throw new IllegalArgumentException("category is required");
            }
            if (isBlank(place)) {
                throw new IllegalArgumentException("place is required");
            }
            casework.triage(reference, category, place, note, request.staff());
        });
    }

    @POST
    @Path("/{reference}/reassign")
    public Response reassign(@PathParam("reference") String reference,
            @RestForm @Size(max = InputLimits.CODE) String partner,
            @RestForm @Size(max = InputLimits.NOTE) String note) {
        return act(reference, "reassign", () -> {
            if (isBlank(partner)) {
                throw new IllegalArgumentException("partner is required");
            }
            return casework.reassign(reference, partner.strip(), note, request.staff());
        });
    }

    @POST
    @Path("/{reference}/notes")
    public Response note(@PathParam("reference") String reference,
            @RestForm @Size(max = InputLimits.NOTE) String text) {
        return act(reference, "note", () -> casework.addNote(reference, text, request.staff()));
    }

    @POST
    @Path("/{reference}/messages")
    public Response message(@PathParam("reference") String reference,
            @RestForm @Size(max = InputLimits.NOTE) String text,
            @RestForm @Size(max = InputLimits.CODE) String channel,
            @RestForm @Size(max = InputLimits.TERM) String key) {
        return act(reference, "message", () -> casework.message(reference, text,
                one(channel, Channel::valueOf).stream().findFirst().orElse(null), key, request.staff()));
    }

    @POST
    @Path("/{reference}/merge")
    public Response merge(@PathParam("reference") String reference,
            @RestForm @Size(max = InputLimits.NOTE) String duplicates,
            @RestForm @Size(max = InputLimits.NOTE) String note) {
        List<String> refs = isBlank(duplicates)
                ? List.of()
                : Arrays.stream(duplicates.split("[,，;；\\s]+"))
                        .filter(s -> !s.isBlank()).toList();
        return act(reference, "merge", () -> casework.merge(reference, refs, note, request.staff()));
    }

    @POST
    @Path("/{reference}/merge-into")
    @Operation(summary = "Merge this ticket into another (console form): the incident link, as linking a report to"
            + " an incident")
    public Response mergeInto(@PathParam("reference") String reference,
            @RestForm @Size(max = InputLimits.CODE) String target) {
        return act(reference, "merge-into", () -> {
            if (isBlank(target)) {
                throw new IllegalArgumentException("target (the ticket to merge this one into) is required");
            }
            incidents.link(reference, target.strip(), request.staff());
        });
    }

    @POST
    @Path("/{reference}/split")
    @Operation(summary = "Split the second problem of a ticket into a ticket of its own (console form)")
    public Response split(@PathParam("reference") String reference,
            @RestForm @Size(max = InputLimits.DESCRIPTION) String description,
            @RestForm @Size(max = InputLimits.CODE) String category,
            @RestForm @Size(max = InputLimits.CODE) String place,
            @RestForm @Size(max = InputLimits.ADDRESS) String address,
            @RestForm @Size(max = InputLimits.NOTE) String note, @RestForm @Size(max = InputLimits.TERM) String key) {
        // back to the ticket split, which names the new one
        return act(reference, "split", () -> casework.split(reference,
                new TicketSplit(description, category, place, address, note), key, request.staff()),
                added -> "&split=" + added);
    }

    @POST
    @Path("/{reference}/incident/link")
    public Response link(@PathParam("reference") String reference,
            @RestForm @Size(max = InputLimits.CODE) String incident) {
        return act(reference, "link", () -> incidents.link(reference, incident, request.staff()));
    }

    @POST
    @Path("/{reference}/incident/keep-separate")
    public Response keepSeparate(@PathParam("reference") String reference) {
        return act(reference, "keep-separate", () -> incidents.keepSeparate(reference, request.staff()));
    }

    @POST
    @Path("/{reference}/incident/unlink")
    public Response unlink(@PathParam("reference") String reference) {
        return act(reference, "unlink", () -> incidents.unlink(reference, request.staff()));
    }

    @POST
    @Path("/{reference}/incident/surge/confirm")
    public Response confirmSurge(@PathParam("reference") String reference,
            @RestForm @Size(max = InputLimits.NOTE) String statusZh,
            @RestForm @Size(max = InputLimits.NOTE) String statusEn) {
        return act(reference, "confirm-surge",
                () -> incidents.confirmSurge(reference, statusZh, statusEn, request.staff()));
    }

    @POST
    @Path("/{reference}/reopen")
    public Response reopen(@PathParam("reference") String reference, @RestForm @Size(max = InputLimits.CODE) String to,
            @RestForm @Size(max = InputLimits.NOTE) String reason) {
        return act(reference, "reopen", () -> casework.reopen(reference, to, reason, request.staff()));
    }

    @POST
    @Path("/{reference}/cancel")
    public Response cancel(@PathParam("reference") String reference,
            @RestForm @Size(max = InputLimits.NOTE) String reason) {
        return act(reference, "cancel", () -> casework.cancel(reference, reason, request.staff()));
    }

    @POST
    @Path("/{reference}/assignments/{assignment}/ruling")
    @RolesAllowed({Caller.SUPERVISOR, Caller.ADMIN})
    public Response rule(@PathParam("reference") String reference, @PathParam("assignment") long assignment,
            @RestForm @Size(max = InputLimits.CODE) String decision,
            @RestForm @Size(max = InputLimits.CODE) String partner,
            @RestForm @Size(max = InputLimits.NOTE) String note) {
        return act(reference, "ruling", () -> {
            DispatchControl.Ruling ruling = switch (isBlank(decision) ? "" : decision.strip()) {
                case "reassign" -> DispatchControl.Ruling.REASSIGN;
                case "overrule" -> DispatchControl.Ruling.OVERRULE;
                default -> throw new IllegalArgumentException("decision must be reassign or overrule");
            };
            if (ruling == DispatchControl.Ruling.OVERRULE && isBlank(note)) {
                throw new IllegalArgumentException("note is required to send a return back (why it is the partner's)");
            }
            ownAssignment(reference, assignment);
            return casework.rule(assignment, ruling,
                    ruling == DispatchControl.Ruling.OVERRULE ? null : partner, note, request.staff());
        });
    }

    @POST
    @Path("/{reference}/supporting")
    public Response addSupport(@PathParam("reference") String reference,
            @RestForm @Size(max = InputLimits.CODE) String partner,
            @RestForm @Size(max = InputLimits.NOTE) String note) {
        return act(reference, "support-add", () -> casework.addSupport(reference, partner, note, request.staff()));
    }

    @POST
    @Path("/{reference}/supporting/{assignment}/remove")
    public Response removeSupport(@PathParam("reference") String reference, @PathParam("assignment") long assignment,
            @RestForm @Size(max = InputLimits.NOTE) String note) {
        return act(reference, "support-remove",
                () -> casework.removeSupport(reference, assignment, note, request.staff()));
    }

    /** Pauses ({@code clock} = pause, a reason required) or resumes (a reason optional) the assignment's clocks. */
    @POST
    @Path("/{reference}/assignments/{assignment}/{clock: pause|resume}")
    public Response clock(@PathParam("reference") String reference, @PathParam("assignment") long assignment,
            @PathParam("clock") String clock, @RestForm @Size(max = InputLimits.NOTE) String reason) {
        return act(reference, clock, () -> {
            ownAssignment(reference, assignment);
            return "pause".equals(clock)
                    ? casework.pause(assignment, reason, request.staff())
                    : casework.resume(assignment, reason, request.staff());
        });
    }

    @POST
    @Path("/{reference}/appeals/{appeal}/decision")
    @RolesAllowed({Caller.SUPERVISOR, Caller.ADMIN})
    public Response decideAppeal(@PathParam("reference") String reference, @PathParam("appeal") long appeal,
            @RestForm @Size(max = InputLimits.CODE) String decision,
            @RestForm @Size(max = InputLimits.NOTE) String note) {
        return act(reference, "appeal", () -> {
            boolean uphold = switch (isBlank(decision) ? "" : decision.strip()) {
                case "uphold" -> true;
                case "reject" -> false;
                default -> throw new IllegalArgumentException("decision must be uphold or reject");
            };
            if (appeals.ofTicket(reference).stream().noneMatch(a -> a.id() == appeal)) {
                throw new NotFoundException("ticket " + reference + " has no appeal " + appeal);
            }
            return casework.decideAppeal(appeal, uphold, note, request.staff());
        });
    }

    /** The assignment named in the path is one of this ticket's (else 404), so a form acts on what it shows. */
    private void ownAssignment(String reference, long assignment) {
        boolean own = search.detail(reference).map(t -> t.assignments().stream().anyMatch(a -> a.id() == assignment))
                .orElse(false);
        if (!own) {
            throw new NotFoundException("ticket " + reference + " has no assignment " + assignment);
        }
    }

    @POST
    @Path("/{reference}/call")
    @Operation(summary = "Call the resident or an emergency contact through the hotline: the operator's phone rings"
            + " first (console form)")
    public Response call(@PathParam("reference") String reference,
            @RestForm @Size(max = InputLimits.CODE) String target) {
        return act(reference, "call", () -> reach.call(reference, target, request.staff()));
    }

    @POST
    @Path("/{reference}/show-number")
    @Operation(summary = "Show a resident's or emergency contact's full number, with a reason (audited; roles in"
            + " hub.console.show-number-roles)")
    public Response showNumber(@PathParam("reference") String reference,
            @RestForm @Size(max = InputLimits.CODE) String target,
            @RestForm @Size(max = InputLimits.NOTE) String reason) {
        if (!request.mayShowNumbers()) {
            // refused whatever the ticket: 403 even where there is no such ticket
            return Response.fromResponse(render(reference, null, ConsolePage.bundle(ConsoleMessages.class,
                    request.page("/console/tickets").english()).showNumberRefused(), 403, false, null)).status(403)
                    .build();
        }
        try {
            String number = reach.reveal(reference, target, reason, request.staff());
            return render(reference, null, null, 200, false, new Revealed(target, number));
        } catch (NotFoundException e) {
            return render(reference, null, e.getMessage(), 404, false, null);
        } catch (IllegalArgumentException e) {
            return render(reference, null, e.getMessage(), 400, false, null);
        }
    }

    /**
     * Runs an action: done → back to the ticket (303, so a reload does not post again); refused → the ticket page
     * again with the reason, 409 for a move its state does not allow, 400 for bad input, 404 for no such ticket.
     */
    private Response act(String reference, String action, Runnable work) {
        return act(reference, action, () -> {
            work.run();
            return null;
        });
    }

    private Response act(String reference, String action, Supplier<?> work) {
        return act(reference, action, work, result -> "");
    }

    /** As {@link #act(String, String, Runnable)}, the redirect's query extended by what the action returned. */
    private <T> Response act(String reference, String action, Supplier<T> work,
            Function<T, String> query) {
        try {
            T result = work.get();
            return Response.seeOther(URI.create("/console/tickets/" + reference + "?done=" + action
                    + query.apply(result))).build();
        } catch (IllegalTransitionException e) {
            return render(reference, null, e.getMessage(), 409, false);
        } catch (NotFoundException e) {
            return render(reference, null, e.getMessage(), 404, false);
        } catch (IllegalArgumentException | IntakeUnavailableException | RetryLaterException e) {
            return render(reference, null, e.getMessage(), e instanceof IllegalArgumentException ? 400 : 503,
                    false);
        }
    }

    private Response render(String reference, String done, String error, int status, boolean filed) {
        return render(reference, done, error, status, filed, null);
    }

    private Response render(String reference, String done, String error, int status, boolean filed,
            Revealed revealed) {
        return render(reference, done, error, status, filed, revealed, null);
    }

    private Response render(String reference, String done, String error, int status, boolean filed,
            Revealed revealed, String split) {
        ConsolePage page = request.page("/console/tickets");
        Optional<TicketDetail> ticket = search.detail(reference);
        if (ticket.isEmpty()) {
            // a ticket filed a moment ago is still in intake: the page reloads itself until it is there
            TemplateInstance pending = Templates.pending(page, reference, filed);
            return Response.fromResponse(ConsoleResource.html(page, request.lang(), pending))
                    .status(filed ? 200 : 404).build();
        }
        TicketDetail t = ticket.get();
        Response html = ConsoleResource.html(page, request.lang(), Templates.detail(page, t,
                context.residentOf(t.reference()).orElse(null), context.links(t.reference()),
                context.messages(t.reference()), catalog.activeItems(), places.compounds(), context.partners(),
                List.of(Channel.SMS, Channel.WECHAT), done, error, UUID.randomUUID().toString(),
                t.status() == TicketStatus.TRIAGE ? advice.suggest(t.reference()) : TriageSuggestions.NONE,
                incidents.of(t.reference()).orElse(null),
                appeals.ofTicket(t.reference()), request.mayShowNumbers(), revealed,
                t.status().isOpen() ? context.mergeCandidates(t.reference(), MERGE_CANDIDATES) : List.of(),
                split == null || !split.matches("[0-9A-Za-z-]{1,32}") ? null : split));
        return status == 200 ? html : Response.fromResponse(html).status(status).build();
    }

    private static <T extends Enum<T>> List<T> one(String value, Function<String, T> parse) {
        if (isBlank(value)) {
            return List.of();
        }
        try {
            return List.of(parse.apply(value.strip().toUpperCase()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown value '" + value + "'");
        }
    }

    /** The list's filters as the form sent them, for the link to the next page. */
    private static String query(TicketFilterParams f) {
        StringBuilder s = new StringBuilder();
        add(s, "q", f.q);
        add(s, "status", f.status);
        add(s, "channel", f.channel);
        add(s, "category", f.category);
        add(s, "place", f.place);
        add(s, "partner", f.partner);
        add(s, "from", f.from);
        add(s, "to", f.to);
        return s.toString();
    }

    private static void add(StringBuilder s, String name, String value) {
        if (!isBlank(value)) {
            s.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
