package org.hotlinehub.retention;

import static org.hamcrest.Matchers.containsString;
import static org.hotlinehub.testsupport.Sessions.admin;
import static org.hotlinehub.testsupport.Sessions.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The incremental export of closed tickets (docs/retention.md): anonymised columns only, in close order, and a
 * cursor that resumes exactly where an export stopped. Five tickets closed on 2-4 June 2019 (hotline time); nothing
 * else in the test run closes then.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class TicketExportTest {

    static final String PERIOD = "/api/v1/export/tickets?from=2019-06-02&to=2019-06-04";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Sql sql;

    @BeforeEach
    synchronized void fixture() {
        if (sql.count("select count(*) from ticket where reference like '9506%'") > 0) {
            return;
        }
        // 06-01 23:30 and 06-05 00:30 hotline time lie outside; two close in the same second (ordered by id)
        String[][] tickets = {{"950600001", "2019-06-01 23:30:00+08", "CLOSED"},
                {"950600002", "2019-06-02 00:10:00+08", "CLOSED"}, {"950600003", "2019-06-02 09:00:00+08", "CANCELLED"},
                {"950600004", "2019-06-03 12:00:00+08", "CLOSED"}, {"950600005", "2019-06-03 12:00:00+08", "MERGED"},
                {"950600006", "2019-06-04 23:59:00+08", "CLOSED"}, {"950600007", "2019-06-05 00:30:00+08", "CLOSED"},
                {"950600008", "2019-06-03 10:00:00+08", "IN_PROGRESS"}};
        for (String[] t : tickets) {
            sql.update("insert into resident (phone, name) values (?, '李四')", "+8613" + t[0]);
            sql.update("insert into ticket (reference, channel, resident_id, category_id, description, place_id,"
                    + " address, lat, lon, priority, status, created_at, updated_at) values (?, 'WEB',"
                    + " (select id from resident where phone = ?), (select id from catalog_entry"
                    + " where code = 'property-repair'), '请联系13800138000 李四', (select id from place where code ="
                    + " 'HY-GARDEN-B05'), '观海路12号5号楼101', 36.05, 120.35, 'normal', ?, ?::timestamptz"
                    + " - interval '2 days', ?::timestamptz)", t[0], "+8613" + t[0], t[2], t[1], t[1]);
        }
    }

    static List<Map<String, Object>> lines(String body) throws JsonProcessingException {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(JSON.readValue(line, Map.class));
        }
        return lines;
    }

    static List<Object> references(List<Map<String, Object>> lines) {
        return lines.stream().filter(l -> l.get("end") == null).map(l -> l.get("reference")).toList();
    }

    static String get(String query) {
        var response = admin().get(PERIOD + query);
        assertEquals(200, response.statusCode(), response.asString());
        return response.asString();
    }

    @Test
    void closedTicketsComeAnonymisedInCloseOrder() throws JsonProcessingException {
        List<Map<String, Object>> lines = lines(get(""));
        assertEquals(List.of("950600002", "950600003", "950600004", "950600005", "950600006"), references(lines));
        Map<String, Object> first = lines.get(0);
        assertEquals("HY-GARDEN", first.get("place"), "a building is given as its compound");
        assertEquals("property-repair", first.get("category"));
        assertEquals("2019-06-01T16:10:00Z", first.get("closedAt"));
        for (Map<String, Object> line : lines) {
            String text = JSON.writeValueAsString(line);
            assertFalse(text.contains("13800138000") || text.contains("李四") || text.contains("5号楼")
                    || text.contains("36.05") || text.contains("HY-GARDEN-B05"), text);
        }
        Map<String, Object> trailer = lines.get(lines.size() - 1);
        assertEquals(true, trailer.get("end"));
        assertEquals(5, trailer.get("rows"));
        assertEquals(false, trailer.get("more"));
        assertEquals(lines.get(4).get("cursor"), trailer.get("next"));
    }

    @Test
    void anExportResumesWhereItStopped() throws JsonProcessingException {
        List<Map<String, Object>> page = lines(get("&limit=2"));
        assertEquals(List.of("950600002", "950600003"), references(page));
        Map<String, Object> trailer = page.get(2);
        assertEquals(true, trailer.get("more"));
        List<Map<String, Object>> rest = lines(get("&cursor=" + trailer.get("next")));
        assertEquals(List.of("950600004", "950600005", "950600006"), references(rest));

        // a download cut off after its third line goes on from that line's cursor; the two tickets closed in the
        // same second are neither lost nor repeated
        List<Map<String, Object>> all = lines(get(""));
        List<Map<String, Object>> resumed = lines(get("&cursor=" + all.get(2).get("cursor")));
        assertEquals(List.of("950600005", "950600006"), references(resumed));

        // nothing new: an empty export whose trailer gives the same cursor back
        List<Map<String, Object>> none = lines(get("&cursor=" + all.get(4).get("cursor")));
        assertEquals(List.of(), references(none));
        assertEquals(all.get(4).get("cursor"), none.get(0).get("next"));
        assertEquals(false, none.get(0).get("more"));
    }

    static List<String[]> csv(String body) throws IOException {
        try (MappingIterator<String[]> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(String[].class).readValues(body)) {
            return rows.readAll();
        }
    }

    @Test
    void csvHasAHeaderAndACursorPerRow() throws IOException {
        String body = get("&format=csv&limit=3");
        assertTrue(body.contains("\r\n"), "CRLF line ends");
        List<String[]> rows = csv(body);
        assertEquals(4, rows.size(), body);
        List<String> header = Arrays.asList(rows.get(0));
        assertEquals(List.of("reference", "channel", "status", "category", "priority", "place", "community", "grid",
                "createdAt", "closedAt", "leadPartner", "acceptedAt", "resolvedAt", "surveyOutcome", "surveyExcluded",
                "anonymised", "cursor"), header);
        assertEquals(List.of("950600002", "WEB", "CLOSED", "property-repair", "normal", "HY-GARDEN"),
                Arrays.asList(rows.get(1)).subList(0, 6));
        String cursor = rows.get(3)[header.indexOf("cursor")];
        List<String[]> rest = csv(get("&format=csv&cursor=" + cursor));
        assertEquals(List.of("950600005", "950600006"), rest.subList(1, rest.size()).stream().map(r -> r[0]).toList());
        assertFalse(body.contains("13800138000") || body.contains("李四"), body);
    }

    @Test
    void onlyAnAdministratorMayAndBadInputIsNamed() {
        operator().get(PERIOD).then().statusCode(403);
        String base = "/api/v1/export/tickets";
        admin().get(base).then().statusCode(400).body("error.message", containsString("from"));
        admin().get(base + "?from=2019-13-01").then().statusCode(400).body("error.message", containsString("from"));
        admin().get(base + "?from=2019-06-02&to=junk").then().statusCode(400)
                .body("error.message", containsString("to"));
        admin().get(base + "?from=2019-06-02&to=2019-06-01").then().statusCode(400)
                .body("error.message", containsString("to"));
        admin().get(PERIOD + "&format=xml").then().statusCode(400).body("error.message", containsString("format"));
        admin().get(PERIOD + "&cursor=bm9wZQ").then().statusCode(400).body("error.message", containsString("cursor"));
        admin().get(PERIOD + "&limit=0").then().statusCode(400).body("error.message", containsString("limit"));
        admin().get(PERIOD + "&limit=abc").then().statusCode(400).body("error.message", containsString("limit"));
    }
}
