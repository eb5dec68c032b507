package org.hotlinehub.dispatch;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hotlinehub.testsupport.Sessions.operator;
import static org.hotlinehub.testsupport.Sessions.partnerJson;
import static org.hotlinehub.testsupport.Sessions.staffJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.camel.ConsumerTemplate;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The assignment lifecycle: returns and rulings, progress and resolution, joint handling, expiry, volunteers. */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class DispatchLifecycleTest {

    @Inject
    Sql sql;
    @Inject
    ConsumerTemplate consumer;

    private String report(String category, String compound, String description) {
        return Reports.fileJson(category, description, Reports.uniquePhone(), compound, null);
    }

    /** PF-HAIYUN's call on its assignment {@code id} through the partner API: {@code step} with a JSON body, or none. */
    private static ValidatableResponse haiyun(long id, String step, String body) {
        RequestSpecification request = partnerJson("PF-HAIYUN");
        if (body != null) {
            request.body(body);
        }
        return request.post("/partner-api/v1/assignments/" + id + "/" + step).then();
    }

    private long offered(String reference, String assignee) {
        await().atMost(Duration.ofSeconds(15)).until(() -> !assignments(reference, assignee, "OFFERED").isEmpty());
        return ((Number) assignments(reference, assignee, "OFFERED").get(0)).longValue();
    }

    private List<Object> assignments(String reference, String assignee, String state) {
        return sql.column("select a.id from assignment a join ticket t on t.id = a.ticket_id"
                + " left join partner p on p.id = a.partner_id left join volunteer v on v.id = a.volunteer_id"
                + " where t.reference = ? and coalesce(p.code, v.code) = ? and a.state = ? order by a.id",
                reference, assignee, state);
    }

    private String ticketStatus(String reference) {
        return (String) sql.one("select status from ticket where reference = ?", reference);
    }

    @Test
    void shouldKeepTheAreasPartnerTypeInStepWithThePartner() {
        // the dispatch lookup reads the type from partner_area (V66); triggers copy it whoever writes
        sql.update("insert into partner (code, type, name_zh, delivery_channel, active) values"
                + " ('TEST-TYPE-COPY', 'mediation', '类型测试', 'portal', false)");
        try {
            sql.update("insert into partner_area (partner_id, place_id) select p.id, pl.id from partner p, place pl"
                    + " where p.code = 'TEST-TYPE-COPY' and pl.code = 'HY-GARDEN'");
            assertEquals("mediation", areaType());
            sql.update("update partner set type = 'legal-aid' where code = 'TEST-TYPE-COPY'");
            assertEquals("legal-aid", areaType());
        } finally {
            sql.update("delete from partner where code = 'TEST-TYPE-COPY'");
        }
    }

    private Object areaType() {
        return sql.one("select pa.partner_type from partner_area pa join partner p on p.id = pa.partner_id"
                + " where p.code = 'TEST-TYPE-COPY'");
    }

    @Test
    void shouldLetOnlySupervisorsRuleAndStaffReassign() {
        given().contentType("application/json").body("{\"decision\":\"overrule\"}")
                .post("/api/v1/assignments/1/ruling").then().statusCode(401);
        operator().contentType("application/json")
                .body("{\"decision\":\"overrule\"}").post("/api/v1/assignments/1/ruling").then().statusCode(403);
        given().contentType("application/json").body("{\"partner\":\"RC-GUANHAI\"}")
                .post("/api/v1/tickets/100000009/reassign").then().statusCode(401);
    }

    @Test
    void shouldSendAReturnBackWhenTheHubOverrulesIt() {
        String ref = report("property-repair", "HY-GARDEN", "楼顶水箱漏水");
        long id = offered(ref, "PF-HAIYUN");
        haiyun(id, "accept", null).statusCode(200);
        haiyun(id, "return", "{\"reason\":\"somewhere-else\"}").statusCode(400).body("error.message",
                containsString("wrong-area"));
        haiyun(id, "return", "{\"reason\":\"not-our-duty\",\"note\":\"水箱属于自来水公司\"}").statusCode(200)
                .body("state", equalTo("RETURNED"));
        assertEquals("TRIAGE", ticketStatus(ref));

        staffJson("supervisor").body("{\"decision\":\"overrule\",\"note\":\"水箱在小区红线内，属物业维护\"}")
                .post("/api/v1/assignments/" + id + "/ruling").then().statusCode(200)
                .body("state", equalTo("ACCEPTED"));
        assertEquals("ACCEPTED", ticketStatus(ref));
        staffJson("supervisor").body("{\"decision\":\"overrule\"}").post("/api/v1/assignments/" + id + "/ruling").then()
                .statusCode(409).body("error.message", containsString("only a returned assignment can be ruled on"));
        await().atMost(Duration.ofSeconds(10)).until(() -> HubTestResources.receiver.to("/hooks/PF-HAIYUN").stream()
                .anyMatch(r -> "assignment.ruling".equals(r.header("X-Hub-Event")) && r.bodyText().contains(ref)));
    }

    @Test
    void shouldOfferToTheNextPartyWhenTheHubUpholdsAReturn() {
        String ref = report("property-repair", "HY-GARDEN", "单元门锁坏了关不上");
        long id = offered(ref, "PF-HAIYUN");
        haiyun(id, "accept", null).statusCode(200);
        haiyun(id, "return", "{\"reason\":\"wrong-area\"}").statusCode(200);
        staffJson("supervisor").body("{\"decision\":\"reassign\",\"note\":\"退单理由成立\"}")
                .post("/api/v1/assignments/" + id + "/ruling").then().statusCode(200)
                .body("state", equalTo("CANCELLED"));
        offered(ref, "RC-GUANHAI");
        assertEquals("DISPATCHED", ticketStatus(ref));
        List<Object> kinds = sql.column("select e.kind from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind in ('RETURNED', 'RULING', 'DISPATCHED') order by e.id", ref);
        assertEquals(List.of("DISPATCHED", "RETURNED", "RULING", "DISPATCHED"), kinds);
    }

    @Test
    void shouldRecordProgressAndResolutionAndRefuseMovesOutOfOrder() {
        String ref = report("property-repair", "HY-GARDEN", "地下室积水严重");
        long id = offered(ref, "PF-HAIYUN");
        haiyun(id, "progress", "{\"note\":\"已到场\"}").statusCode(409).body("error.message",
                equalTo("assignment " + id + " is offered and cannot become in_progress"));
        haiyun(id, "accept", null).statusCode(200);
        haiyun(id, "progress", "{}").statusCode(400);
        haiyun(id, "progress", "{\"note\":\"已到场，正在抽水\"}").statusCode(200).body("state", equalTo("IN_PROGRESS"));
        assertEquals("IN_PROGRESS", ticketStatus(ref));
        String resolve = "{\"note\":\"积水已抽干，排水泵已修复\",\"photoUrl\":\"https://partner.example/p/1.jpg\"}";
        haiyun(id, "resolve", resolve).statusCode(200).body("state", equalTo("RESOLVED"));
        haiyun(id, "resolve", resolve).statusCode(200).body("state", equalTo("RESOLVED"));
        assertEquals("RESOLVED", ticketStatus(ref));
        assertEquals("https://partner.example/p/1.jpg",
                sql.one("select resolution_photo_url from assignment where id = ?", id));
        haiyun(id, "accept", null).statusCode(409);
        assertEquals(1L, sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'RESOLVED'", ref));
    }

    @Test
    void shouldAddASupportingPartyAndReassignTheLeadOnAnOperatorsWord() {
        String ref = report("property-repair", "HY-GARDEN", "外墙瓷砖脱落砸坏车辆");
        long first = offered(ref, "PF-HAIYUN");
        staffJson("supervisor").body("{\"partner\":\"NO-SUCH-PARTNER\"}").post("/api/v1/tickets/" + ref + "/supporting")
                .then()
                .statusCode(404);
        String police = (String) sql.one("select p.code from partner p join partner_area pa on pa.partner_id = p.id"
                + " join place pl on pl.id = pa.place_id where p.type = 'police-desk' and pl.code = 'SN-01-03'");
        staffJson("supervisor").body("{\"partner\":\"" + police + "\",\"note\":\"涉及财产损失，请警务室协助\"}")
                .post("/api/v1/tickets/" + ref + "/supporting").then().statusCode(200)
                .body("role", equalTo("support"));
        staffJson("supervisor").body("{\"partner\":\"" + police + "\"}").post("/api/v1/tickets/" + ref + "/supporting")
                .then()
                .statusCode(409);

        staffJson("supervisor").body("{\"partner\":\"RC-GUANHAI\",\"note\":\"物业拒不处理\"}")
                .post("/api/v1/tickets/" + ref + "/reassign").then().statusCode(200).body("role", equalTo("lead"));
        assertEquals("CANCELLED", sql.one("select state from assignment where id = ?", first));
        offered(ref, "RC-GUANHAI");
        await().atMost(Duration.ofSeconds(10)).until(() -> HubTestResources.receiver.to("/hooks/PF-HAIYUN").stream()
                .anyMatch(r -> "assignment.cancelled".equals(r.header("X-Hub-Event")) && r.bodyText().contains(ref)));
    }

    @Test
    void shouldReofferWhenNobodyAcceptsInTimeAndFinallyEscalate() {
        String ref = report("test-quick", "HY-GARDEN", "快速超时测试一");
        offered(ref, "PF-HAIYUN");
        await().atMost(Duration.ofSeconds(15)).until(() -> !assignments(ref, "PF-HAIYUN", "EXPIRED").isEmpty());
        offered(ref, "RC-GUANHAI");
        await().atMost(Duration.ofSeconds(15)).until(() -> "TRIAGE".equals(ticketStatus(ref)));
        assertEquals(List.of("DEADLINE_WARNING", "EXPIRED", "DISPATCHED", "DEADLINE_WARNING", "EXPIRED", "ESCALATED"),
                sql.column("select e.kind from timeline_event e join ticket t on t.id = e.ticket_id"
                        + " where t.reference = ? and e.kind in ('DEADLINE_WARNING', 'EXPIRED', 'DISPATCHED',"
                        + " 'ESCALATED') and e.id > (select min(id) from timeline_event where ticket_id = t.id"
                        + " and kind = 'DISPATCHED') order by e.id", ref),
                "a warning before each expiry");
        assertEquals(1, assignments(ref, "RC-GUANHAI", "EXPIRED").size());
        assertEquals("no partner or volunteer left for test-quick at HY-GARDEN",
                sql.one("select triage_reason from ticket where reference = ?", ref));
        assertEquals(2L, sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'EXPIRED'", ref), "each expiry handled once");
    }

    @Test
    void shouldWarnBeforeEachDeadlineAndMarkOverdueOnceWhenResolveByPasses() {
        String ref = report("test-clock", "HY-GARDEN", "时限测试：楼道漏水");
        long id = offered(ref, "PF-HAIYUN");
        haiyun(id, "accept", null).statusCode(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> sql.one("select overdue_at from assignment where id = ?",
                id) != null);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> sql.count("select count(*)"
                + " from timeline_event e join ticket t on t.id = e.ticket_id where t.reference = ?"
                + " and e.kind = 'OVERDUE'", ref) == 1);
        List<Object> kinds = sql.column("select e.kind from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind in ('DEADLINE_WARNING', 'OVERDUE') order by e.id", ref);
        assertEquals(List.of("DEADLINE_WARNING", "OVERDUE"), kinds, "each fires once");
        await().atMost(Duration.ofSeconds(10)).until(() -> HubTestResources.receiver.to("/hooks/PF-HAIYUN").stream()
                .filter(r -> r.bodyText().contains(ref)).map(r -> r.header("X-Hub-Event")).toList()
                .containsAll(List.of("assignment.deadline-warning", "assignment.overdue")));
        haiyun(id, "resolve", "{\"note\":\"已修好\"}").statusCode(200);
    }

    @Test
    void shouldDeliverOffersToAQueuePartnerOnItsOwnQueue() {
        String ref = report("property-repair", "TEST-QUEUE-COURT", "楼道声控灯坏了");
        String body = await().atMost(Duration.ofSeconds(15)).until(
                () -> consumer.receiveBody("jms:queue:hub.partner.PF-QUEUE", 500, String.class),
                b -> b != null && b.contains(ref));
        assertTrue(body.contains("\"event\":\"assignment.offered\""), body);
    }

    @Test
    void shouldOfferVolunteersNearestFirstAndTakeTurnsAmongEquals() {
        // both volunteers start with no open work (other tests offer V-T1 errands and shopping); which of the two
        // equals comes first depends on whom those tests offered last, so the turns are checked from the first
        sql.update("update assignment set state = 'CANCELLED', closed_reason = 'test: a fresh start'"
                + " where state in ('OFFERED', 'ACCEPTED', 'IN_PROGRESS') and volunteer_id in"
                + " (select id from volunteer where code in ('V-T1', 'V-T2'))");
        String first = report("test-errand", "TEST-VOL-COURT", "跑腿测试：帮忙买药");
        await().atMost(Duration.ofSeconds(15)).until(() -> !assignments(first, "V-T1", "OFFERED").isEmpty()
                || !assignments(first, "V-T2", "OFFERED").isEmpty());
        String one = assignments(first, "V-T1", "OFFERED").isEmpty() ? "V-T2" : "V-T1";
        String other = one.equals("V-T1") ? "V-T2" : "V-T1";
        String reason = (String) sql.one("select a.reason from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ?", first);
        assertEquals("compound TEST-VOL-COURT → volunteer " + one + " by catalog test-errand (same grid; skills"
                + " test-skill; open load 0)", reason);
        staffJson("supervisor").body("{\"partner\":\"RC-DAXUE\"}").post("/api/v1/tickets/" + first + "/reassign").then()
                .statusCode(200);

        String second = report("test-errand", "TEST-VOL-COURT", "跑腿测试：帮忙取快递");
        offered(second, other);
        String third = report("test-errand", "TEST-VOL-COURT", "跑腿测试：帮忙买菜");
        offered(third, one);
        String fourth = report("test-errand", "TEST-VOL-COURT", "跑腿测试：帮忙交电费");
        offered(fourth, other);
        assertEquals(0L, sql.count("select count(*) from assignment a join volunteer v on v.id = a.volunteer_id"
                + " where v.code in ('V-T3', 'V-T4', 'V-T5')"), "off duty, unavailable and far away are not offered");
    }

    @Test
    void shouldSendAnExpiredOfferOnAnUnclassifiedTicketToTheSupervisorsWithoutStoppingTheSweep() {
        // an offer made by hand on a ticket nobody classified: when it expires there is no rule to pick the next party
        String reference = "9" + (System.nanoTime() % 100_000_000L);
        sql.update("insert into ticket (reference, channel, description, priority, status)"
                + " values (?, 'OPERATOR', 'unclassified, offered by hand', 'normal', 'DISPATCHED')", reference);
        sql.update("insert into assignment (ticket_id, partner_id, role, state, reason, offered_at, accept_by,"
                + " resolve_by, accept_warn_at, resolve_warn_at)"
                + " select t.id, p.id, 'lead', 'OFFERED', 'by hand', now() - interval '2 hours',"
                + " now() - interval '1 hour', now() + interval '1 day', now() - interval '70 minutes',"
                + " now() + interval '20 hours' from ticket t, partner p where t.reference = ? and p.code = 'PF-HAIYUN'",
                reference);
        await().atMost(Duration.ofSeconds(30)).until(() -> "TRIAGE".equals(sql.one(
                "select status from ticket where reference = ?", reference)));
        assertEquals("EXPIRED", sql.one("select a.state from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ?", reference));
        assertEquals(1L, sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'ESCALATED'", reference));
        // and the sweep goes on for everyone else
        String ref = report("test-quick", "HY-GARDEN", "未分类超时之后的快速超时测试");
        offered(ref, "PF-HAIYUN");
        await().atMost(Duration.ofSeconds(30)).until(() -> !assignments(ref, "PF-HAIYUN", "EXPIRED").isEmpty());
    }
}
