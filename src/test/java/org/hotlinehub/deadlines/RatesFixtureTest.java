package org.hotlinehub.deadlines;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hotlinehub.testsupport.Sessions.kept;
import static org.hotlinehub.testsupport.Sessions.staffJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.RatesFixture;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.path.json.JsonPath;

/**
 * The three rates against the hand-counted {@link RatesFixture}: exact counts and rates per partner, community,
 * channel, category, party type and week, the totals, rankings, the weekly trend and the CSV exports.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class RatesFixtureTest {

    static final String PERIOD = "from=" + RatesFixture.FROM + "&to=" + RatesFixture.TO;

    @Inject
    Sql sql;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @BeforeEach
    void fixture() {
        RatesFixture.load(sql);
    }

    static JsonPath rates(String query) {
        return staffJson("supervisor").get("/api/v1/rates?" + query + "&" + PERIOD).then()
                .statusCode(200).extract().jsonPath();
    }

    /** The row of {@code key}: offered, in time, overdue, tickets, judged, solved, answers, sat, basic, dissat, not solved, no reply, excluded. */
    static void assertRow(JsonPath rates, String key, long[] counts, Double response, Double resolution,
            Double satisfaction) {
        Map<String, Object> row = rates.getMap("rows.find { it.key == '" + key + "' }");
        assertTrue(row != null, "a row for " + key + " in " + rates.prettify());
        List<String> fields = List.of("offered", "acceptedInTime", "overdue", "tickets", "judged", "solved",
                "answers", "satisfied", "basicallySatisfied", "dissatisfied", "notSolved", "noReply", "excluded");
        for (int i = 0; i < fields.size(); i++) {
            assertEquals(counts[i], ((Number) row.get(fields.get(i))).longValue(), key + " " + fields.get(i));
        }
        assertRate(response, row.get("responseRate"), key + " response rate");
        assertRate(resolution, row.get("resolutionRate"), key + " resolution rate");
        assertRate(satisfaction, row.get("satisfactionRate"), key + " satisfaction rate");
    }

    static void assertRate(Double expected, Object actual, String what) {
        if (expected == null) {
            assertEquals(null, actual, what);
        } else {
            assertEquals(expected, ((Number) actual).doubleValue(), 0.00005, what);
        }
    }

    static long[] n(long... counts) {
        return counts;
    }

    @Test
    void shouldCountEachPartnersRatesExactly() {
        JsonPath byPartner = rates("by=partner");
        assertEquals(List.of("FX-PF-1", "FX-RC-1", "FX-SP-1"), byPartner.getList("rows.key"));
        assertEquals("考核物业", byPartner.getString("rows[0].name"));
        assertRow(byPartner, "FX-PF-1", n(4, 1, 0, 2, 2, 2, 2, 1, 0, 1, 0, 0, 0), 0.25, 1.0, 0.5);
        assertRow(byPartner, "FX-RC-1", n(3, 3, 1, 4, 2, 1, 1, 1, 0, 0, 0, 0, 1), 1.0, 0.5, 1.0);
        assertRow(byPartner, "FX-SP-1", n(3, 3, 0, 2, 1, 1, 2, 0, 1, 0, 1, 1, 0), 1.0, 1.0, 0.5);
        JsonPath types = rates("by=party-type");
        assertRow(types, "property-firm", n(4, 1, 0, 2, 2, 2, 2, 1, 0, 1, 0, 0, 0), 0.25, 1.0, 0.5);
        assertRow(types, "residents-committee", n(3, 3, 1, 4, 2, 1, 1, 1, 0, 0, 0, 0, 1), 1.0, 0.5, 1.0);
    }

    @Test
    void shouldCountTheTotalsAndEveryDimension() {
        assertRow(rates("by=all"), "all", n(10, 7, 1, 8, 5, 4, 5, 2, 1, 1, 1, 1, 1), 0.7, 0.8, 0.6);
        assertRow(rates("by=month"), "2025-03", n(10, 7, 1, 8, 5, 4, 5, 2, 1, 1, 1, 1, 1), 0.7, 0.8, 0.6);
        JsonPath communities = rates("by=community");
        assertEquals(List.of("FX-COMM-A", "FX-COMM-B"), communities.getList("rows.key"));
        assertRow(communities, "FX-COMM-A", n(6, 3, 1, 5, 4, 3, 3, 2, 0, 1, 0, 0, 0), 0.5, 0.75, 0.6667);
        assertRow(communities, "FX-COMM-B", n(4, 4, 0, 3, 1, 1, 2, 0, 1, 0, 1, 1, 1), 1.0, 1.0, 0.5);
        assertRow(rates("by=grid"), "FX-GRID-A1", n(6, 3, 1, 5, 4, 3, 3, 2, 0, 1, 0, 0, 0), 0.5, 0.75, 0.6667);
        JsonPath channels = rates("by=channel");
        assertRow(channels, "SMS", n(3, 2, 0, 2, 2, 2, 3, 0, 1, 1, 1, 0, 0), 0.6667, 1.0, 0.3333);
        assertRow(channels, "WEB", n(7, 5, 1, 6, 3, 2, 2, 2, 0, 0, 0, 1, 1), 0.7143, 0.6667, 1.0);
        assertRow(rates("by=category"), "general-repairs", n(3, 3, 0, 2, 1, 1, 2, 0, 1, 0, 1, 1, 0), 1.0, 1.0, 0.5);
        JsonPath weeks = rates("by=week");
        assertRow(weeks, "2025-03-03", n(4, 2, 1, 3, 3, 2, 2, 1, 0, 1, 0, 0, 0), 0.5, 0.6667, 0.5);
        assertRow(weeks, "2025-03-10", n(6, 5, 0, 5, 2, 2, 3, 1, 1, 0, 1, 1, 1), 0.8333, 1.0, 0.6667);
    }

    @Test
    void shouldFilterByEveryDimension() {
        assertRow(rates("by=partner&community=FX-COMM-B"), "FX-RC-1", n(1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1), 1.0,
                null, null);
        assertRow(rates("by=all&channel=sms&partner=FX-SP-1"), "all", n(2, 2, 0, 1, 1, 1, 2, 0, 1, 0, 1, 0, 0), 1.0,
                1.0, 0.5);
        assertRow(rates("by=all&partyType=property-firm&category=property-repair&grid=FX-GRID-A1"), "all",
                n(4, 1, 0, 2, 2, 2, 2, 1, 0, 1, 0, 0, 0), 0.25, 1.0, 0.5);
        assertEquals(List.of(), rates("by=partner&community=NO-SUCH").getList("rows"));
    }

    @Test
    void shouldRankPartnersWithSharedRanksForTies() {
        JsonPath overall = staffJson("supervisor").get("/api/v1/rates/ranking?by=partner&" + PERIOD)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("FX-RC-1", "FX-SP-1", "FX-PF-1"), overall.getList("ranking.rates.key"));
        assertEquals(List.of(1, 1, 3), overall.getList("ranking.rank"));
        assertEquals(0.5833, overall.getDouble("ranking[2].score"), 0.00005);
        JsonPath satisfaction = staffJson("admin").get("/api/v1/rates/ranking?by=partner&sort="
                + "satisfaction&" + PERIOD).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("FX-RC-1", "FX-PF-1", "FX-SP-1"), satisfaction.getList("ranking.rates.key"));
        assertEquals(List.of(1, 2, 2), satisfaction.getList("ranking.rank"));
        JsonPath enough = staffJson("supervisor").get("/api/v1/rates/ranking?by=partner&sort="
                + "satisfaction&minimum=2&" + PERIOD).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("FX-PF-1", "FX-SP-1"), enough.getList("ranking.rates.key"));
        staffJson("supervisor").get("/api/v1/rates/ranking?sort=speed").then().statusCode(400);
    }

    @Test
    void shouldGiveWeeklyTrendsWithQuietWeeks() {
        JsonPath trend = staffJson("supervisor").get("/api/v1/rates/trend?weeks=3&to=" + RatesFixture.TO)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("2025-02-24", "2025-03-03", "2025-03-10"), trend.getList("rows.key"));
        assertRow(trend, "2025-02-24", n(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), null, null, null);
        assertRow(trend, "2025-03-10", n(6, 5, 0, 5, 2, 2, 3, 1, 1, 0, 1, 1, 1), 0.8333, 1.0, 0.6667);
    }

    @Test
    void shouldGuardTheRatesAndSayWhatIsWrong() {
        given().get("/api/v1/rates").then().statusCode(401);
        staffJson("operator").get("/api/v1/rates").then().statusCode(403);
        staffJson("supervisor").get("/api/v1/rates?by=color").then().statusCode(400);
        staffJson("supervisor").get("/api/v1/rates?from=yesterday").then().statusCode(400);
        staffJson("supervisor").get("/api/v1/rates?from=2025-03-10&to=2025-03-01").then()
                .statusCode(400);
        staffJson("supervisor").get("/api/v1/rates/trend?weeks=0").then().statusCode(400);
        staffJson("operator").get("/api/v1/reports/rates.csv").then().statusCode(403);
    }

    @Test
    void shouldExportRatesAsCsvThatExcelReads() throws Exception {
        byte[] body = staffJson("supervisor").get("/api/v1/reports/rates.csv?by=partner&" + PERIOD)
                .then().statusCode(200).contentType("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"rates-partner.csv\"").extract().asByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(body[0], body[1], body[2]), "BOM");
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertEquals("key,name,offered,accepted_in_time,response_rate,overdue,tickets,judged,solved,resolution_rate,"
                + "answers,satisfied,basically_satisfied,dissatisfied,not_solved,satisfaction_rate,no_reply,not_asked,"
                + "excluded_by_appeal", lines[0]);
        assertEquals("FX-PF-1,考核物业,4,1,0.25,0,2,2,2,1.0,2,1,0,1,0,0.5,0,0,0", lines[1]);
        assertEquals("FX-RC-1,考核居委会,3,3,1.0,1,4,2,1,0.5,1,1,0,0,0,1.0,0,0,1", lines[2]);
        assertEquals(4, lines.length);
    }

    @Test
    void shouldExportTicketsAsCsvWithQuotingAndDefusedFormulas() throws Exception {
        byte[] body = staffJson("supervisor").get("/api/v1/reports/tickets.csv?" + PERIOD).then()
                .statusCode(200).contentType("text/csv; charset=UTF-8").extract().asByteArray();
        assertEquals((byte) 0xEF, body[0]);
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<String[]> rows;
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(Arrays.copyOfRange(body, 3,
                body.length))) {
            rows = it.readAll();
        }
        assertEquals(9, rows.size(), "header and the eight tickets of the period");
        List<String> header = List.of(rows.get(0));
        String[] t1 = rows.get(1);
        assertEquals("990000001", t1[header.indexOf("reference")]);
        assertEquals("2025-03-03 10:00:00", t1[header.indexOf("created_at")]);
        assertEquals("楼道漏水, 墙上有\"水渍\"\n第二行", t1[header.indexOf("description")], "commas, quotes, line breaks");
        assertEquals("考核甲社区", t1[header.indexOf("community")]);
        assertEquals("FX-PF-1", t1[header.indexOf("lead")]);
        assertEquals("satisfied", t1[header.indexOf("survey_outcome")]);
        assertEquals("'=HYPERLINK(\"http://evil.example\")", rows.get(2)[header.indexOf("description")],
                "a formula is defused");
        assertEquals("true", rows.get(3)[header.indexOf("overdue")]);
        assertEquals("FX-RC-1", rows.get(3)[header.indexOf("lead")], "the current lead");
        assertTrue(new String(body, StandardCharsets.UTF_8).contains("\r\n"), "CRLF line ends");
    }

    @Test
    void shouldPrintAMonthlyReportPerCommunityInBothLanguages() {
        given().redirects().follow(false).get("/console/reports/monthly?community=FX-COMM-A&month=2025-03").then()
                .statusCode(302).header("Location", endsWith("/login"));
        given().redirects().follow(false).cookie(kept("operator")).get("/console/reports/monthly").then()
                .statusCode(403);
        Cookie supervisor = kept("supervisor");
        given().redirects().follow(false).cookie(supervisor).get("/console/reports").then().statusCode(303)
                .header("Location", endsWith("/console/reports/monthly"));
        String zh = given().cookie(supervisor).get("/console/reports/monthly?community=FX-COMM-A"
                + "&month=2025-03").then().statusCode(200).contentType("text/html").extract().asString();
        assertTrue(zh.contains("考核甲社区 · 月度报告 · 2025年3月"), "the month in words: " + zh);
        // the whole of March: the fixture's period plus T9 of 20 March (community A: 4/7, 4/5, 3/4)
        assertTrue(zh.contains("响应率<strong>57.1%</strong><span class=\"muted\">4 / 7</span>"), zh);
        assertTrue(zh.contains("解决率<strong>80.0%</strong><span class=\"muted\">4 / 5</span>"), zh);
        assertTrue(zh.contains("满意率<strong>75.0%</strong>"), zh);
        assertTrue(zh.contains("@media print") || zh.contains("/reports/reports.css"), "print styles");
        String en = given().cookie(supervisor).get("/console/reports/monthly?community=FX-COMM-A"
                + "&month=2025-03&lang=en").then().statusCode(200).extract().asString();
        assertTrue(en.contains("Fixture Community A · Monthly report · March 2025"), en);
        assertTrue(en.contains("Response rate<strong>57.1%</strong>"), en);
        String picker = given().cookie(supervisor).get("/console/reports/monthly?month=2025-03").then()
                .statusCode(200).extract().asString();
        assertTrue(picker.contains("value=\"FX-COMM-B\""), "communities to choose from");
        assertTrue(picker.contains("value=\"SN-01\""), "streets to choose from");
        // the same filters as the charts: community A's text messages of March are one ticket (990000002)
        String sms = given().cookie(supervisor).get("/console/reports/monthly?community=FX-COMM-A&channel=sms"
                + "&month=2025-03").then().statusCode(200).extract().asString();
        assertTrue(sms.contains("渠道: 短信"), "the report says what it is narrowed to: " + sms);
        assertTrue(sms.contains("<tbody><tr><td>1</td>"), "one ticket: " + sms);
        assertTrue(sms.contains("<td class=\"name\">短信</td>"), "channels in words: " + sms);
        String street = given().cookie(supervisor).get("/console/reports/monthly?street=SN-01&month=2025-03")
                .then().statusCode(200).extract().asString();
        assertTrue(street.contains("江苏路街道 · 月度报告 · 2025年3月"), street);
        given().cookie(supervisor).get("/console/reports/monthly?street=FX-COMM-A&month=2025-03").then()
                .statusCode(400);
        given().cookie(supervisor).get("/console/reports/monthly?community=FX-COMM-A&category=no-such&month=2025-03")
                .then().statusCode(400);
        given().cookie(supervisor).get("/console/reports/monthly?community=FX-COMM-A&month=March")
                .then().statusCode(400);
        given().get("/reports/reports.css").then().statusCode(200);
    }
}
