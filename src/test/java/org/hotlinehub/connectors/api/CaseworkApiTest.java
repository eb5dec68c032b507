package org.hotlinehub.connectors.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hotlinehub.testsupport.Sessions.basic;
import static org.hotlinehub.testsupport.Sessions.operator;
import static org.hotlinehub.testsupport.Tickets.audits;
import static org.hotlinehub.testsupport.Tickets.status;
import static org.hotlinehub.testsupport.Tickets.timeline;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.Tickets;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The operators' actions through the REST API: each is on the ticket's timeline and in the audit log with the
 * operator's name, refused with 409 when the ticket's state does not allow it, and closed to callers without the
 * operator role.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class CaseworkApiTest {

    @Inject
    Sql sql;

    @Test
    void shouldFileATicketForACallerThroughIntakeOnceForOneKey() {
        String phone = Reports.uniquePhone();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("phone", phone, "name", "来电居民", "description",
                "来电反映楼道路灯不亮 " + System.nanoTime(), "category", "property-repair", "place", "HY-GARDEN");
        String reference = operator().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/tickets").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.matchesPattern(".*/api/v1/tickets/\\d{9}"))
                .extract().path("reference");
        operator().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/api/v1/tickets")
                .then().statusCode(202).body("reference", equalTo(reference));

        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from assignment a join ticket t"
                + " on t.id = a.ticket_id where t.reference = ?", reference) == 1);
        assertEquals(1L, sql.count("select count(*) from ticket t join resident r on r.id = t.resident_id"
                + " where r.phone = ?", "+86" + phone), "one ticket for the repeated request");
        assertEquals("OPERATOR", sql.one("select channel from ticket where reference = ?", reference));
        assertEquals(1L, timeline(sql, reference, "RECEIVED", "staff:operator"));
        assertEquals(2L, audits(sql, "ticket.create", reference), "both requests are audited");
        operator().get("/api/v1/tickets/" + reference).then().statusCode(200).body("channel", equalTo("OPERATOR"))
                .body("status", equalTo("DISPATCHED")).body("assignments[0].partnerCode", equalTo("PF-HAIYUN"));

        operator().contentType(ContentType.JSON).body(Map.of("phone", "12", "description", "x"))
                .post("/api/v1/tickets").then().statusCode(400).body("error.code", equalTo("bad_request"))
                .body("error.message", startsWith("phone"));
    }

    @Test
    void shouldClassifyAndLocateATriageItemThenDispatchIt() {
        String reference = Tickets.inTriage(sql, "家里电梯坏了，请派人来看看 " + System.nanoTime());
        operator().contentType(ContentType.JSON)
                .body(Map.of("category", "property-repair", "place", "HY-GARDEN", "note", "caller confirmed"))
                .post("/api/v1/tickets/" + reference + "/triage").then().statusCode(200)
                .body("status", equalTo("DISPATCHED")).body("placeCode", equalTo("HY-GARDEN"))
                .body("assignments[0].partnerCode", equalTo("PF-HAIYUN"))
                .body("timeline.kind", hasItems("LOCATED", "DISPATCHED"));
        assertEquals(1L, timeline(sql, reference, "LOCATED", "staff:operator"));
        assertEquals(1L, audits(sql, "ticket.triage", reference));

        operator().contentType(ContentType.JSON).body(Map.of("category", "property-repair", "place", "HY-GARDEN"))
                .post("/api/v1/tickets/" + reference + "/triage").then().statusCode(409)
                .body("error.code", equalTo("illegal_transition"))
                .body("error.message", containsString("only a ticket awaiting triage"));
        assertEquals(1L, audits(sql, "ticket.triage", reference), "a refused action is not audited");
    }

    @Test
    void shouldKeepInternalNotesAndRefuseCallersWithoutTheOperatorRole() {
        String reference = Tickets.dispatched(sql, "电梯坏了 notes " + System.nanoTime(), "HY-GARDEN");
        operator().contentType(ContentType.JSON).body(Map.of("text", "居民耳背，请大声说话"))
                .post("/api/v1/tickets/" + reference + "/notes").then().statusCode(201)
                .body("kind", equalTo("NOTE")).body("actor", equalTo("staff:operator"));
        operator().get("/api/v1/tickets/" + reference + "/notes").then().statusCode(200)
                .body("detail", contains("居民耳背，请大声说话"));
        assertEquals(1L, timeline(sql, reference, "NOTE", "staff:operator"));
        assertEquals(1L, audits(sql, "ticket.note", reference));

        given().contentType(ContentType.JSON).body(Map.of("text", "x")).post("/api/v1/tickets/" + reference + "/notes")
                .then().statusCode(401).body("error.code", equalTo("unauthorized"));
        given().header("X-Api-Key", Sessions.OPEN311_KEY).contentType(ContentType.JSON).body(Map.of("text", "x"))
                .post("/api/v1/tickets/" + reference + "/notes").then().statusCode(403)
                .body("error.code", equalTo("forbidden"));
        basic("test-portal-flaky", "portal-pass-1").contentType(ContentType.JSON)
                .body(Map.of("reason", "x")).post("/api/v1/tickets/" + reference + "/cancel").then()
                .statusCode(403);
        given().header("X-Api-Key", Sessions.OPEN311_KEY).contentType(ContentType.JSON)
                .body(Map.of("phone", "13900000002", "description", "x")).post("/api/v1/tickets").then()
                .statusCode(403);
        operator().contentType(ContentType.JSON).body(Map.of("text", " ")).post("/api/v1/tickets/" + reference
                + "/notes").then().statusCode(400).body("error.message", equalTo("text is required"));
        operator().contentType(ContentType.JSON).body(Map.of("text", "x")).post("/api/v1/tickets/999999999/notes")
                .then().statusCode(404).body("error.code", equalTo("not_found"));
    }

    @Test
    void shouldMessageTheResidentBySmsAndListItInTheDetail() {
        String reference = Tickets.dispatched(sql, "电梯坏了 message " + System.nanoTime(), "HY-GARDEN");
        operator().contentType(ContentType.JSON).header("Idempotency-Key", "m-" + reference)
                .body(Map.of("text", "师傅下午三点上门。")).post("/api/v1/tickets/" + reference + "/messages").then()
                .statusCode(202).body("result", startsWith("SMS queued"));
        operator().contentType(ContentType.JSON).header("Idempotency-Key", "m-" + reference)
                .body(Map.of("text", "师傅下午三点上门。")).post("/api/v1/tickets/" + reference + "/messages").then()
                .statusCode(202);
        assertEquals(1L, sql.count("select count(*) from outbound_message where ticket_reference = ?"
                + " and purpose = 'operator-message'", reference), "the same key sends once");
        operator().get("/api/v1/tickets/" + reference).then().statusCode(200)
                .body("reference", equalTo(reference))
                .body("messages.purpose", hasItem("operator-message"))
                .body("messages.body", hasItem("师傅下午三点上门。"))
                .body("messages[0].channel", equalTo("SMS")).body("messages[0].to", containsString("****"));
        assertEquals(2L, timeline(sql, reference, "MESSAGE_SENT", "staff:operator"));
        assertEquals(2L, audits(sql, "ticket.message", reference));
    }

    /** Two dispatched tickets of one problem, the second merged into the first through the API: primary, duplicate. */
    private String[] mergedThroughTheApi(String words, String note) {
        String primary = Tickets.dispatched(sql, words + " A " + System.nanoTime(), "HY-GARDEN");
        String duplicate = Tickets.dispatched(sql, words + " B " + System.nanoTime(), "HY-GARDEN");
        operator().contentType(ContentType.JSON).body(Map.of("duplicates", List.of(duplicate), "note", note))
                .post("/api/v1/tickets/" + primary + "/merge").then().statusCode(200)
                .body("merged", contains(duplicate));
        return new String[]{primary, duplicate};
    }

    @Test
    void shouldMergeDuplicatesIntoOneIncidentAndTellTheirResidents() {
        String[] pair = mergedThroughTheApi("3号楼电梯坏了 merge", "同一部电梯");
        String primary = pair[0];
        String duplicate = pair[1];
        operator().get("/api/v1/tickets/" + duplicate).then().statusCode(200).body("status", equalTo("MERGED"))
                .body("mergedInto", equalTo(primary)).body("assignments[0].state", equalTo("CANCELLED"))
                .body("messages.purpose", hasItem("merge-notice"));
        assertEquals(primary, sql.one("select p.reference from ticket d join ticket p on p.id = d.merged_into_id"
                + " where d.reference = ?", duplicate));
        assertEquals(2L, timeline(sql, duplicate, "MERGED", "staff:operator"), "its assignment withdrawn, and itself");
        // the merge is the incident link: the primary's timeline counts the duplicate as a reporter
        assertEquals(1L, timeline(sql, primary, "REPORTER_ADDED", "staff:operator"));
        assertEquals(1L, audits(sql, "ticket.merge", primary));
        assertEquals(1L, sql.count("select count(*) from outbound_message where ticket_reference = ?"
                + " and purpose = 'merge-notice' and body like ?", duplicate, "%" + primary + "%"));

        operator().contentType(ContentType.JSON).body(Map.of("duplicates", List.of(duplicate)))
                .post("/api/v1/tickets/" + primary + "/merge").then().statusCode(409)
                .body("error.message", containsString("only an open ticket can be merged"));
        operator().contentType(ContentType.JSON).body(Map.of("duplicates", List.of(primary)))
                .post("/api/v1/tickets/" + primary + "/merge").then().statusCode(400);
        operator().contentType(ContentType.JSON).body(Map.of("note", "居民说还是坏的"))
                .post("/api/v1/tickets/" + duplicate + "/reopen").then().statusCode(409)
                .body("error.message", containsString("merged into another ticket; reopen that one"));
    }

    @Test
    void shouldMergeThroughTheApiAsAReporterOfTheTargetThatUndoTakesOutAgain() {
        String[] pair = mergedThroughTheApi("7号楼停水了 merge link", "同一次停水");
        String primary = pair[0];
        String duplicate = pair[1];
        assertEquals(2, ((Number) sql.one("select reporter_count from ticket where reference = ?", primary))
                .intValue(), "the duplicate counts as a reporter of the target");
        assertEquals(List.of("LINKED", "staff:operator"), List.of(sql.one("select l.state from incident_link l"
                + " join ticket d on d.id = l.reporter_ticket_id join ticket p on p.id = l.incident_id"
                + " where d.reference = ? and p.reference = ?", duplicate, primary), sql.one(
                        "select l.decided_by"
                                + " from incident_link l join ticket d on d.id = l.reporter_ticket_id where d.reference = ?",
                        duplicate)));
        // the holder of the target's offer hears of the new reporter, as for any report joining an incident
        assertEquals(1L, sql.count("select count(*) from outbox o join assignment a on a.id = o.assignment_id"
                + " join ticket t on t.id = a.ticket_id where t.reference = ? and o.topic = 'assignment.reporter-added'",
                primary));
        operator().get("/api/v1/tickets/" + duplicate + "/incident").then().statusCode(200)
                .body("incident", equalTo(primary)).body("reporters", equalTo(2));

        // undo: the duplicate is a ticket of its own again, dispatched; the target counts one reporter
        operator().contentType(ContentType.JSON).post("/api/v1/tickets/" + duplicate + "/incident/unlink").then()
                .statusCode(200);
        assertEquals(1, ((Number) sql.one("select reporter_count from ticket where reference = ?", primary))
                .intValue());
        assertEquals("UNLINKED", sql.one("select l.state from incident_link l join ticket d"
                + " on d.id = l.reporter_ticket_id where d.reference = ?", duplicate));
        assertEquals(null, sql.one("select merged_into_id from ticket where reference = ?", duplicate));
        assertEquals(1L, timeline(sql, duplicate, "UNLINKED", "staff:operator"));

        // only an open ticket is merged into: a resolved target refuses, nothing stored
        String third = Tickets.dispatched(sql, "7号楼停水 merge late " + System.nanoTime(), "HY-GARDEN");
        sql.update("update ticket set status = 'RESOLVED' where reference = ?", primary);
        operator().contentType(ContentType.JSON).body(Map.of("duplicates", List.of(third)))
                .post("/api/v1/tickets/" + primary + "/merge").then().statusCode(409)
                .body("error.message", containsString("merged into an open ticket only"));
        assertEquals("DISPATCHED", status(sql, third));
        operator().contentType(ContentType.JSON).body(Map.of("duplicates", List.of(" ")))
                .post("/api/v1/tickets/" + primary + "/merge").then().statusCode(400)
                .body("error.message", startsWith("duplicates"));
    }

    @Test
    void shouldCancelAndReopenAndRefuseWhatTheStateDoesNotAllow() {
        String reference = Tickets.dispatched(sql, "电梯坏了 cancel " + System.nanoTime(), "HY-GARDEN");
        operator().contentType(ContentType.JSON).body(Map.of("note", "not resolved"))
                .post("/api/v1/tickets/" + reference + "/reopen").then().statusCode(409)
                .body("error.message", containsString("only a resolved, closed or cancelled ticket"));
        operator().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/tickets/" + reference + "/cancel")
                .then().statusCode(400).body("error.message", equalTo("reason is required"));
        operator().contentType(ContentType.JSON).body(Map.of("reason", "居民来电撤回"))
                .post("/api/v1/tickets/" + reference + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("assignments[0].state", equalTo("CANCELLED"));
        assertEquals(2L, timeline(sql, reference, "CANCELLED", "staff:operator"), "the assignment and the ticket");
        assertEquals(1L, audits(sql, "ticket.cancel", reference));
        operator().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/v1/tickets/" + reference + "/cancel").then().statusCode(409)
                .body("error.code", equalTo("illegal_transition"));

        operator().contentType(ContentType.JSON).body(Map.of("note", "居民说电梯还是坏的"))
                .post("/api/v1/tickets/" + reference + "/reopen").then().statusCode(200)
                .body("status", equalTo("REOPENED")).body("assignments[1].partnerCode", equalTo("PF-HAIYUN"))
                .body("assignments[1].state", equalTo("OFFERED"));
        assertEquals(1L, timeline(sql, reference, "REOPENED", "staff:operator"));
        assertEquals(1L, audits(sql, "ticket.reopen", reference));
    }

    @Test
    void shouldReopenACancelledTicketToTheSupervisorsWhenAskedTo() {
        String reference = Tickets.dispatched(sql, "电梯坏了 cancel to supervisor " + System.nanoTime(), "HY-GARDEN");
        operator().contentType(ContentType.JSON).body(Map.of("reason", "居民来电撤回"))
                .post("/api/v1/tickets/" + reference + "/cancel").then().statusCode(200);
        operator().contentType(ContentType.JSON).body(Map.of("to", " supervisor ", "note", "居民又来电"))
                .post("/api/v1/tickets/" + reference + "/reopen").then().statusCode(200)
                .body("status", equalTo("TRIAGE")).body("assignments.size()", equalTo(1));
        assertEquals("reopened: 居民又来电; the supervisors decide who takes it",
                sql.one("select triage_reason from ticket where reference = ?", reference));
        assertEquals(1L, timeline(sql, reference, "REOPENED", "staff:operator"));
        assertEquals(1L, sql.count("select count(*) from audit_log where action = 'ticket.reopen' and target = ?"
                + " and detail like 'reopened (to supervisor)%'", reference));
    }

    @Test
    void shouldAuditADispatchOverride() {
        String reference = Tickets.dispatched(sql, "电梯坏了 reassign " + System.nanoTime(), "HY-GARDEN");
        operator().contentType(ContentType.JSON).body(Map.of("partner", "RC-GUANHAI", "note", "物业联系不上"))
                .post("/api/v1/tickets/" + reference + "/reassign").then().statusCode(200)
                .body("state", equalTo("OFFERED"));
        assertEquals(1L, audits(sql, "ticket.reassign", reference));
        assertEquals(1L, timeline(sql, reference, "REASSIGNED", "staff:operator"));
        assertEquals(status(sql, reference), "DISPATCHED");
    }

    @Test
    void shouldLookUpACallerByPhoneWithTheirTickets() {
        operator().queryParam("phone", "139 0000 0002").get("/api/v1/residents").then().statusCode(200)
                .body("name", equalTo("王大爷")).body("phone", equalTo("+86139****0002"))
                .body("flags", hasItem("elderly-alone")).body("emergencyContacts[0]", containsString("****"))
                .body("tickets", notNullValue());
        operator().queryParam("phone", "13000000000").get("/api/v1/residents").then().statusCode(404);
        basic("test-portal-flaky", "portal-pass-1").queryParam("phone", "13900000002")
                .get("/api/v1/residents").then().statusCode(403);
    }

    @Test
    void shouldDescribeTheActionsInOpenApi() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/tickets'.post.summary", equalTo("File a ticket for a caller"))
                .body("paths.'/api/v1/tickets/{reference}/triage'.post.summary", notNullValue())
                .body("paths.'/api/v1/tickets/{reference}/merge'.post.summary", notNullValue())
                .body("paths.'/api/v1/tickets/{reference}/notes'.get.summary", notNullValue())
                .body("paths.'/api/v1/tickets/{reference}/messages'.post.summary", notNullValue())
                .body("paths.'/api/v1/tickets/{reference}/cancel'.post.summary", notNullValue())
                .body("paths.'/api/v1/tickets/{reference}/reopen'.post.summary", notNullValue());
    }
}
