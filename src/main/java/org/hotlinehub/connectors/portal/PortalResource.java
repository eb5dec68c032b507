package org.hotlinehub.connectors.portal;

import static org.hotlinehub.model.Strings.isBlank;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.config.HubTime;
import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.AssignmentView;
import org.hotlinehub.model.Attachment;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.EvidenceFile;
import org.hotlinehub.model.IllegalTransitionException;
import org.hotlinehub.model.ImageFormats;
import org.hotlinehub.model.InputLimits;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.PageLanguage;
import org.hotlinehub.model.PartnerActor;
import org.hotlinehub.model.ReturnReason;
import org.hotlinehub.model.TimelineItem;
import org.hotlinehub.model.port.Evidence;
import org.hotlinehub.model.port.PartnerWork;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * The partner portal: a partner's signed-in users see their organization's offers and open work and answer them.
 * Every answer goes through {@link PartnerWork} with the user as actor (recorded in the timeline with the portal as
 * channel), so the rules are the partner API's: a step the state does not allow is shown on the page (409), a
 * repeated step is harmless, and another partner's assignment does not exist here (404). A successful post redirects
 * to the assignment's page (post/redirect/get), so reloading never repeats it.
 */
@Path("/portal")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Caller.PARTNER)
public class PortalResource {

    private static final int LIST_LIMIT = 100;
    private static final int CLOSED_LIMIT = 10;

    @Inject
    SecurityIdentity identity;
    @Inject
    CurrentVertxRequest current;
    @Inject
    PartnerWork work;
    @Inject
    Evidence evidence;
    @Inject
    HubConfig config;
    @Inject
    HubTime time;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance home(PortalPage page, List<PortalAssignment> offers,
                List<PortalAssignment> inHand, List<PortalAssignment> returned, List<PortalAssignment> closed);

        static native TemplateInstance assignment(PortalPage page, PortalAssignment a, List<Step> history,
                String done, Problem problem, List<ReturnReason> reasons, long maxPhotoMb);

