package org.hotlinehub.retention;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hotlinehub.testsupport.Sessions.admin;
import static org.hotlinehub.testsupport.Sessions.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A resident's export and erasure requests, fulfilled by an administrator and audited (docs/retention.md). */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class ResidentDataApiTest {

    static final String DESCRIPTION = "楼道灯坏了，晚上看不见路";

    @Inject
    Sql sql;

    /** Files a report with a phone number of its own, as a resident would; returns its reference. */
    String file(String phone) {
        String reference = Reports.fileJson(null, DESCRIPTION, phone, "HY-GARDEN", null);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sql.count("select count(*) from ticket where reference = ?", reference) == 1);
        return reference;
    }

    @Test
    void anAdministratorExportsThenErasesAResidentsData() {
        String phone = Reports.uniquePhone();
        String reference = file(phone);
        String spaced = "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);
        // the resident also reported an incident with this ticket, and checks in every day
        long resident = ((Number) sql.one("select id from resident where phone = ?", "+86" + phone)).longValue();
        String incident = "97" + phone.substring(phone.length() - 7);
        sql.update("insert into ticket (reference, channel, description, priority, status, created_at, updated_at)"
                + " values (?, 'WEB', '停水了', 'normal', 'CLOSED', now(), now())", incident);
        sql.update("insert into incident_link (incident_id, reporter_ticket_id, state, score, reason, channel,"
                + " resident_id, language, reported_at, decided_by, decided_at) select i.id, t.id, 'LINKED', 0.9,"
                + " 'text 0.90, same place', 'WEB', ?, 'zh', now(), 'hub:incident', now() from ticket i, ticket t"
                + " where i.reference = ? and t.reference = ?", resident, incident, reference);
        sql.update("insert into resident_check_in (resident_id, day, checked_in_at, channel) values"
                + " (?, date '2026-12-01', now(), 'sms')", resident);

        admin().get("/api/v1/admin/residents/" + spaced + "/data").then().statusCode(200)
                .body("resident.phone", equalTo("+86" + phone))
                .body("tickets", hasSize(1))
                .body("tickets[0].reference", equalTo(reference))
                .body("tickets[0].description", equalTo(DESCRIPTION))
                .body("contacts[0].phone", equalTo("+86" + phone))
                .body("timeline.kind", org.hamcrest.Matchers.hasItem("RECEIVED"))
                .body("incidentReports", hasSize(1))
                .body("incidentReports[0].reference", equalTo(reference))
                .body("incidentReports[0].incident", equalTo(incident))
                .body("checkIns", hasSize(1))
                .body("checkIns[0].day", equalTo("2026-12-01"))
                .body("checkIns[0].channel", equalTo("sms"));
        String masked = (String) sql.one("select target from audit_log where action = 'resident.export'"
                + " and actor = 'admin' order by id desc limit 1");
        assertTrue(masked.contains("****") && !masked.contains(phone), masked);

        // the ticket is still open: the partner and the call-back need the resident
        admin().contentType("application/json").body("{\"reason\": \"resident's request of 2026-12-01\"}")
                .post("/api/v1/admin/residents/" + phone + "/erase").then().statusCode(409)
                .body("error.message", containsString(reference));
        sql.update("update ticket set status = 'CANCELLED', updated_at = now() where reference = ?", reference);
        admin().contentType("application/json").body("{}").post("/api/v1/admin/residents/" + phone + "/erase")
                .then().statusCode(400).body("error.message", containsString("reason"));

        admin().contentType("application/json").body("{\"reason\": \"resident's request of 2026-12-01\"}")
                .post("/api/v1/admin/residents/" + phone + "/erase").then().statusCode(200)
                .body("export.tickets[0].description", equalTo(DESCRIPTION))
                .body("erased.tickets", equalTo(1))
                .body("erased.checkIns", equalTo(1))
                .body("erased.resident", equalTo(1));

        assertEquals(0, sql.count("select count(*) from resident where phone = ?", "+86" + phone));
        assertEquals(0, sql.count("select count(*) from resident_check_in where resident_id = ?", resident));
        assertEquals(1, sql.count("select count(*) from incident_link l join ticket t on t.id = l.reporter_ticket_id"
                + " where t.reference = ? and l.resident_id is null", reference));
        assertEquals("", sql.one("select description from ticket where reference = ?", reference));
        assertNotNull(sql.one("select anonymised_at from ticket where reference = ?", reference));
        assertEquals(0, sql.count("select count(*) from inbound_contact where phone = ?", "+86" + phone));
        assertEquals("CANCELLED", sql.one("select status from ticket where reference = ?", reference));
        String detail = (String) sql.one("select detail from audit_log where action = 'resident.erase'"
                + " and actor = 'admin' order by id desc limit 1");
        assertTrue(detail.contains("resident's request of 2026-12-01") && !detail.contains(phone), detail);

        admin().get("/api/v1/admin/residents/" + phone + "/data").then().statusCode(404);
    }

    @Test
    void onlyAnAdministratorMayAndBadInputIsNamed() {
        operator().get("/api/v1/admin/residents/13900000002/data").then().statusCode(403);
        operator().contentType("application/json").body("{\"reason\": \"x\"}")
                .post("/api/v1/admin/residents/13900000002/erase").then().statusCode(403);
        admin().get("/api/v1/admin/residents/not-a-phone/data").then().statusCode(400)
                .body("error.message", containsString("phone"));
        admin().contentType("application/json").body("{\"reason\": \"" + "x".repeat(5000) + "\"}")
                .post("/api/v1/admin/residents/13900000002/erase").then().statusCode(400)
                .body("error.message", containsString("reason"));
        admin().get("/api/v1/admin/residents/13911112222/data").then().statusCode(404);
    }
}
