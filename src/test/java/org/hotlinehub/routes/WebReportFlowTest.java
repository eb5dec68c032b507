package org.hotlinehub.routes;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hotlinehub.testsupport.Sessions.partner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.PartnerReceiver;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The whole web path: form → durable intake → ticket → dispatch → signed webhook → partner accepts → status page. */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class WebReportFlowTest {

    @Inject
    Sql sql;
    @Inject
    ObjectMapper json;

    @Test
    void shouldDeliverSignedOfferAndRecordAcceptanceWhenResidentReportsThroughForm() throws Exception {
        String phone = Reports.uniquePhone();
        String html = Reports.post(Reports.formToken(), "property-repair", "3号楼电梯坏了，老人下不了楼", phone,
                "HY-GARDEN", "海韵花园3号楼").then().statusCode(200).extract().asString();
        String reference = Reports.referenceIn(html);
        assertTrue(reference.matches("\\d{9}"), reference);

        PartnerReceiver receiver = HubTestResources.receiver;
        PartnerReceiver.Received offer = await().atMost(Duration.ofSeconds(20)).until(
                () -> receiver.to("/hooks/PF-HAIYUN").stream().filter(r -> r.bodyText().contains(reference))
                        .findFirst().orElse(null),
                r -> r != null);

        assertEquals("assignment.offered", offer.header("X-Hub-Event"));
        assertEquals(hmac("test-secret-PF-HAIYUN", offer.body()), offer.header("X-Hub-Signature-256"));
        assertTrue(offer.header("Content-Type").startsWith("application/json"));
        JsonNode body = json.readTree(offer.body());
        JsonNode assignment = body.get("assignment");
        long assignmentId = assignment.get("id").asLong();
        assertEquals("asg-" + assignmentId + "-assignment.offered", offer.header("Idempotency-Key"));
        assertEquals("OFFERED", assignment.get("state").asText());
        assertEquals("property-repair", assignment.at("/ticket/categoryCode").asText());
        assertEquals("HY-GARDEN 海韵花园", assignment.at("/ticket/location/compound").asText());
        assertEquals("SN-01-03-G07 观海路社区第七网格", assignment.at("/ticket/location/grid").asText());
        assertEquals("+86" + phone.substring(0, 3) + "****" + phone.substring(7),
                assignment.at("/ticket/resident/phone").asText(), "the partner sees a masked phone");
        assertEquals("compound HY-GARDEN → property firm PF-HAIYUN by catalog property-repair",
                assignment.get("reason").asText());
        assertEquals("http://hub.test/partner-api/v1/assignments/" + assignmentId + "/accept",
                assignment.at("/links/accept").asText());

        partner("PF-HAIYUN")
                .post("/partner-api/v1/assignments/" + assignmentId + "/accept")
                .then().statusCode(200).body("state", equalTo("ACCEPTED"));
        partner("PF-HAIYUN")
                .post("/partner-api/v1/assignments/" + assignmentId + "/accept")
                .then().statusCode(200).body("state", equalTo("ACCEPTED"));

        assertEquals("ACCEPTED", sql.one("select status from ticket where reference = ?", reference));
        List<Object> kinds = sql.column("select e.kind from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? order by e.id", reference);
        // the offer delivered, accepted (twice: once on the timeline), and the acceptance's follow-up delivered
        await().atMost(Duration.ofSeconds(5)).until(() -> sql.count("select count(*) from timeline_event e join ticket"
                + " t on t.id = e.ticket_id where t.reference = ? and e.kind = 'DELIVERED'", reference) == 2);
        kinds = sql.column("select e.kind from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? order by e.id", reference);
        assertEquals(List.of("RECEIVED", "CLASSIFIED", "LOCATED", "DISPATCHED", "DELIVERED", "ACCEPTED", "DELIVERED"),
                kinds);
        assertEquals(1L, sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'DELIVERED' and e.detail like 'assignment.accepted delivered"
                + " to PF-HAIYUN by webhook%'", reference));

        given().queryParam("reference", reference).queryParam("phone", phone).get("/status")
                .then().statusCode(200).body(containsString("承办单位已签收"));
        given().queryParam("reference", reference).queryParam("phone", "13000000000").get("/status")
                .then().statusCode(404).body(containsString("没有找到该编号"));
    }

    @Test
    void shouldRouteToResidentsCommitteeWithReasonWhenCompoundHasNoPropertyFirm() {
        String phone = Reports.uniquePhone();
        String reference = Reports.fileJson(null, "院里下水道堵了，污水漫出来", phone, null, "观海里院2号门");

        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count(
                "select count(*) from assignment a join ticket t on t.id = a.ticket_id where t.reference = ?",
                reference) == 1);
        Object reason = sql.one("select a.reason from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ?", reference);
        assertTrue(String.valueOf(reason).startsWith("compound GH-COURT → "), String.valueOf(reason));
        Number decisionMicros = (Number) sql.one("select a.decision_us from assignment a join ticket t"
                + " on t.id = a.ticket_id where t.reference = ?", reference);
        assertTrue(decisionMicros != null && decisionMicros.intValue() > 0, "decision time recorded");
        assertEquals("GH-COURT", sql.one("select p.code from ticket t join place p on p.id = t.place_id"
                + " where t.reference = ?", reference));
    }

    @Test
    void shouldPutTicketInTriageWhenNothingLocatesIt() {
        String reference = Reports.fileJson(null, "家里电梯坏了，请派人来看看", Reports.uniquePhone(), null, "某个不知道的地方");

        await().atMost(Duration.ofSeconds(20)).until(
                () -> sql.count("select count(*) from ticket where reference = ?", reference) == 1);
        assertEquals("TRIAGE", sql.one("select status from ticket where reference = ?", reference));
        assertEquals("the address matches no known place",
                sql.one("select triage_reason from ticket where reference = ?", reference));
        assertEquals(0L, sql.count("select count(*) from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ?", reference));
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
