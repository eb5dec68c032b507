package org.hotlinehub.connectors.twilio;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hotlinehub.testsupport.Sessions.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sandbox;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioSms;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Without an account SID the hub has no Twilio credentials: outbound texts are recorded, listed as not sent and never
 * reach the API. The auth token is kept, so the signed webhook still works (the way the README tries it locally).
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
@TestProfile(Sandbox.class)
class TwilioSandboxTest {

    @Inject
    Sql sql;

    @Test
    void shouldRecordTextsAsNotSentWhenThereAreNoCredentials() {
        String resident = "+86" + Reports.uniquePhone();
        String ref = TwilioSms.referenceIn(TwilioSms.text(resident, "家里卫生间漏水了"));
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from outbound_message where"
                + " to_phone = ? and status = 'SANDBOX'", resident) == 1);

        List<Map<String, Object>> listed = operator()
                .queryParam("status", "sandbox").get("/api/v1/outbound-messages")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.to == '" + resident + "' }");
        assertEquals(1, listed.size());
        Map<String, Object> m = listed.get(0);
        assertEquals("工单" + ref + "已受理。请问是在哪个小区或地址？直接回复即可。", m.get("body"));
        assertEquals(false, m.get("sent"));
        assertEquals("clarification", m.get("purpose"));
        assertEquals(ref, m.get("ticketReference"));
        assertEquals("sandbox mode: no Twilio credentials, recorded and not sent", m.get("lastError"));
        assertEquals(0, TwilioApiStub.sentTo(resident).size(), "nothing reached the Twilio API");

        operator().queryParam("status", "lost")
                .get("/api/v1/outbound-messages").then().statusCode(400)
                .body("error.status", equalTo(400)).body("error.code", equalTo("bad_request"))
                .body("error.message", equalTo(
                        "unknown status 'lost'; use one of [pending, sent, sandbox, blocked, failed]"));
        operator().queryParam("limit", 0)
                .get("/api/v1/outbound-messages").then().statusCode(400)
                .body("error.code", equalTo("bad_request"));
    }
}