        static native TemplateInstance notFound(PortalPage page);
    }

    /**
     * What went wrong with a post: the field it concerns (for aria-invalid and the message's place; "state" for a step
     * the assignment's state does not allow), the message in the page's language, and the hub's own words.
     */
    public record Problem(String field, String message, String detail) {
    }

    /** One of the partner's own steps on the ticket, for the page. */
    public record Step(String iso, String local, String label, String detail) {

        static Step of(TimelineItem item, ZoneId zone, boolean english) {
            return new Step(item.at().toString(), Deadline.local(item.at(), zone, english),
                    item.kind().label(english), item.detail());
        }
    }

    @GET
    @Operation(summary = "Portal home: the partner's offers (with accept-by), work in hand (with resolve-by), returns")
    public Response home(@QueryParam("lang") String lang) {
        PortalPage page = page(lang);
        PartnerActor by = actor();
        Instant now = time.now();
        Function<AssignmentState, List<PortalAssignment>> in = state -> mine(by, state, LIST_LIMIT, now, page);
        List<PortalAssignment> inHand = new ArrayList<>(in.apply(AssignmentState.IN_PROGRESS));
        inHand.addAll(in.apply(AssignmentState.ACCEPTED));
        inHand.sort((x, y) -> x.view().resolveBy().compareTo(y.view().resolveBy()));
        List<PortalAssignment> offers = new ArrayList<>(in.apply(AssignmentState.OFFERED));
        offers.sort((x, y) -> x.view().acceptBy().compareTo(y.view().acceptBy()));
        return html(page, lang, 200, Templates.home(page, offers, inHand, in.apply(AssignmentState.RETURNED),
                mine(by, AssignmentState.RESOLVED, CLOSED_LIMIT, now, page)));
    }

    @GET
    @Path("/assignments/{id}")
    @Operation(summary = "One of the partner's assignments with the steps its state allows")
    public Response assignment(@PathParam("id") long id, @QueryParam("done") String done,
            @QueryParam("lang") String lang) {
        PortalPage page = page(lang);
        String action = done != null && ACTIONS.contains(done) ? done : null;
        return show(page, lang, id, 200, action, null);
    }

    @POST
    @Path("/assignments/{id}/accept")
    @Operation(summary = "Accept (签收) an offer; repeating it is harmless")
    public Response accept(@PathParam("id") long id) {
        PortalPage page = page(null);
        return step(page, id, "accept", () -> work.accept(actor(), id));
    }

    @POST
    @Path("/assignments/{id}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Decline an offer with a reason; the hub offers it to the next party")
    public Response decline(@PathParam("id") long id, @RestForm @Size(max = InputLimits.NOTE) String reason) {
        PortalPage page = page(null);
        if (isBlank(reason)) {
            return refuse(page, id, 400, new Problem("reason", msg(page).errDeclineReason(), null));
        }
        return step(page, id, "decline", () -> work.decline(actor(), id, reason));
    }

    @POST
    @Path("/assignments/{id}/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Return (退单) accepted work with a reason code; the hub rules on it")
    public Response giveBack(@PathParam("id") long id,
            @RestForm("return-reason") @Size(max = InputLimits.NOTE) String reason,
            @RestForm("return-note") @Size(max = InputLimits.NOTE) String note) {
        PortalPage page = page(null);
        Optional<ReturnReason> code = ReturnReason.fromCode(reason == null ? "" : reason.strip());
        if (code.isEmpty()) {
            return refuse(page, id, 400, new Problem("return-reason", msg(page).errReturnReason(), null));
        }
        return step(page, id, "return", () -> work.giveBack(actor(), id, code.get(), note));
    }

    @POST
    @Path("/assignments/{id}/progress")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Add a progress note")
    public Response progress(@PathParam("id") long id,
            @RestForm("progress-note") @Size(max = InputLimits.NOTE) String note) {
        PortalPage page = page(null);
        if (isBlank(note)) {
            return refuse(page, id, 400, new Problem("progress-note", msg(page).errProgressNote(), null));
        }
        return step(page, id, "progress", () -> work.progress(actor(), id, note));
    }

    @POST
    @Path("/assignments/{id}/resolve")
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(summary = "Report resolved with what was done and optionally a photo (JPEG, PNG, GIF, WebP)")
    public Response resolve(@PathParam("id") long id,
            @RestForm("resolve-note") @Size(max = InputLimits.NOTE) String note,
            @RestForm FileUpload photo) throws IOException {
        PortalPage page = page(null);
        PortalMessages msg = msg(page);
        if (isBlank(note)) {
            return refuse(page, id, 400, new Problem("resolve-note", msg.errResolveNote(), null));
        }
        Attachment attachment = null;
        if (photo != null && photo.size() > 0) {
            long maxBytes = config.web().maxPhotoBytes();
            if (photo.size() > maxBytes) {
                return refuse(page, id, 413, new Problem("photo", msg.errPhotoSize(maxMb()), null));
            }
            Optional<String> type = ImageFormats.contentType(photo.uploadedFile());
            if (type.isEmpty()) {
                return refuse(page, id, 415, new Problem("photo", msg.errPhotoType(), null));
            }
            attachment = new Attachment(photo.fileName(), type.get(), photo.size(),
                    Base64.getEncoder().encodeToString(Files.readAllBytes(photo.uploadedFile())), null);
        }
        Attachment stored = attachment;
        return step(page, id, "resolve", () -> work.resolve(actor(), id, note, null, stored));
    }

    @GET
    @Path("/assignments/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "A photo of the ticket of work the partner holds (size=thumbnail for a small one)")
    public Response attachment(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId,
            @QueryParam("size") String size) {
        PartnerActor by = actor();
        return EvidenceFile.download(size, thumbnail -> evidence.forHolder(by, id, attachmentId, thumbnail));
    }

    private static final List<String> ACTIONS = List.of("accept", "decline", "return", "progress", "resolve");

    /** Applies one step; success redirects to the assignment, a refusal shows it with the reason. */
    private Response step(PortalPage page, long id, String action, Supplier<AssignmentView> apply) {
        try {
            apply.get();
        } catch (NotFoundException e) {
            return notFound(page, null);
        } catch (IllegalTransitionException e) {
            return refuse(page, id, 409, new Problem("state", msg(page).notPossible(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            return refuse(page, id, 400, new Problem("form", e.getMessage(), null));
        }
        return Response.seeOther(URI.create("/portal/assignments/" + id + "?done=" + action)).build();
    }

    /**
     * A refused post shows the assignment again with what was wrong: in the language the page already had (a post sets
     * no language cookie) and with no step reported done.
     */
    private Response refuse(PortalPage page, long id, int status, Problem problem) {
        return show(page, null, id, status, null, problem);
    }

    private Response show(PortalPage page, String lang, long id, int status, String done, Problem problem) {
        PartnerActor by = actor();
        AssignmentView view;
        List<Step> history;
        try {
            view = work.get(by, id);
            history = work.history(by, id).stream().map(item -> Step.of(item, time.zone(), page.english())).toList();
        } catch (NotFoundException e) {
            return notFound(page, lang);
        }
        return html(page, lang, status, Templates.assignment(page, PortalAssignment.of(view, time.now(),
                time.zone(), page.english()), history, done, problem, Arrays.asList(ReturnReason.values()), maxMb()));
    }

    private Response notFound(PortalPage page, String lang) {
        return html(page, lang, 404, Templates.notFound(page));
    }

    private List<PortalAssignment> mine(PartnerActor by, AssignmentState state, int limit, Instant now,
            PortalPage page) {
        return work.list(by, Optional.of(state), 0, limit).stream()
                .map(v -> PortalAssignment.of(v, now, time.zone(), page.english())).toList();
    }

    /** The signed-in user acting for their partner; a partner user without a partner may do nothing. */
    private PartnerActor actor() {
        String partner = identity.getAttribute(Caller.PARTNER_ATTRIBUTE);
        if (partner == null || partner.isBlank()) {
            throw new ForbiddenException("portal user without a partner");
        }
        return PartnerActor.portal(partner, identity.getPrincipal().getName());
    }

    /** This request's page in its language: {@code ?lang=}, else the language cookie, else Accept-Language. */
    private PortalPage page(String lang) {
        HttpServerRequest request = current.getCurrent().request();
        Cookie cookie = request.getCookie(PageLanguage.COOKIE);
        return new PortalPage(identity.getPrincipal().getName(), actor().partnerCode(), PageLanguage.english(lang,
                cookie == null ? null : cookie.getValue(), request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    private long maxMb() {
        return Math.max(1, config.web().maxPhotoBytes() / (1024 * 1024));
    }

    private static PortalMessages msg(PortalPage page) {
        return PortalPage.words(page.english());
    }

    /** A page in its language, never cached; a {@code ?lang=} choice is remembered in the shared language cookie. */
    private static Response html(PortalPage page, String lang, int status, TemplateInstance template) {
        Response.ResponseBuilder response = Response.status(status).entity(template.setLocale(page.locale()))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store");
        if (lang != null && !lang.isBlank()) {
            response.cookie(new NewCookie.Builder(PageLanguage.COOKIE).value(page.english() ? "en" : "zh").path("/")
                    .sameSite(NewCookie.SameSite.STRICT).maxAge(365 * 24 * 3600).build());
        }
        return response.build();
    }
}
