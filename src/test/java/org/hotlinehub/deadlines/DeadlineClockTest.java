package org.hotlinehub.deadlines;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hotlinehub.testsupport.Sessions.partnerJson;
import static org.hotlinehub.testsupport.Sessions.staffJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.MovableClock;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The two clocks of an assignment with a clock the test moves: warnings, expiry and re-offer, the supervisors' queue,
 * overdue escalation, pause and resume, business hours and raised priority. The real sweep route does the work; the
 * test only moves time and waits for the rows.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class DeadlineClockTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // generous: every clock jump makes the whole test database due at once, and the sweep claims oldest first
    static final Duration SWEEPS = Duration.ofSeconds(60);

    @Inject
    Sql sql;
    @Inject
    MovableClock clock;

    static String report(String category, String compound, String description, String phone) {
        return Reports.fileJson(category, description, phone, compound, null);
    }

    long offered(String reference, String assignee) {
        await().atMost(SWEEPS).until(() -> !assignments(reference, assignee, "OFFERED").isEmpty());
        return ((Number) assignments(reference, assignee, "OFFERED").get(0)).longValue();
    }

    List<Object> assignments(String reference, String assignee, String state) {
        return sql.column("select a.id from assignment a join ticket t on t.id = a.ticket_id"
                + " left join partner p on p.id = a.partner_id left join volunteer v on v.id = a.volunteer_id"
                + " where t.reference = ? and coalesce(p.code, v.code) = ? and a.state = ? order by a.id",
                reference, assignee, state);
    }

    long events(String reference, String kind) {
        return sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = ?", reference, kind);
    }

    Instant at(String column, long assignment) {
        Object value = sql.one("select " + column + " from assignment where id = ?", assignment);
        return value == null ? null : ((java.sql.Timestamp) value).toInstant();
    }

    /** Waits a few sweeps to show that nothing more happens. */
    void quietFor(Duration d, String reference, String kind, long expected) {
        await().during(d).atMost(d.plusSeconds(5)).until(() -> events(reference, kind) == expected);
    }

    @Test
    void shouldWarnThenExpireAndReofferAndFinallyQueueForSupervisorsOnceEach() {
        String ref = report("test-deadline", "HY-GARDEN", "时钟推进测试：单元门禁坏了", Reports.uniquePhone());
        long first = offered(ref, "PF-HAIYUN");
        Instant offeredAt = at("offered_at", first);
        assertEquals(offeredAt.plus(Duration.ofHours(1)), at("accept_by", first), "accept-by from the catalog");
        assertEquals(offeredAt.plus(Duration.ofHours(24)), at("resolve_by", first));
        assertEquals(offeredAt.plus(Duration.ofMinutes(48)), at("accept_warn_at", first), "warn at 80 %");

        clock.advance(Duration.ofMinutes(49));
        await().atMost(SWEEPS).until(() -> events(ref, "DEADLINE_WARNING") == 1);
        await().atMost(SWEEPS).until(() -> HubTestResources.receiver.to("/hooks/PF-HAIYUN").stream()
                .anyMatch(r -> "assignment.deadline-warning".equals(r.header("X-Hub-Event"))
                        && r.bodyText().contains(ref)));
        assertEquals(0, events(ref, "EXPIRED"), "warned, not yet expired");

        clock.advance(Duration.ofMinutes(12));
        await().atMost(SWEEPS).until(() -> assignments(ref, "PF-HAIYUN", "EXPIRED").size() == 1);
        long second = offered(ref, "RC-GUANHAI");
        assertEquals(at("offered_at", second).plus(Duration.ofHours(1)), at("accept_by", second),
                "the next party gets a fresh clock");

        clock.advance(Duration.ofMinutes(61));
        await().atMost(SWEEPS).until(() -> "TRIAGE".equals(sql.one("select status from ticket where reference = ?",
                ref)));
        quietFor(Duration.ofSeconds(2), ref, "EXPIRED", 2);
        assertEquals(2, events(ref, "DEADLINE_WARNING"), "one warning per offer");
        assertEquals(1, events(ref, "ESCALATED"));
        await().atMost(SWEEPS).until(() -> sql.count("select count(*) from outbound_message where purpose ="
                + " 'supervisor-alert' and ticket_reference = ? and to_phone = '+8613800009999'", ref) == 1);
    }

    @Test
    void shouldMarkOverdueAndEscalateOnceWhenResolveByPasses() {
        String ref = report("test-deadline", "HY-GARDEN", "时钟推进测试：楼道灯不亮", Reports.uniquePhone());
        long id = offered(ref, "PF-HAIYUN");
        partnerJson("PF-HAIYUN").post("/partner-api/v1/assignments/" + id + "/accept").then().statusCode(200);
        clock.advance(Duration.ofHours(20));
        await().atMost(SWEEPS).until(() -> at("resolve_warned_at", id) != null);
        assertNull(at("overdue_at", id));
        clock.advance(Duration.ofHours(5));
        await().atMost(SWEEPS).until(() -> at("overdue_at", id) != null);
        quietFor(Duration.ofSeconds(2), ref, "OVERDUE", 1);
        assertEquals(1, events(ref, "ESCALATED"), "the supervisors follow up (督办)");
        assertEquals(1, sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'DEADLINE_WARNING' and e.detail like '%must resolve%'", ref));
        await().atMost(SWEEPS).until(() -> sql.count("select count(*) from outbound_message where purpose ="
                + " 'supervisor-alert' and ticket_reference = ? and body like '%超期%'", ref) == 1);
        staffJson("operator").get("/api/v1/deadlines?watch=overdue").then().statusCode(200)
                .body("find { it.assignmentId == " + id + " }.ticketReference", equalTo(ref));
        await().atMost(SWEEPS).until(() -> HubTestResources.receiver.to("/hooks/PF-HAIYUN").stream()
                .anyMatch(r -> "assignment.overdue".equals(r.header("X-Hub-Event")) && r.bodyText().contains(ref)));
    }

    @Test
    void shouldNotCountPausedTimeAndMoveTheDeadlinesOnResume() {
        String ref = report("test-deadline", "HY-GARDEN", "时钟推进测试：等居民回家", Reports.uniquePhone());
        long id = offered(ref, "PF-HAIYUN");
        partnerJson("PF-HAIYUN").body("{\"reason\":\"居民外出\"}").post("/partner-api/v1/assignments/" + id + "/pause")
                .then()
                .statusCode(409).body("error.message", containsString("only accepted work can be paused"));
        partnerJson("PF-HAIYUN").post("/partner-api/v1/assignments/" + id + "/accept").then().statusCode(200);
        partnerJson("PF-HAIYUN").body("{}").post("/partner-api/v1/assignments/" + id + "/pause").then().statusCode(400);
        partnerJson("RC-GUANHAI").body("{\"reason\":\"x\"}").post("/partner-api/v1/assignments/" + id + "/pause").then()
                .statusCode(404);
        Instant resolveBy = at("resolve_by", id);
        partnerJson("PF-HAIYUN").body("{\"reason\":\"居民外出，约定后天上门\"}")
                .post("/partner-api/v1/assignments/" + id + "/pause")
                .then().statusCode(200).body("pausedAt", notNullValue());
        staffJson("operator").get("/api/v1/deadlines?watch=paused").then().statusCode(200)
                .body("find { it.assignmentId == " + id + " }.pauseReason", equalTo("居民外出，约定后天上门"));

        clock.advance(Duration.ofHours(30));
        quietFor(Duration.ofSeconds(2), ref, "OVERDUE", 0);
        assertEquals(0, events(ref, "DEADLINE_WARNING"), "a paused clock does not warn either");

        partnerJson("PF-HAIYUN").post("/partner-api/v1/assignments/" + id + "/resume").then().statusCode(200);
        Instant moved = at("resolve_by", id);
        long pausedSeconds = ((Number) sql.one("select paused_s from assignment where id = ?", id)).longValue();
        assertEquals(Duration.ofHours(30).toSeconds(), pausedSeconds, 60.0, "30 hours moved plus the test's own time");
        assertEquals(Duration.between(resolveBy, moved).toSeconds(), pausedSeconds, 2.0,
                "resolve-by moves on by the paused time");
        assertEquals(1, events(ref, "PAUSED"));
        assertEquals(1, events(ref, "RESUMED"));
        clock.advance(Duration.ofHours(25));
        await().atMost(SWEEPS).until(() -> at("overdue_at", id) != null);
    }

    @Test
    void shouldLetStaffPauseAnOfferSoItDoesNotExpire() {
        String ref = report("test-deadline", "HY-GARDEN", "时钟推进测试：先联系居民", Reports.uniquePhone());
        long id = offered(ref, "PF-HAIYUN");
        given().contentType("application/json").body("{\"reason\":\"x\"}").post("/api/v1/assignments/" + id + "/pause")
                .then().statusCode(401);
        staffJson("operator").body("{\"reason\":\"电话联系居民核实地址\"}").post("/api/v1/assignments/" + id + "/pause").then()
                .statusCode(200);
        clock.advance(Duration.ofHours(2));
        quietFor(Duration.ofSeconds(2), ref, "EXPIRED", 0);
        staffJson("operator").post("/api/v1/assignments/" + id + "/resume").then().statusCode(200)
                .body("state", equalTo("OFFERED"));
        Instant acceptBy = at("accept_by", id);
        assertEquals(Duration.ofHours(1).toSeconds(),
                Duration.between(at("offered_at", id), acceptBy).toSeconds()
                        - ((Number) sql.one("select paused_s from assignment where id = ?", id)).longValue(),
                2.0, "the accept window keeps its hour, the pause added on top");
    }

    @Test
    void shouldCountOnlyBusinessHoursForAPartnerTypeWithACalendar() {
        Instant friday = clock.instant().plus(Duration.ofDays(1)).atZone(SHANGHAI)
                .with(TemporalAdjusters.next(DayOfWeek.FRIDAY)).with(LocalTime.of(16, 30)).toInstant();
        clock.moveTo(friday);
        String ref = report("test-mediation", "TEST-CLOCK-COURT", "工作时间测试：邻里噪音纠纷", Reports.uniquePhone());
        long id = offered(ref, "MED-TEST");
        Instant offeredAt = at("offered_at", id);
        var monday = offeredAt.atZone(SHANGHAI).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).toLocalDate();
        // 2 working hours from Friday ~16:30: one hour on Friday until 17:30, the rest from Monday 08:30
        Duration fridayLeft = Duration.between(offeredAt, offeredAt.atZone(SHANGHAI).with(LocalTime.of(17, 30))
                .toInstant());
        Instant mondayOpen = monday.atTime(8, 30).atZone(SHANGHAI).toInstant();
        assertEquals(mondayOpen.plus(Duration.ofHours(2).minus(fridayLeft)), at("accept_by", id));
        assertEquals(mondayOpen.plus(Duration.ofHours(4).minus(fridayLeft)), at("resolve_by", id));
        // the offer's webhook keeps the partner's own give-up time (read with the dispatch rule's choice, as its type)
        double giveUpAfter = ((Number) sql.one("select extract(epoch from o.give_up_at - a.offered_at) from outbox o"
                + " join assignment a on a.id = o.assignment_id where a.id = ? and o.topic = 'assignment.offered'",
                id)).doubleValue();
        assertEquals(Duration.ofHours(36).toSeconds(), giveUpAfter, 5.0, "MED-TEST's give-up-after, not the hub's");
        clock.advance(Duration.ofHours(6));
        quietFor(Duration.ofSeconds(2), ref, "EXPIRED", 0);
        assertEquals(0, events(ref, "DEADLINE_WARNING"), "the weekend does not count");
    }

    @Test
    void shouldHalveTheWindowsAndRunAroundTheClockForARaisedPriority() {
        // 王大爷 lives alone (elderly-alone): his normal request becomes urgent; urgent clocks ignore business hours
        String ref = report("test-mediation", "TEST-CLOCK-COURT", "工作时间测试：楼上漏水", "13900000002");
        long id = offered(ref, "MED-TEST");
        assertEquals("urgent", sql.one("select priority from ticket where reference = ?", ref));
        Instant offeredAt = at("offered_at", id);
        assertEquals(offeredAt.plus(Duration.ofHours(1)), at("accept_by", id));
        assertEquals(offeredAt.plus(Duration.ofHours(2)), at("resolve_by", id));
    }
}
