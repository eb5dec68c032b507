package org.hotlinehub.connectors.reports;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotlinehub.model.Caller;
import org.hotlinehub.model.Periods;
import org.hotlinehub.model.PlaceItem;
import org.hotlinehub.model.RateDimension;
import org.hotlinehub.model.RateQuery;
import org.hotlinehub.model.RateRow;
import org.hotlinehub.model.port.PlaceDirectory;
import org.hotlinehub.model.port.Rates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Supervisors' report pages: the printable monthly report of a community (督察考核: the three rates, by category,
 * partner ranking, channel and week) and the charts page (volume by channel and category, rates by week, overdue by
 * partner). Self-contained: own small layout and print CSS, chart.js from its webjar. Under /console, so they sign
 * in with the console's form like its other pages.
 */
@Path("/console/reports")
@RolesAllowed({Caller.SUPERVISOR, Caller.ADMIN})
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ReportPages {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    Rates rates;
    @Inject
    PlaceDirectory places;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    ZoneId zone;

    /** A rate as a percentage with one decimal ("87.5%"), or "—" without a denominator. */
    public record Cell(RateRow row, String response, String resolution, String satisfaction) {

        static Cell of(RateRow r) {
            return new Cell(r, percent(r.responseRate()), percent(r.resolutionRate()), percent(r.satisfactionRate()));
        }
    }

    public record Ranked(int rank, Cell cell) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance monthly(ReportLabels t, String month, String communityCode,
                String communityName, List<RateRow> communities, Cell summary, List<Cell> categories,
                List<Ranked> partners, List<Cell> channels, List<Cell> weeks, String generated);

        static native TemplateInstance charts(ReportLabels t, String from, String to, String community, String data);
    }

    /** The console menu's "reports" entry: the monthly report first. */
    @GET
    public Response index() {
        return Response.seeOther(URI.create("/console/reports/monthly")).build();
    }

    @GET
    @Path("/monthly")
    public TemplateInstance monthly(@QueryParam("community") String community, @QueryParam("month") String month,
            @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        ReportLabels t = ReportLabels.of(english(lang, acceptLanguage));
        Instant now = clock.instant();
        YearMonth ym = month == null || month.isBlank()
                ? YearMonth.from(now.atZone(zone))
                : Periods.month(month, "month");
        Instant from = ym.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = ym.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        RateQuery base = new RateQuery(RateDimension.COMMUNITY, from, to, now, null, null, null, null, null, null);
        List<RateRow> communities = rates.rates(base).stream().filter(r -> !"-".equals(r.key())).toList();
        String generated = STAMP.format(now.atZone(zone));
        if (community == null || community.isBlank()) {
            return Templates.monthly(t, ym.toString(), null, null, communities, null, List.of(), List.of(),
                    List.of(), List.of(), generated);
        }
        String code = community.strip();
        PlaceItem place = places.find(code).orElseThrow(
                () -> new org.hotlinehub.model.NotFoundException("no community " + code));
        String name = "en".equals(t.lang()) && place.nameEn() != null ? place.nameEn() : place.nameZh();
        RateQuery q = new RateQuery(RateDimension.ALL, from, to, now, null, null, code, null, null, null);
        List<RateRow> all = rates.rates(q);
        Cell summary = all.isEmpty() ? null : Cell.of(all.get(0));
        List<Cell> categories = cells(rates.rates(q.withBy(RateDimension.CATEGORY)));
        List<Ranked> partners = rates.ranking(q.withBy(RateDimension.PARTNER), "overall", 1).stream()
                .map(r -> new Ranked(r.rank(), Cell.of(r.rates()))).toList();
        List<Cell> channels = cells(rates.rates(q.withBy(RateDimension.CHANNEL)));
        List<Cell> weeks = cells(rates.rates(q.withBy(RateDimension.WEEK)));
        return Templates.monthly(t, ym.toString(), code, name, communities, summary, categories, partners, channels,
                weeks, generated);
    }

    @GET
    @Path("/charts")
    public TemplateInstance charts(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("community") String community, @QueryParam("weeks") Integer weeks,
            @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        ReportLabels t = ReportLabels.of(english(lang, acceptLanguage));
        RateQuery q = RateQuery.parse("all", from, to, null, null, community, null, null, null, clock.instant(),
                zone);
        int span = weeks == null ? 12 : Math.max(1, Math.min(52, weeks));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("channels", series(rates.rates(q.withBy(RateDimension.CHANNEL)), "tickets"));
        data.put("categories", series(rates.rates(q.withBy(RateDimension.CATEGORY)), "tickets"));
        data.put("overdue", series(rates.rates(q.withBy(RateDimension.PARTNER)).stream()
                .filter(r -> r.overdue() > 0).sorted(Comparator.comparingLong(RateRow::overdue).reversed()).toList(),
                "overdue"));
        List<RateRow> trend = rates.weekly(q, span, zone);
        Map<String, Object> weekly = new LinkedHashMap<>();
        weekly.put("labels", trend.stream().map(RateRow::key).toList());
        weekly.put("response", trend.stream().map(r -> percentValue(r.responseRate())).toList());
        weekly.put("resolution", trend.stream().map(r -> percentValue(r.resolutionRate())).toList());
        weekly.put("satisfaction", trend.stream().map(r -> percentValue(r.satisfactionRate())).toList());
        data.put("weekly", weekly);
        data.put("words", Map.of("response", t.responseRate(), "resolution", t.resolutionRate(), "satisfaction",
                t.satisfactionRate(), "tickets", t.tickets(), "overdue", t.overdue()));
        return Templates.charts(t, q.from().toString(), q.to().toString(), q.community(), script(data));
    }

    private static Map<String, Object> series(List<RateRow> rows, String count) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("labels", rows.stream().map(RateRow::name).toList());
        s.put("values", rows.stream().map(r -> "overdue".equals(count) ? r.overdue() : r.tickets()).toList());
        return s;
    }

    /** JSON for a {@code <script type="application/json">} block: no "<" can close the element early. */
    private String script(Object data) {
        try {
            return json.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write chart data", e);
        }
    }

    private static List<Cell> cells(List<RateRow> rows) {
        return rows.stream().map(Cell::of).toList();
    }

    static String percent(Double rate) {
        return rate == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100);
    }

    private static Double percentValue(Double rate) {
        return rate == null ? null : Math.round(rate * 1000) / 10.0;
    }

    private static boolean english(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            return lang.toLowerCase(java.util.Locale.ROOT).startsWith("en");
        }
        return acceptLanguage != null && acceptLanguage.toLowerCase(java.util.Locale.ROOT).startsWith("en");
    }
}
