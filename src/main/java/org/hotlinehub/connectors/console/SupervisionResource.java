package org.hotlinehub.connectors.console;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.AssignmentWatch;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.DailyOverview;
import org.hotlinehub.model.DeadLetter;
import org.hotlinehub.model.PartnerLoad;
import org.hotlinehub.model.Periods;
import org.hotlinehub.model.port.AuditTrail;
import org.hotlinehub.model.port.DeadLetters;
import org.hotlinehub.model.port.Supervision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Supervisors' pages: deadlines near and passed, dead letters with replay, each partner's open work, and the day's
 * intake by channel and category (charts with a table beside them for screen readers).
 */
@Path("/console/supervision")
@RolesAllowed({Caller.SUPERVISOR, Caller.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class SupervisionResource {

    private static final int DEADLINE_ROWS = 200;
    private static final int DEAD_LETTER_PAGE = 50;

    @Inject
    StaffRequest staff;
    @Inject
    Supervision supervision;
    @Inject
    DeadLetters deadLetters;
    @Inject
    AuditTrail audit;
    @Inject
    HubConfig config;
    @Inject
    ObjectMapper json;

    /** Partners of one type with their loads. */
    public record LoadGroup(String type, List<PartnerLoad> partners, long open) {
    }

    /** A dead letter as listed: the body cut short (phone numbers and openids come masked from DeadLetters). */
    public record DeadLetterRow(long id, String source, String reason, String destination, String body,
            Instant createdAt, int replayCount, Instant lastReplayedAt) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance deadlines(ConsolePage page, List<AssignmentWatch> rows, int warnPercent);

        static native TemplateInstance deadLetters(ConsolePage page, List<DeadLetterRow> rows, boolean all,
                int offset, boolean more, Long replayed);

        static native TemplateInstance partners(ConsolePage page, List<LoadGroup> groups);

        static native TemplateInstance daily(ConsolePage page, DailyOverview overview, String channelChart,
                String categoryChart, String previous, String next);
    }

    @GET
    @Operation(summary = "Supervision: assignments near or past their deadline (console page)")
    public Response deadlines() {
        ConsolePage page = staff.page("/console/supervision");
        return staff.html(page, Templates.deadlines(page, supervision.deadlines(page.now(), DEADLINE_ROWS),
                (int) Math.round(config.dispatch().warnAt() * 100)));
    }

    @GET
    @Path("dead-letters")
    @Operation(summary = "Supervision: dead letters (console page)")
    public Response deadLetters(@QueryParam("all") @DefaultValue("false") boolean all,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("replayed") Long replayed) {
        ConsolePage page = staff.page("/console/supervision/dead-letters");
        int from = Math.max(offset, 0);
        List<DeadLetter> found = deadLetters.list(all, from, DEAD_LETTER_PAGE + 1);
        List<DeadLetterRow> rows = found.stream().limit(DEAD_LETTER_PAGE).map(SupervisionResource::row).toList();
        return staff.html(page, Templates.deadLetters(page, rows, all, from, found.size() > DEAD_LETTER_PAGE,
                replayed));
    }

    @POST
    @Path("dead-letters/{id}/replay")
    @Transactional
    @Operation(summary = "Supervision: replay a dead letter (recorded in the audit log)")
    public Response replay(@PathParam("id") long id) {
        DeadLetter letter = deadLetters.replay(id);
        audit.record(staff.actor(), "dead-letter.replay", "dead-letter", String.valueOf(id),
                "replayed to " + letter.destination() + " (replay " + letter.replayCount() + ")", staff.client());
        return StaffRequest.seeOther("/console/supervision/dead-letters?replayed=" + id);
    }

    @GET
    @Path("partners")
    @Operation(summary = "Supervision: open assignments per partner (console page)")
    public Response partners() {
        ConsolePage page = staff.page("/console/supervision/partners");
        Map<String, List<PartnerLoad>> byType = supervision.partnerLoads(page.now()).stream()
                .collect(Collectors.groupingBy(PartnerLoad::type, LinkedHashMap::new, Collectors.toList()));
        List<LoadGroup> groups = byType.entrySet().stream()
                .map(e -> new LoadGroup(e.getKey(), e.getValue(),
                        e.getValue().stream().mapToLong(PartnerLoad::open).sum()))
                .sorted((a, b) -> Long.compare(b.open(), a.open())).toList();
        return staff.html(page, Templates.partners(page, groups));
    }

    @GET
    @Path("daily")
    @Operation(summary = "Supervision: one day's tickets by channel and category (console page)")
    public Response daily(@QueryParam("day") String day) {
        ConsolePage page = staff.page("/console/supervision/daily");
        LocalDate date = day == null || day.isBlank()
                ? LocalDate.ofInstant(page.now(), page.zone())
                : Periods.date(day, "day");
        DailyOverview overview = supervision.daily(date);
        boolean en = page.english();
        String uncategorized = en ? "Not categorized" : "未分类";
        return staff.html(page, Templates.daily(page, overview,
                chart(overview.byChannel().stream().map(DailyOverview.Count::key).toList(), overview.byChannel()),
                chart(overview.byCategory().stream().map(c -> c.key().isEmpty()
                        ? uncategorized
                        : en && c.labelEn() != null ? c.labelEn() : c.label()).toList(), overview.byCategory()),
                date.minusDays(1).toString(), date.plusDays(1).toString()));
    }

    private String chart(List<String> labels, List<DailyOverview.Count> counts) {
        try {
            return json.writeValueAsString(Map.of("labels", labels, "counts",
                    counts.stream().map(DailyOverview.Count::count).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DeadLetterRow row(DeadLetter d) {
        String body = d.body();
        return new DeadLetterRow(d.id(), d.source(), d.reason(), d.destination(),
                body.length() > 300 ? body.substring(0, 300) + "…" : body, d.createdAt(), d.replayCount(),
                d.lastReplayedAt());
    }
}
