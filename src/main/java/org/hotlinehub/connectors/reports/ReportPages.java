package org.hotlinehub.connectors.reports;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

import org.hotlinehub.config.HubTime;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.Periods;
import org.hotlinehub.model.PlaceItem;
import org.hotlinehub.model.PlaceType;
import org.hotlinehub.model.RateDimension;
import org.hotlinehub.model.RateQuery;
import org.hotlinehub.model.RateRow;
import org.hotlinehub.model.port.CatalogDirectory;
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

    /** The group of rows without one (no category, no place), as the rates name it. */
    static final String NONE = "-";

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    Rates rates;
    @Inject
    PlaceDirectory places;
    @Inject
    CatalogDirectory catalog;
    @Inject
    ObjectMapper json;
    @Inject
    HubTime time;

    /** A rate as a percentage with one decimal ("87.5%"), or "—" without a denominator; {@code label} in words. */
    public record Cell(RateRow row, String label, String response, String resolution, String satisfaction) {

        static Cell of(RateRow r, String label) {
            return new Cell(r, label, percent(r.responseRate()), percent(r.resolutionRate()),
                    percent(r.satisfactionRate()));
        }
    }

    public record Ranked(int rank, Cell cell) {
    }

    /** One option of a filter: its code and its words in the page's language. */
    public record Choice(String code, String label) {
    }

    /** One filter of the form: its parameter, its label, what is chosen (null: all) and the options. */
    public record Select(String name, String label, String chosen, List<Choice> choices) {
    }

    /**
     * The filters both pages take (blank = any) as the form sent them, with the choices the form offers; the same
     * narrowing for the charts, the monthly report and the CSV links.
     */
    public record Filters(String street, String community, String category, String channel, List<Select> selects) {

        /** What the report is narrowed to besides its place and period ("渠道: 短信"), for the printed page. */
        public List<String> narrowedTo() {
            return selects.stream().filter(f -> f.name().equals("category") || f.name().equals("channel"))
                    .flatMap(f -> f.choices().stream().filter(c -> c.code().equals(f.chosen()))
                            .map(c -> f.label() + ": " + c.label()))
                    .toList();
        }

        /** The filters as query parameters ("&street=…&channel=…"), for links that keep them. */
        public String query() {
            StringBuilder s = new StringBuilder();
            for (String[] p : new String[][]{{"street", street}, {"community", community}, {"category", category},
                    {"channel", channel}}) {
                if (p[1] != null) {
                    s.append('&').append(p[0]).append('=').append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
                }
            }
            return s.toString();
        }
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance monthly(ReportLabels t, String month, String monthName, Filters filters,
                String areaCode, String areaName, Cell summary, List<Cell> categories, List<Ranked> partners,
                List<Cell> channels, List<Cell> weeks, String generated);

        static native TemplateInstance charts(ReportLabels t, String from, String to, String period, Filters filters,
                String data);
    }

    /** The console menu's "reports" entry: the monthly report first. */
    @GET
    public Response index() {
        return Response.seeOther(URI.create("/console/reports/monthly")).build();
    }

    @GET
    @Path("/monthly")
    public TemplateInstance monthly(@QueryParam("street") String street, @QueryParam("community") String community,
            @QueryParam("category") String category, @QueryParam("channel") String channel,
            @QueryParam("month") String month, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        ReportLabels t = ReportLabels.of(english(lang, acceptLanguage));
        Instant now = time.now();
        YearMonth ym = month == null || month.isBlank()
                ? YearMonth.from(now.atZone(time.zone()))
                : Periods.month(month, "month");
        Instant from = ym.atDay(1).atStartOfDay(time.zone()).toInstant();
        Instant to = ym.plusMonths(1).atDay(1).atStartOfDay(time.zone()).toInstant();
        RateQuery q = RateQuery.parse("all", from.toString(), to.toString(), null, null, street, community, null,
                category, channel, now, time.zone());
        Filters filters = filters(t, q);
        String generated = STAMP.format(now.atZone(time.zone()));
        String monthName = ReportDates.month(ym, t.english());
        String area = q.community() != null ? q.community() : q.street();
        if (area == null) {
            return Templates.monthly(t, ym.toString(), monthName, filters, null, null, null, List.of(), List.of(),
                    List.of(), List.of(), generated);
        }
        PlaceItem place = places.find(area).orElseThrow(
                () -> new org.hotlinehub.model.NotFoundException("no community or street " + area));
        List<RateRow> all = rates.rates(q);
        Cell summary = all.isEmpty() ? null : Cell.of(all.get(0), all.get(0).name());
        List<Cell> categories = cells(t, RateDimension.CATEGORY, rates.rates(q.withBy(RateDimension.CATEGORY)));
        List<Ranked> partners = rates.ranking(q.withBy(RateDimension.PARTNER), "overall", 1).stream()
                .map(r -> new Ranked(r.rank(), Cell.of(r.rates(), label(t, RateDimension.PARTNER, r.rates()))))
                .toList();
        List<Cell> channels = cells(t, RateDimension.CHANNEL, rates.rates(q.withBy(RateDimension.CHANNEL)));
        List<Cell> weeks = cells(t, RateDimension.WEEK, rates.rates(q.withBy(RateDimension.WEEK)));
        return Templates.monthly(t, ym.toString(), monthName, filters, area, placeName(place, t.english()), summary,
                categories, partners, channels, weeks, generated);
    }

    @GET
    @Path("/charts")
    public TemplateInstance charts(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("street") String street, @QueryParam("community") String community,
            @QueryParam("category") String category, @QueryParam("channel") String channel,
            @QueryParam("weeks") Integer weeks, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        ReportLabels t = ReportLabels.of(english(lang, acceptLanguage));
        RateQuery q = RateQuery.parse("all", from, to, null, null, street, community, null, category, channel,
                time.now(), time.zone());
        Filters filters = filters(t, q);
        int span = weeks == null ? 12 : Math.max(1, Math.min(52, weeks));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("channels", series(t, RateDimension.CHANNEL, rates.rates(q.withBy(RateDimension.CHANNEL)),
                "tickets"));
        data.put("categories", series(t, RateDimension.CATEGORY, rates.rates(q.withBy(RateDimension.CATEGORY)),
                "tickets"));
        data.put("overdue", series(t, RateDimension.PARTNER, rates.rates(q.withBy(RateDimension.PARTNER)).stream()
                .filter(r -> r.overdue() > 0).sorted(Comparator.comparingLong(RateRow::overdue).reversed()).toList(),
                "overdue"));
        List<RateRow> trend = rates.weekly(q, span, time.zone());
        Map<String, Object> weekly = new LinkedHashMap<>();
        weekly.put("labels", trend.stream().map(r -> label(t, RateDimension.WEEK, r)).toList());
        weekly.put("response", trend.stream().map(r -> percentValue(r.responseRate())).toList());
        weekly.put("resolution", trend.stream().map(r -> percentValue(r.resolutionRate())).toList());
        weekly.put("satisfaction", trend.stream().map(r -> percentValue(r.satisfactionRate())).toList());
        data.put("weekly", weekly);
        data.put("words", Map.of("response", t.responseRate(), "resolution", t.resolutionRate(), "satisfaction",
                t.satisfactionRate(), "tickets", t.tickets(), "overdue", t.overdue()));
        return Templates.charts(t, ReportDates.firstDay(q.from(), time.zone()).toString(),
                ReportDates.lastDay(q.to(), time.zone()).toString(),
                ReportDates.period(q.from(), q.to(), time.zone(), t.english()),
                filters, script(data));
    }

    /**
     * The query's filters with the form's choices; a street or community code that is not one answers 400 naming the
     * parameter, and so does an unknown category (the channel is read by {@link RateQuery#parse}).
     */
    private Filters filters(ReportLabels t, RateQuery q) {
        boolean en = t.english();
        placeOfType(q.street(), PlaceType.STREET, "street");
        placeOfType(q.community(), PlaceType.COMMUNITY, "community");
        if (q.category() != null && catalog.find(q.category()).isEmpty()) {
            throw new IllegalArgumentException("category '" + q.category() + "' is not a catalog entry");
        }
        List<Choice> streets = places.ofType(PlaceType.STREET).stream()
                .map(p -> new Choice(p.code(), placeName(p, en))).toList();
        List<Choice> communities = places.ofType(PlaceType.COMMUNITY).stream()
                .map(p -> new Choice(p.code(), placeName(p, en))).toList();
        List<Choice> categories = catalog.activeItems().stream()
                .map(c -> new Choice(c.code(), en && c.nameEn() != null ? c.nameEn() : c.nameZh())).toList();
        ReportMessages words = ReportLabels.words(en);
        List<Choice> channels = Arrays.stream(Channel.values())
                .map(c -> new Choice(c.name().toLowerCase(Locale.ROOT), words.channelName(c))).toList();
        String chosenChannel = q.channel() == null ? null : q.channel().name().toLowerCase(Locale.ROOT);
        return new Filters(q.street(), q.community(), q.category(), chosenChannel, List.of(
                new Select("street", t.street(), q.street(), streets),
                new Select("community", t.community(), q.community(), communities),
                new Select("category", t.category(), q.category(), categories),
                new Select("channel", t.channel(), chosenChannel, channels)));
    }

    private void placeOfType(String code, PlaceType type, String parameter) {
        if (code != null && places.find(code).filter(p -> p.type() == type).isEmpty()) {
            throw new IllegalArgumentException(parameter + " '" + code + "' is not a " + type.code());
        }
    }

    private static String placeName(PlaceItem p, boolean english) {
        return english && p.nameEn() != null ? p.nameEn() : p.nameZh();
    }

    /** A row's group in the page's words: channels and categories translated, weeks as dates, "-" as "not set". */
    private String label(ReportLabels t, RateDimension by, RateRow r) {
        boolean en = t.english();
        if (NONE.equals(r.key())) {
            return t.none();
        }
        return switch (by) {
            case CHANNEL -> channel(r.key()).map(c -> ReportLabels.words(en).channelName(c)).orElse(r.name());
            case CATEGORY -> catalog.find(r.key()).map(c -> en && c.nameEn() != null ? c.nameEn() : c.nameZh())
                    .orElse(r.name());
            case COMMUNITY, GRID -> places.find(r.key()).map(p -> placeName(p, en)).orElse(r.name());
            case WEEK -> ReportDates.week(LocalDate.parse(r.key()), en);
            case MONTH -> ReportDates.month(YearMonth.parse(r.key()), en);
            default -> r.name();
        };
    }

    private static Optional<Channel> channel(String key) {
        try {
            return Optional.of(Channel.valueOf(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Map<String, Object> series(ReportLabels t, RateDimension by, List<RateRow> rows, String count) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("labels", rows.stream().map(r -> label(t, by, r)).toList());
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

    private List<Cell> cells(ReportLabels t, RateDimension by, List<RateRow> rows) {
        return rows.stream().map(r -> Cell.of(r, label(t, by, r))).toList();
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
