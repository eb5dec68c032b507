package org.hotlinehub.incident;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotlinehub.connectors.wechat.Pushes;
import org.hotlinehub.store.IncidentRows;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.PartnerReceiver;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.Tickets;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioSms;
import org.hotlinehub.testsupport.WechatApiStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * One incident, many reporters (issue 21): reports of one incident arriving on the web form, Open311, Twilio-signed
 * SMS and WeChat become one ticket with many reporters and one offer; the grey zone reaches the operator side by
 * side; a link can be undone; two different incidents in one compound stay apart. Detection is off in the other
 * tests (they file alike reports at one compound), on here.
 */
@QuarkusTest
@TestProfile(IncidentTest.On.class)
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
@QuarkusTestResource(WechatApiStub.class)
public class IncidentTest {

    public static class On implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hub.incident.enabled", "true", "hub.surge.contacts", "4", "hub.surge.within", "PT30M");
        }
    }

    static final String HOOK = "/hooks/PF-INCIDENT";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Sql sql;
    @Inject
    AgroalDataSource db;
    @Inject
    IncidentRows rows;

    @Test
    void shouldFormOneIncidentWithOneOfferWhenABurstArrivesOnFourChannels() throws Exception {
        String first = form("INC-COURT", "事件测试苑停水了，整个小区都没有水");
        String open311 = open311("事件测试苑停水了，整个小区都没水了");
        String sms = TwilioSms.referenceIn(TwilioSms.text("+86" + Reports.uniquePhone(),
                "事件测试苑停水了，整个小区都没有水，什么时候来水"));
        String wechat = Pushes.referenceIn(Pushes.content(Pushes.post(Pushes.text(Pushes.openid(), Pushes.msgId(),
                "事件测试苑停水了，小区都没有水"))));
        List<String> burst = List.of(first, open311, sms, wechat);
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.count("select count(*) from ticket where reference"
                + " = any(?) and status = 'MERGED'", (Object) burst.toArray(String[]::new)) == 3);
        String incident = (String) sql.one("select reference from ticket where reference = any(?) and status <>"
                + " 'MERGED'", (Object) burst.toArray(String[]::new));
        await().atMost(Duration.ofSeconds(30)).until(() -> offers(burst).size() == 1);

        assertEquals(1L, sql.count("select count(*) from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = any(?)", (Object) burst.toArray(String[]::new)), "one offer for the incident");
        assertEquals(4, ((Number) sql.one("select reporter_count from ticket where reference = ?", incident))
                .intValue());
        JsonNode offer = JSON.readTree(offers(burst).get(0).body());
        assertEquals(incident, offer.at("/assignment/ticket/reference").asText());
        for (String r : burst) {
            if (!r.equals(incident)) {
                assertEquals(incident, sql.one("select i.reference from ticket t join ticket i on i.id ="
                        + " t.merged_into_id where t.reference = ?", r));
                assertTrue(((String) sql.one("select e.detail from timeline_event e join ticket t on t.id ="
                        + " e.ticket_id where t.reference = ? and e.kind = 'MERGED'", r))
                        .matches("linked to incident " + incident + " \\(score 0\\.\\d\\d: text 0\\.\\d\\d, .*"));
            }
        }
        // the surge (4 reports within 30 minutes here) with its count per channel, through the API
        Sessions.operator().get("/api/v1/tickets/" + sms + "/incident").then().statusCode(200)
                .body("incident", equalTo(incident)).body("reporters", equalTo(4))
                .body("channels.WEB", equalTo(1)).body("channels.OPEN311", equalTo(1))
                .body("channels.SMS", equalTo(1)).body("channels.WECHAT", equalTo(1))
                .body("surge.contacts", equalTo(4)).body("reporterList.size()", equalTo(4))
                .body("reporterList[0].reference", equalTo(incident))
                .body("reporterList.find { it.channel == 'WECHAT' }.contact", containsString("***"));
        Sessions.console("operator").get("/console/tickets/" + incident).then().statusCode(200)
                .body(containsString("id=\"surge\"")).body(containsString("id=\"reporters\""));

        // one more report after the offer: a follow-up to the partner holding it, not another offer
        String late = TwilioSms.referenceIn(TwilioSms.text("+86" + Reports.uniquePhone(),
                "事件测试苑停水了，整个小区都没有水啊"));
        // every report linked while the offer was out is one follow-up (how many joined before the offer depends on
        // how the burst fell into intake's batches); the last one counts five reporters
        await().atMost(Duration.ofSeconds(30)).until(() -> followUps(incident).stream()
                .anyMatch(r -> r.bodyText().contains("\"reporters\":5")));
        long linkedAfterOffer = sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " join assignment a on a.ticket_id = t.id where t.reference = ? and e.kind = 'REPORTER_ADDED'"
                + " and e.at >= a.offered_at", incident);
        await().atMost(Duration.ofSeconds(30)).until(() -> followUps(incident).size() == linkedAfterOffer);
        JsonNode followUp = JSON.readTree(followUps(incident).stream()
                .filter(r -> r.bodyText().contains("\"reporters\":5")).findFirst().orElseThrow().body());
        assertEquals(5, followUp.at("/incident/reporters").asInt());
        assertEquals(5, followUp.at("/assignment/ticket/reporters").asInt());
        assertEquals("SMS", followUp.at("/incident/addition/channel").asText());
        assertEquals("事件测试苑停水了，整个小区都没有水啊", followUp.at("/incident/addition/text").asText());
        assertEquals("MERGED", Tickets.status(sql, late));
        assertEquals(1, offers(List.of(first, open311, sms, wechat, late)).size());
    }

    @Test
    void shouldShowTheGreyZoneToTheOperatorSideBySideAndLinkOrKeepSeparateOnOneClick() {
        String incident = form("INC-COURT2", "事件二号苑7号楼电梯坏了，有人被困");
        await().atMost(Duration.ofSeconds(30)).until(() -> is(incident, "DISPATCHED"));
        String unsure = form("INC-COURT2", "事件二号苑7号楼电梯不动了");
        await().atMost(Duration.ofSeconds(30)).until(() -> is(unsure, "TRIAGE"));
        assertEquals(1L, Tickets.timeline(sql, unsure, "DUPLICATE_SUSPECTED", "hub:incident"));
        assertEquals(0L, sql.count("select count(*) from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ?", unsure), "nothing offered while the operator decides");

        String page = Sessions.console("operator").get("/console/tickets/" + unsure).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("id=\"duplicate-suggestion\""), page);
        assertTrue(page.contains("事件二号苑7号楼电梯坏了，有人被困") && page.contains("事件二号苑7号楼电梯不动了"));
        assertTrue(page.contains("action=\"/console/tickets/" + unsure + "/incident/link\""));
        Sessions.console("operator").contentType(Sessions.FORM).formParam("incident", incident)
                .post("/console/tickets/" + unsure + "/incident/link").then().statusCode(303);
        assertEquals("MERGED", Tickets.status(sql, unsure));
        assertEquals(2, ((Number) sql.one("select reporter_count from ticket where reference = ?", incident))
                .intValue());
        assertTrue(((String) sql.one("select reason from incident_link l join ticket t on t.id ="
                + " l.reporter_ticket_id where t.reference = ?", unsure)).startsWith("confirmed by staff:operator"));
        assertEquals(1L, Tickets.audits(sql, "incident.link", unsure));
        // the next resident who puts it the way the linked report did joins at once: an incident's reports count for
        // it, not only its first one
        String same = form("INC-COURT2", "事件二号苑7号楼电梯不动了");
        await().atMost(Duration.ofSeconds(30)).until(() -> is(same, "MERGED"));
        assertEquals(incident, sql.one("select i.reference from ticket t join ticket i on i.id = t.merged_into_id"
                + " where t.reference = ?", same));
        assertEquals(1L, Tickets.timeline(sql, same, "MERGED", "hub:incident"));

        String other = form("INC-COURT2", "二号苑7号楼电梯坏了");
        await().atMost(Duration.ofSeconds(30)).until(() -> is(other, "TRIAGE"));
        Sessions.console("operator").contentType(Sessions.FORM)
                .post("/console/tickets/" + other + "/incident/keep-separate").then().statusCode(303);
        assertEquals("DISPATCHED", Tickets.status(sql, other));
        assertEquals(1L, Tickets.timeline(sql, other, "KEPT_SEPARATE", "staff:operator"));
        assertEquals("KEPT_APART", sql.one("select state from incident_link l join ticket t on t.id ="
                + " l.reporter_ticket_id where t.reference = ?", other));
    }

    @Test
    void shouldMakeTheReportATicketOfItsOwnAgainWhenItsLinkIsUndone() {
        String incident = form("INC-COURT", "事件测试苑单元门坏了，关不上");
        await().atMost(Duration.ofSeconds(30)).until(() -> is(incident, "DISPATCHED"));
        String report = form("INC-COURT", "事件测试苑单元门坏了，关不上了");
        await().atMost(Duration.ofSeconds(30)).until(() -> is(report, "MERGED"));
        assertEquals(1L, Tickets.timeline(sql, incident, "REPORTER_ADDED", "hub:incident"));

        Sessions.operator().post("/api/v1/tickets/" + report + "/incident/unlink").then().statusCode(200)
                .body("status", equalTo("DISPATCHED")).body("mergedInto", equalTo(null));
        assertEquals(1, ((Number) sql.one("select reporter_count from ticket where reference = ?", incident))
                .intValue());
        assertEquals(1L, sql.count("select count(*) from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ?", report), "dispatched normally, on its own");
        assertEquals(1L, Tickets.timeline(sql, report, "UNLINKED", "staff:operator"));
        assertEquals(1L, Tickets.timeline(sql, incident, "UNLINKED", "staff:operator"));
        assertEquals("UNLINKED", sql.one("select state from incident_link l join ticket t on t.id ="
                + " l.reporter_ticket_id where t.reference = ?", report));
        // undone once: a second undo is refused, naming why
        Sessions.operator().post("/api/v1/tickets/" + report + "/incident/unlink").then().statusCode(409);
    }

    @Test
    void shouldKeepTwoDifferentIncidentsInOneCompoundApart() {
        String drain = form("INC-COURT2", "事件二号苑化粪池堵了，味道很大");
        await().atMost(Duration.ofSeconds(30)).until(() -> is(drain, "DISPATCHED"));
        String light = form("INC-COURT2", "事件二号苑门口路灯不亮了");
        await().atMost(Duration.ofSeconds(30)).until(() -> is(light, "DISPATCHED"));
        assertEquals(0L, sql.count("select count(*) from incident_link l join ticket t on t.id ="
                + " l.reporter_ticket_id where t.reference = any(?)", (Object) new String[]{drain, light}));
        Sessions.operator().get("/api/v1/tickets/" + light + "/incident").then().statusCode(404);
    }

    @Test
    void shouldCountTheIncidentOnceInTheResolutionRateAndEveryReportersAnswerInTheSatisfactionRate() {
        String phone = Reports.uniquePhone();
        String incident = Reports.fileJson("property-repair", "事件测试苑楼道灯不亮了，黑漆漆的", phone, "INC-COURT", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> is(incident, "DISPATCHED"));
        String phone2 = "+86" + Reports.uniquePhone();
        String second = TwilioSms.referenceIn(TwilioSms.text(phone2, "事件测试苑楼道灯不亮了，黑漆漆的呀"));
        String phone3 = "+86" + Reports.uniquePhone();
        String third = TwilioSms.referenceIn(TwilioSms.text(phone3, "事件测试苑楼道灯不亮了，黑漆漆的啊"));
        await().atMost(Duration.ofSeconds(30)).until(() -> is(second, "MERGED") && is(third, "MERGED"));

        long lead = ((Number) sql.one("select a.id from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ?", incident)).longValue();
        Sessions.partnerJson("PF-INCIDENT").post("/partner-api/v1/assignments/" + lead + "/accept").then()
                .statusCode(200);
        Sessions.partnerJson("PF-INCIDENT").body("{\"note\":\"换了灯泡\"}")
                .post("/partner-api/v1/assignments/" + lead + "/resolve").then().statusCode(200);
        assertEquals(1L, Tickets.timeline(sql, second, "SURVEY_REQUESTED", "hub:survey"), "each reporter is asked");
        assertEquals(1L, Tickets.timeline(sql, third, "SURVEY_REQUESTED", "hub:survey"));

        assertTrue(TwilioSms.text("+86" + phone, "1").contains(incident));
        assertTrue(TwilioSms.text(phone2, "3").contains(second));
        assertTrue(TwilioSms.text(phone3, "2").contains(third));
        String[] all = {incident, second, third};
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.count("select count(*) from survey_answer s join"
                + " ticket t on t.id = s.ticket_id where t.reference = any(?)", (Object) all) == 3);
        assertEquals(3L, sql.count("select count(*) from survey_answer s join ticket t on t.id = s.ticket_id"
                + " where t.reference = any(?) and s.assignment_id = ?", all, lead), "all judge the incident's lead");
        assertEquals("CLOSED", Tickets.status(sql, incident));

        // PF-INCIDENT closed nothing else in this class: one ticket judged and solved, three answers
        Sessions.staff("supervisor").get("/api/v1/rates?by=partner&partner=PF-INCIDENT").then().statusCode(200)
                .body("rows.size()", equalTo(1)).body("rows[0].key", equalTo("PF-INCIDENT"))
                .body("rows[0].judged", equalTo(1)).body("rows[0].solved", equalTo(1))
                .body("rows[0].answers", equalTo(3)).body("rows[0].satisfied", equalTo(1))
                .body("rows[0].basicallySatisfied", equalTo(1)).body("rows[0].dissatisfied", equalTo(1));
    }

    /**
     * Detection's one query per area and batch reads the open tickets of one area and its compared needs through the
     * partial index of open tickets, however many tickets are open elsewhere, of other needs, or closed, and of each incident only its latest merged reports
     * through the index of merged reports by incident, however many joined it: 5,000 open and 20,000 closed tickets
     * spread over the district, and 5,000 reports merged into five incidents of the area. The plan and the time per
     * query are printed for the benchmark notes.
     */
    @Test
    void shouldFindAContactsCandidatesThroughTheOpenAndMergedIndexes() throws Exception {
        sql.update("""
                with p as (select array_agg(id order by id) a from place where type = 'compound'
                           and code not like 'INC-%'),
                     c as (select array_agg(id order by id) a from catalog_entry where active)
                insert into ticket (reference, channel, category_id, description, place_id, priority, status,
                                    created_at, updated_at)
                select '8' || lpad(g::text, 8, '0'), 'WEB', c.a[1 + g % array_length(c.a, 1)],
                       '批量工单' || g || (array['漏水了', '停电了', '电梯坏了', '路灯不亮'])[1 + g % 4],
                       p.a[1 + g % array_length(p.a, 1)], 'normal',
                       case when g > 5000 then 'CLOSED'
                            else (array['RECEIVED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS'])[1 + g % 4] end,
                       now() - (g % 1440) * interval '1 minute', now()
                  from generate_series(1, 25000) g, p, c""");
        try (Connection c = db.getConnection()) {
            Long[] places = ids(c, "with recursive a(id) as (select id from place where code = 'SN-01-03-G07'"
                    + " union all select p.id from place p join a on p.parent_id = a.id) select id from a");
            Long[] categories = ids(c, "select id from catalog_entry where group_code = 'property' and active");
            Long[] incidents = ids(c, "select id from ticket where reference like '8%' and description like '批量工单%'"
                    + " and status <> 'CLOSED' and place_id = any('" + array(places) + "') and category_id = any('"
                    + array(categories) + "') order by id limit 5");
            assertEquals(5, incidents.length, "the fixture has open tickets in the area");
            sql.update("update ticket set reporter_count = 1001 where id = any(?)", (Object) incidents);
            sql.update("""
                    insert into ticket (reference, channel, category_id, description, place_id, priority, status,
                                        merged_into_id, created_at, updated_at)
                    select '7' || lpad(g::text, 8, '0'), 'SMS', i.category_id, '批量工单合并' || g || '水管爆了',
                           i.place_id, 'normal', 'MERGED', i.id, now() - (g % 600) * interval '1 minute', now()
                      from generate_series(1, 5000) g
                      join ticket i on i.id = (?::bigint[])[1 + g % 5]""", (Object) incidents);
            sql.update("analyze ticket");
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement st = c.prepareStatement("explain (analyze, buffers) " + IncidentRows.CANDIDATES)) {
                bind(c, st, places, categories);
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        plan.append(r.getString(1)).append('\n');
                    }
                }
            }
            System.out.println("incident detection plan, 5,000 open, 20,000 closed and 5,000 merged tickets:\n" + plan);
            assertTrue(plan.toString().contains("ticket_open_incident_idx"), plan.toString());
            assertTrue(
                    plan.toString().lines().anyMatch(l -> l.contains("Index Cond") && l.contains("category_id = ANY")),
                    "the open tickets of other needs are not read: " + plan);
            assertTrue(plan.toString().contains("ticket_merged_into_idx"), plan.toString());
            int rows = 0;
            long merged = 0;
            try (PreparedStatement st = c.prepareStatement(IncidentRows.CANDIDATES)) {
                bind(c, st, places, categories);
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        rows++;
                        merged += r.getLong(1) == r.getLong(2) ? 0 : 1;
                    }
                }
                long start = System.nanoTime();
                for (int i = 0; i < 200; i++) {
                    st.executeQuery().close();
                }
                System.out.printf("incident detection: %d candidates, %.3f ms per query (200 runs)%n", rows,
                        (System.nanoTime() - start) / 200 / 1e6);
            }
            assertEquals(5 * 20, merged, "the latest 20 of each incident's 1,000 merged reports");
            try (PreparedStatement st = c.prepareStatement("show jit"); ResultSet r = st.executeQuery()) {
                assertTrue(r.next());
                assertEquals("off", r.getString(1), "no query of the hub's pool is JIT-compiled");
            }
        } finally {
            sql.update("delete from ticket where reference like '7%' and length(reference) = 9"
                    + " and description like '批量工单合并%'");
            sql.update("delete from ticket where reference like '8%' and length(reference) = 9"
                    + " and description like '批量工单%'");
        }
    }

    /**
     * Incidents a burst keeps open: a new report is compared with each incident's own report and the latest
     * {@code hub.incident.reports-compared} (20) reports merged into it, those of them filed within the window; not
     * with every report that ever joined it, nor with the reports of a closed incident.
     */
    @Test
    void shouldCompareANewReportWithAnIncidentsLatestMergedReportsOnly() throws Exception {
        Long place = ((Number) sql.one("select id from place where code = 'INC-COURT2'")).longValue();
        Long category = ((Number) sql.one("select id from catalog_entry where code = 'property-repair'")).longValue();
        Long[] incidents = ids("""
                insert into ticket (reference, channel, category_id, description, place_id, priority, status,
                                    reporter_count, created_at, updated_at)
                values ('611000001', 'WEB', ?, '上限测试：二号楼水管爆了', ?, 'normal', 'DISPATCHED', 31, now(), now()),
                       ('611000002', 'WEB', ?, '上限测试：二号楼停电了', ?, 'normal', 'IN_PROGRESS', 11, now(), now()),
                       ('611000003', 'WEB', ?, '上限测试：二号楼电梯停了', ?, 'normal', 'CLOSED', 6, now(), now())
                returning id""", category, place, category, place, category, place);
        try {
            // 30 reports merged into the first, all within the window; 10 into the second, the first 5 before it
            // (13 hours ago); 5 into the closed one
            sql.update("""
                    insert into ticket (reference, channel, category_id, description, place_id, priority, status,
                                        merged_into_id, created_at, updated_at)
                    select '61' || k || '0000' || lpad(g::text, 2, '0'), 'SMS', ?, '上限测试：说法' || k || g, ?,
                           'normal', 'MERGED', (?::bigint[])[k - 1],
                           case when k = 3 and g <= 5 then now() - interval '13 hours'
                                else now() - (40 - g) * interval '1 minute' end,
                           now()
                      from (values (2, 30), (3, 10), (4, 5)) n(k, reports), generate_series(1, n.reports) g
                     order by k, g""", category, place, (Object) incidents);
            List<IncidentRows.Candidate> found = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .call(() -> rows.candidates(new Long[]{place}, new Long[]{category},
                            Instant.now().minus(Duration.ofHours(12)), new Long[0], 20));
            List<Long> ours = found.stream().filter(c -> List.of(incidents).contains(c.countsFor()))
                    .map(IncidentRows.Candidate::id).sorted().toList();
            List<Long> expected = new java.util.ArrayList<>(List.of(incidents[0], incidents[1]));
            expected.addAll(List.of(ids("select id from ticket where reference between '612000011' and '612000030'"
                    + " or reference between '613000006' and '613000010'")));
            assertEquals(expected.stream().sorted().toList(), ours);
            assertTrue(found.stream().filter(c -> c.id() == 0 + ours.get(ours.size() - 1)).allMatch(
                    c -> c.length() == "上限测试：说法310".length()), "the length counts characters");
        } finally {
            sql.update("delete from ticket where reference like '61_0000__'");
            sql.update("delete from ticket where id = any(?)", (Object) incidents);
        }
    }

    private Long[] ids(String query, Object... args) {
        return sql.column(query, args).stream().map(r -> ((Number) r).longValue()).toArray(Long[]::new);
    }

    private static String array(Long[] ids) {
        return "{" + String.join(",", java.util.Arrays.stream(ids).map(String::valueOf).toList()) + "}";
    }

    private static Long[] ids(Connection c, String query) throws Exception {
        List<Long> ids = new java.util.ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(query); ResultSet r = st.executeQuery()) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids.toArray(Long[]::new);
    }

    private static void bind(Connection c, PreparedStatement st, Long[] places, Long[] categories)
            throws Exception {
        IncidentRows.bindCandidates(c, st, places, categories, Instant.now().minus(Duration.ofHours(12)),
                new Long[0], 20);
    }

    /**
     * Two residents of one compound, minutes apart, in the same words, the same place and the same category, who each
     * need help of their own: two registered residents raising the alarm (call assurance's category), or two
     * neighbours asking for a gas cylinder (the demo catalog does not mark gas delivery with incidents: true). Each
     * keeps a ticket of its own.
     */
    @ParameterizedTest
    @CsvSource({"urgent-help, 紧急求助：独居老人按了呼叫键，没有说话", "gas-delivery, 煤气罐用完了，请送一罐气到家里"})
    void shouldNeverMergeTwoResidentsOwnNeeds(String category, String words) {
        String first = form("INC-COURT", words, category);
        String second = form("INC-COURT", words, category);
        await().atMost(Duration.ofSeconds(30)).until(() -> !is(first, "RECEIVED") && !is(second, "RECEIVED"));
        assertEquals(0L, sql.count("select count(*) from incident_link l join ticket t on t.id ="
                + " l.reporter_ticket_id where t.reference = any(?)", (Object) new String[]{first, second}));
        assertEquals(0L, sql.count("select count(*) from ticket where reference = any(?) and status = 'MERGED'",
                (Object) new String[]{first, second}));
    }

    /** Whether the ticket is there and in this status (intake may not have made it yet). */
    private boolean is(String reference, String status) {
        return sql.count("select count(*) from ticket where reference = ? and status = ?", reference, status) == 1;
    }

    static String form(String compound, String description) {
        return form(compound, description, "property-repair");
    }

    private static String form(String compound, String description, String category) {
        return Reports.fileJson(category, description, Reports.uniquePhone(), compound, null);
    }

    private static String open311(String description) {
        return open311("INC-COURT", description);
    }

    /** An Open311 request with a phone at this compound. */
    static String open311(String compound, String description) {
        return given().contentType("application/x-www-form-urlencoded; charset=utf-8")
                .formParam("api_key", Sessions.OPEN311_KEY).formParam("service_code", "property-repair")
                .formParam("description", description).formParam("address_id", compound)
                .formParam("attribute[building]", "3号楼").formParam("attribute[problem]", "other")
                .formParam("phone", Reports.uniquePhone())
                .post("/open311/v2/requests.json").then().log().ifValidationFails().statusCode(201).extract()
                .path("[0].service_request_id");
    }

    /** The offers the test partner got for any of these tickets. */
    private static List<PartnerReceiver.Received> offers(List<String> references) {
        return HubTestResources.receiver.to(HOOK).stream()
                .filter(r -> "assignment.offered".equals(r.header("X-Hub-Event")))
                .filter(r -> references.stream().anyMatch(ref -> r.bodyText().contains("\"reference\":\"" + ref
                        + "\"")))
                .toList();
    }

    private static List<PartnerReceiver.Received> followUps(String incident) {
        return HubTestResources.receiver.to(HOOK).stream()
                .filter(r -> "assignment.reporter-added".equals(r.header("X-Hub-Event")))
                .filter(r -> r.bodyText().contains("\"reference\":\"" + incident + "\"")).toList();
    }
}
