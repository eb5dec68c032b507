package org.hotlinehub.connectors.twilio;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.InputLimits;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.PageLanguage;
import org.hotlinehub.model.port.ResidentReplies;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;

/**
 * The operators' calls page: the live queue with the screen-pop (profile, flags in words, recent tickets linked to
 * their ticket pages) and the call-back list, in Chinese or English ({@code ?lang=en}). Self-contained (own small
 * stylesheet); htmx redraws the two lists from {@code /lists} every few seconds without reloading the page, keeping
 * every row that stays (with its form) as it is. Its buttons post forms back here, accepted only from this page's own
 * origin.
 */
@Path("/console/calls")
@RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR, Caller.ADMIN})
public class TwilioCallConsole {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    @Inject
    ResidentReplies replies;
    @Inject
    VoiceCalls calls;
    @Inject
    TwilioVoiceCaller caller;
    @Inject
    VoiceHours hours;
    @Inject
    SecurityIdentity identity;
    @Inject
    Clock clock;

    public record TicketRow(String reference, String status, String category, String created) {
    }

    /** {@code flags} are the resident's flag codes, shown in words by the page. */
    public record Profile(String name, String address, String place, List<String> flags, String contacts,
            List<TicketRow> tickets) {
    }

    public record LiveRow(String callSid, String phone, String stage, boolean vulnerable, String topic,
            String waiting, String operator, String ticket, Profile profile) {
    }

    public record CallbackRow(long id, String phone, String reason, String waited, String at, Profile profile) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance calls(List<LiveRow> live, List<CallbackRow> callbacks, String user,
                String message, boolean staffed, boolean refresh);

        /** The two lists alone, as htmx fetches them, with the staffed / after-hours word swapped out of band. */
        static native TemplateInstance calls$lists(List<LiveRow> live, List<CallbackRow> callbacks, boolean staffed,
                boolean refresh);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response page(@QueryParam("lang") String lang, @QueryParam("msg") String message) {
        boolean english = "en".equals(lang);
        return html(Templates.calls(live(english), callbacks(english), identity.getPrincipal().getName(), message,
                hours.staffed(), false), english);
    }

    /** The live calls and the call-back list, as the page redraws them every few seconds. */
    @GET
    @Path("/lists")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response lists(@QueryParam("lang") String lang) {
        boolean english = "en".equals(lang);
        return html(Templates.calls$lists(live(english), callbacks(english), hours.staffed(), true), english);
    }

    private static Response html(TemplateInstance page, boolean english) {
        return Response.ok(page.setLocale(PageLanguage.locale(english)))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private List<LiveRow> live(boolean english) {
        Instant now = clock.instant();
        return calls.live().stream().map(c -> new LiveRow(c.callSid(), Masks.phone(c.from()),
                stage(c.stage(), english), c.vulnerable(), topic(c.topic(), english),
                seconds(TwilioCallsResource.waiting(c.enqueuedAt(), c.stage(), now)), c.operator(), c.ticketReference(),
                c.caller().map(p -> profile(p, english, hours.zone())).orElse(null))).toList();
    }

    private List<CallbackRow> callbacks(boolean english) {
        return calls.callbacks(false).stream().map(c -> new CallbackRow(c.id(), c.phone(),
                reason(c.reason(), english), seconds(c.waitedSeconds() == null ? null : c.waitedSeconds().longValue()),
                TIME.withZone(hours.zone()).format(c.createdAt()),
                c.caller().map(p -> profile(p, english, hours.zone()))
                        .orElse(null)))
                .toList();
    }

    @POST
    @Path("/next")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response next(@FormParam("lang") @Size(max = InputLimits.CODE) String lang,
            @HeaderParam("Origin") String origin,
            HttpServerRequest request) {
        sameOrigin(origin, request);
        boolean english = "en".equals(lang);
        String message;
        try {
            message = caller.takeNext(identity.getPrincipal().getName(), Optional.empty())
                    .map(t -> words(english).connecting(String.valueOf(Masks.phone(t.call().from())), t.target(),
                            t.sandbox()))
                    .orElse(words(english).nobodyWaiting());
        } catch (IllegalArgumentException e) {
            message = e.getMessage();
        }
        return back(english, message);
    }

    @POST
    @Path("/callbacks/{id}/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response done(@PathParam("id") long id, @FormParam("lang") @Size(max = InputLimits.CODE) String lang,
            @FormParam("note") @Size(max = InputLimits.NOTE) String note,
            @HeaderParam("Origin") String origin, HttpServerRequest request) {
        sameOrigin(origin, request);
        boolean english = "en".equals(lang);
        calls.callbackDone(id, "staff:" + identity.getPrincipal().getName(),
                note == null || note.isBlank() ? null : note.strip());
        return back(english, words(english).calledBack());
    }

    /** Forms are posted by this page only: a browser sends its Origin, which must be this host (HTTP/1.1 or 2). */
    private static void sameOrigin(String origin, HttpServerRequest request) {
        HostAndPort to = request.authority();
        String host = to == null ? null : to.port() < 0 ? to.host() : to.host() + ":" + to.port();
        if (origin == null || host == null || !URI.create(origin).getAuthority().equalsIgnoreCase(host)) {
            throw new jakarta.ws.rs.ForbiddenException("this form is accepted from the calls page only");
        }
    }

    private static Response back(boolean english, String message) {
        return Response.seeOther(URI.create("/console/calls?lang=" + TwilioVoiceResource.lang(english) + "&msg="
                + TwilioVoiceResource.encode(message))).build();
    }

    private Profile profile(VoiceCalls.CallerProfile p, boolean english, java.time.ZoneId zone) {
        return new Profile(p.name(), p.address(), p.placeName(), p.flags(),
                String.join(", ", p.emergencyContacts().stream().map(Masks::phone).toList()),
                p.recentTickets().stream().map(t -> new TicketRow(t.reference(),
                        replies.statusWord(t.status(), english),
                        english && t.categoryEn() != null ? t.categoryEn() : t.categoryZh(),
                        TIME.format(t.createdAt().atZone(zone)))).toList());
    }

    private static String seconds(Long s) {
        return s == null ? "" : String.format("%d:%02d", s / 60, s % 60);
    }

    private static CallConsoleMessages words(boolean english) {
        return MessageBundles.get(CallConsoleMessages.class, Localized.Literal.of(TwilioVoiceResource.lang(english)));
    }

    private static String stage(VoiceCalls.Stage stage, boolean english) {
        return words(english).stage(stage);
    }

    private static String topic(String topic, boolean english) {
        if (topic == null) {
            return "";
        }
        return VoicePrompts.in(english).topic(topic);
    }

    private static String reason(String reason, boolean english) {
        return words(english).reason(reason);
    }
}
