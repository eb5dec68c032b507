package org.hotlinehub.connectors.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hotlinehub.testsupport.Sessions.staffJson;
import static org.hotlinehub.testsupport.Tickets.assignment;
import static org.hotlinehub.testsupport.Tickets.auditDetails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.Tickets;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The supervisors' and operators' decisions through the REST API each leave one audit entry: who (the signed-in
 * user), what (the action and the assignment or appeal), when, why (the note or reason) and from where; the audit page
 * filters them by action.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class CaseworkDecisionsAuditTest {

    @Inject
    Sql sql;

    @Test
    void shouldAuditARulingOnAReturnWithItsNote() {
        String reference = Tickets.dispatched(sql, "楼道水管漏水 audit " + System.nanoTime(), "HY-GARDEN");
        long id = assignment(sql, reference, "PF-HAIYUN");
        Tickets.returned(id, "PF-HAIYUN");
        staffJson("operator").body("{\"decision\":\"overrule\",\"note\":\"x\"}")
                .post("/api/v1/assignments/" + id + "/ruling").then().statusCode(403);
        assertEquals(List.of(), auditDetails(sql, "operator", "ticket.ruling", reference), "refused: not audited");

        staffJson("supervisor").body("{\"decision\":\"overrule\",\"note\":\"水管在小区红线内\"}")
                .post("/api/v1/assignments/" + id + "/ruling").then().statusCode(200)
                .body("state", equalTo("ACCEPTED"));
        assertEquals(List.of("return of assignment " + id + " overruled, sent back: 水管在小区红线内"),
                auditDetails(sql, "supervisor", "ticket.ruling", reference));
        assertNotNull(sql.one("select client from audit_log where action = 'ticket.ruling' and target = ?", reference),
                "where the decision came from");
        // refused (already ruled on): nothing more in the log
        staffJson("supervisor").body("{\"decision\":\"overrule\"}").post("/api/v1/assignments/" + id + "/ruling")
                .then().statusCode(409);
        assertEquals(1, auditDetails(sql, "supervisor", "ticket.ruling", reference).size());
    }

    @Test
    void shouldAuditSupportingPartiesAndClockPausesWithTheirReasons() {
        String reference = Tickets.dispatched(sql, "电梯坏了 audit " + System.nanoTime(), "HY-GARDEN");
        long lead = assignment(sql, reference, "PF-HAIYUN");
        int support = staffJson("operator").body("{\"partner\":\"RC-GUANHAI\",\"note\":\"需要居委会协调\"}")
                .post("/api/v1/tickets/" + reference + "/supporting").then().statusCode(200)
                .body("role", equalTo("support")).extract().path("id");
        assertEquals(List.of("supporting party RC-GUANHAI added: 需要居委会协调"),
                auditDetails(sql, "operator", "ticket.support-add", reference));

        staffJson("operator").body("{}").post("/api/v1/tickets/" + reference + "/supporting/" + lead + "/remove")
                .then().statusCode(409).body("error.message", containsString("is the lead"));
        staffJson("operator").body("{\"note\":\"居委会说不需要\"}")
                .post("/api/v1/tickets/" + reference + "/supporting/" + support + "/remove").then().statusCode(200)
                .body("state", equalTo("CANCELLED"));
        assertEquals(List.of("supporting assignment " + support + " withdrawn: 居委会说不需要"),
                auditDetails(sql, "operator", "ticket.support-remove", reference));
        assertEquals(1L, Tickets.timeline(sql, reference, "SUPPORT_REMOVED", "staff:operator"));

        staffJson("operator").body("{}").post("/api/v1/assignments/" + lead + "/pause").then().statusCode(400)
                .body("error.message", containsString("reason"));
        staffJson("operator").body("{\"reason\":\"居民出差，周六上门\"}").post("/api/v1/assignments/" + lead + "/pause")
                .then().statusCode(200);
        staffJson("supervisor").body("{\"reason\":\"居民已回家\"}").post("/api/v1/assignments/" + lead + "/resume")
                .then().statusCode(200);
        assertEquals(List.of("clocks of assignment " + lead + " paused: 居民出差，周六上门"),
                auditDetails(sql, "operator", "ticket.pause", reference));
        assertEquals(List.of("clocks of assignment " + lead + " resumed: 居民已回家"),
                auditDetails(sql, "supervisor", "ticket.resume", reference));
        assertTrue(((String) sql.one("select e.detail from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'RESUMED'", reference)).endsWith(": 居民已回家"),
                "the resume's reason is on the timeline too");
    }

    @Test
    void shouldAuditAnAppealDecisionOnce() {
        String reference = Tickets.dispatched(sql, "下水道堵了 audit " + System.nanoTime(), "HY-GARDEN");
        long appeal = Tickets.appealPending(sql, assignment(sql, reference, "PF-HAIYUN"), "PF-HAIYUN",
                "居民不满意的是物业费");
        staffJson("operator").body("{\"decision\":\"uphold\"}").post("/api/v1/appeals/" + appeal + "/decision")
                .then().statusCode(403);
        staffJson("supervisor").body("{\"decision\":\"uphold\",\"note\":\"核实属实\"}")
                .post("/api/v1/appeals/" + appeal + "/decision").then().statusCode(200)
                .body("status", equalTo("UPHELD"));
        staffJson("supervisor").body("{\"decision\":\"uphold\"}").post("/api/v1/appeals/" + appeal + "/decision")
                .then().statusCode(200);
        assertEquals(List.of("appeal " + appeal + " of PF-HAIYUN upheld: 核实属实"),
                auditDetails(sql, "supervisor", "ticket.appeal-decision", reference),
                "deciding again the same way changes nothing and is not logged twice");
    }

    @Test
    void shouldFilterTheAuditPageByAction() {
        String reference = Tickets.dispatched(sql, "门禁坏了 audit " + System.nanoTime(), "HY-GARDEN");
        long lead = assignment(sql, reference, "PF-HAIYUN");
        staffJson("operator").body("{\"reason\":\"等居民回电\"}").post("/api/v1/assignments/" + lead + "/pause").then()
                .statusCode(200);
        String page = Sessions.console("admin").get("/console/admin/audit?action=ticket.pause&target=" + reference)
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("等居民回电") && page.contains("暂停计时"), page);
        String other = Sessions.console("admin").get("/console/admin/audit?action=ticket.ruling&target=" + reference)
                .then().statusCode(200).extract().asString();
        assertTrue(!other.contains("等居民回电"), "another action's entries are filtered out");
    }
}
