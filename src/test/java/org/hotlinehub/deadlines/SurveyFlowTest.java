package org.hotlinehub.deadlines;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hotlinehub.testsupport.Sessions.partnerJson;
import static org.hotlinehub.testsupport.Sessions.staffJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.MovableClock;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioSms;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The call-back (回访) after resolution with a moved clock: no answer closes as no reply, "not solved" reopens to the
 * party that resolved it, staff reopen to whom they choose, and appeals against results are filed by the partner and
 * decided by a supervisor.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class SurveyFlowTest {

    @Inject
    Sql sql;
    @Inject
    MovableClock clock;

    /** Files a report, lets PF-HAIYUN accept and resolve it; returns {reference, phone, assignment id}. */
    String[] resolved(String description) {
        String phone = Reports.uniquePhone();
        String ref = DeadlineClockTest.report("test-deadline", "HY-GARDEN", description, phone);
        long id = offered(ref);
        partnerJson("PF-HAIYUN").post("/partner-api/v1/assignments/" + id + "/accept").then()
                .statusCode(200);
        partnerJson("PF-HAIYUN").body("{\"note\":\"已处理\"}").post("/partner-api/v1/assignments/" + id
                + "/resolve").then().statusCode(200);
        assertEquals("RESOLVED", status(ref));
        assertEquals(1, events(ref, "SURVEY_REQUESTED"));
        return new String[]{ref, "+86" + phone, Long.toString(id)};
    }

    long offered(String ref) {
        await().atMost(DeadlineClockTest.SWEEPS).until(() -> sql.count("select count(*) from assignment a join ticket t"
                + " on t.id = a.ticket_id where t.reference = ? and a.state = 'OFFERED'", ref) == 1);
        return ((Number) sql.one("select a.id from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ? and a.state = 'OFFERED'", ref)).longValue();
    }

    String status(String ref) {
        return (String) sql.one("select status from ticket where reference = ?", ref);
    }

    long events(String ref, String kind) {
        return sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = ?", ref, kind);
    }

    List<Object> outcomes(String ref) {
        return sql.column("select s.outcome from survey_answer s join ticket t on t.id = s.ticket_id"
                + " where t.reference = ? order by s.id", ref);
    }

    @Test
    void shouldCloseAsNoReplyWhenNobodyAnswersInTime() {
        String[] t = resolved("时钟推进测试：回访无人接");
        clock.advance(Duration.ofDays(2));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> "RESOLVED".equals(status(t[0])));
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        await().atMost(DeadlineClockTest.SWEEPS).until(() -> "CLOSED".equals(status(t[0])));
        assertEquals("NO_REPLY", sql.one("select survey_outcome from ticket where reference = ?", t[0]));
        assertEquals(List.of("NO_REPLY"), outcomes(t[0]));
        assertEquals(1, events(t[0], "SURVEY_NO_REPLY"));
        assertEquals(Long.parseLong(t[2]), ((Number) sql.one("select s.assignment_id from survey_answer s join ticket"
                + " t on t.id = s.ticket_id where t.reference = ?", t[0])).longValue(), "attributed to the resolver");
    }

    /**
     * The reopened ticket's new offer and its deadlines count from the hub's clock (moved ahead of the machine's by
     * {@code clock.advance}), between {@code before} and {@code after}.
     */
    void assertFreshClocks(String ref, long assignment, Instant before, Instant after) {
        Instant offeredAt = at("select offered_at from assignment where id = ?", assignment);
        assertTrue(!offeredAt.isBefore(before.truncatedTo(ChronoUnit.MICROS)) && !offeredAt.isAfter(after),
                offeredAt + " not within the hub's clock " + before + " .. " + after);
        assertEquals(offeredAt.plus(Duration.ofHours(1)), at("select accept_by from assignment where id = ?",
                assignment), "accept-by from the catalog, counted from the reopening");
        assertEquals(offeredAt.plus(Duration.ofHours(24)), at("select resolve_by from assignment where id = ?",
                assignment));
        Instant reopenedAt = at("select max(e.at) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'REOPENED'", ref);
        assertTrue(!reopenedAt.isBefore(before.truncatedTo(ChronoUnit.MICROS)) && !reopenedAt.isAfter(offeredAt),
                "reopened at " + reopenedAt);
    }

    Instant at(String query, Object parameter) {
        return ((java.sql.Timestamp) sql.one(query, parameter)).toInstant();
    }

    @Test
    void shouldReopenToTheSamePartyWithFreshClocksWhenNotSolved() {
        String[] t = resolved("时钟推进测试：还是漏");
        clock.advance(Duration.ofHours(2));
        Instant before = clock.instant();
        String reply = TwilioSms.text(t[1], "4");
        assertTrue(reply.contains(t[0]), reply);
        await().atMost(DeadlineClockTest.SWEEPS).until(() -> "REOPENED".equals(status(t[0])));
        long again = offered(t[0]);
        assertFreshClocks(t[0], again, before, clock.instant());
        assertEquals(1, sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'REOPENED' and e.actor = 'hub:survey' and e.channel = 'SMS'",
                t[0]), "reopened once, by the survey, on the resident's channel");
        assertTrue(again != Long.parseLong(t[2]), "a new assignment");
        assertEquals("PF-HAIYUN", sql.one("select p.code from assignment a join partner p on p.id = a.partner_id"
                + " where a.id = ?", again), "back to the party that resolved it");
        assertTrue(((String) sql.one("select reason from assignment where id = ?", again)).startsWith(
                "reopened: the resident says the problem is not solved; back to PF-HAIYUN"));
        assertEquals(List.of("NOT_SOLVED"), outcomes(t[0]));
        partnerJson("PF-HAIYUN").post("/partner-api/v1/assignments/" + again + "/accept").then()
                .statusCode(200);
        assertEquals("ACCEPTED", status(t[0]));
    }

    @Test
    void shouldLetSupervisorsReopenAClosedTicketToAPartnerTheyChoose() {
        String[] t = resolved("时钟推进测试：满意后又坏");
        TwilioSms.text(t[1], "1");
        await().atMost(DeadlineClockTest.SWEEPS).until(() -> "CLOSED".equals(status(t[0])));
        staffJson("operator").body("{\"to\":\"next\"}").post("/api/v1/tickets/" + t[0] + "/reopen")
                .then().statusCode(400); // a reopening needs its reason
        staffJson("supervisor").body("{\"to\":\"NO-SUCH\",\"note\":\"x\"}")
                .post("/api/v1/tickets/" + t[0] + "/reopen").then().statusCode(404);
        clock.advance(Duration.ofDays(1));
        Instant before = clock.instant();
        staffJson("supervisor").body("{\"to\":\"RC-GUANHAI\",\"note\":\"居民来电说又坏了\"}")
                .post("/api/v1/tickets/" + t[0] + "/reopen").then().statusCode(200)
                .body("status", equalTo("REOPENED"))
                .body("assignments.partnerCode", hasItem("RC-GUANHAI"));
        Instant after = clock.instant();
        assertFreshClocks(t[0], ((Number) sql.one("select a.id from assignment a join ticket t on t.id = a.ticket_id"
                + " join partner p on p.id = a.partner_id where t.reference = ? and p.code = 'RC-GUANHAI'"
                + " and a.state = 'OFFERED'", t[0])).longValue(), before, after);
        Instant updatedAt = at("select updated_at from ticket where reference = ?", t[0]);
        assertTrue(!updatedAt.isBefore(before.truncatedTo(ChronoUnit.MICROS)),
                "the ticket's change stamped by the hub's clock: " + updatedAt);
        staffJson("supervisor").body("{\"note\":\"again\"}").post("/api/v1/tickets/" + t[0] + "/reopen")
                .then().statusCode(409);
    }

    @Test
    void shouldLetThePartnerAppealAndASupervisorUpholdItOnce() {
        String[] t = resolved("时钟推进测试：居民不满意");
        long id = Long.parseLong(t[2]);
        partnerJson("PF-HAIYUN").body("{\"reason\":\"x\"}").post("/partner-api/v1/assignments/" + id
                + "/appeal").then().statusCode(409);
        TwilioSms.text(t[1], "3");
        await().atMost(DeadlineClockTest.SWEEPS).until(() -> "CLOSED".equals(status(t[0])));

        partnerJson("PF-HAIYUN").body("{}").post("/partner-api/v1/assignments/" + id + "/appeal").then()
                .statusCode(400);
        partnerJson("RC-GUANHAI").body("{\"reason\":\"x\"}").post("/partner-api/v1/assignments/" + id
                + "/appeal").then().statusCode(404);
        String reason = "{\"reason\":\"居民不满意的是物业费，与本次维修无关\"}";
        int appeal = partnerJson("PF-HAIYUN").body(reason).post("/partner-api/v1/assignments/" + id
                + "/appeal").then().statusCode(200).body("status", equalTo("PENDING"))
                .body("outcome", equalTo("DISSATISFIED")).extract().path("id");
        partnerJson("PF-HAIYUN").body(reason).post("/partner-api/v1/assignments/" + id + "/appeal").then()
                .statusCode(200).body("id", equalTo(appeal));

        given().get("/api/v1/appeals").then().statusCode(401);
        staffJson("operator").get("/api/v1/appeals").then().statusCode(403);
        staffJson("supervisor").get("/api/v1/appeals?status=pending").then().statusCode(200)
                .body("id", hasItem(appeal));
        staffJson("supervisor").body("{\"decision\":\"maybe\"}").post("/api/v1/appeals/" + appeal
                + "/decision").then().statusCode(400);
        staffJson("supervisor").body("{\"decision\":\"uphold\",\"note\":\"核实属实\"}")
                .post("/api/v1/appeals/" + appeal + "/decision").then().statusCode(200)
                .body("status", equalTo("UPHELD")).body("decidedBy", equalTo("staff:supervisor"));
        staffJson("supervisor").body("{\"decision\":\"uphold\"}").post("/api/v1/appeals/" + appeal
                + "/decision").then().statusCode(200);
        staffJson("supervisor").body("{\"decision\":\"reject\"}").post("/api/v1/appeals/" + appeal
                + "/decision").then().statusCode(409);
        assertEquals(true, sql.one("select s.excluded from survey_answer s join ticket t on t.id = s.ticket_id"
                + " where t.reference = ?", t[0]));
        assertEquals(true, sql.one("select survey_excluded from ticket where reference = ?", t[0]));
        assertEquals(1, events(t[0], "APPEALED"));
        assertEquals(1, events(t[0], "APPEAL_DECIDED"));
        partnerJson("PF-HAIYUN").get("/partner-api/v1/assignments/" + id + "/appeal").then()
                .statusCode(200).body("status", equalTo("UPHELD")).body("decisionNote", equalTo("核实属实"));
    }

    @Test
    void shouldRefuseAnAppealAfterTheAppealTime() {
        String[] t = resolved("时钟推进测试：过期申诉");
        TwilioSms.text(t[1], "4");
        await().atMost(DeadlineClockTest.SWEEPS).until(() -> "REOPENED".equals(status(t[0])));
        clock.advance(Duration.ofDays(8));
        partnerJson("PF-HAIYUN").body("{\"reason\":\"已修好\"}").post("/partner-api/v1/assignments/" + t[2]
                + "/appeal").then().statusCode(409);
    }
}
