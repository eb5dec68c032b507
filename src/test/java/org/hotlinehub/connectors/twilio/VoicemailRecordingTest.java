package org.hotlinehub.connectors.twilio;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.hotlinehub.model.port.PersonalData;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioRecordings;
import org.hotlinehub.testsupport.TwilioSms;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 20, item 4: a voicemail's recording is fetched from Twilio with the account's credentials (through the
 * configured API base URL, here WireMock), retried while Twilio does not have it yet, stored once, served only to
 * signed-in staff, and anonymised with its ticket.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
class VoicemailRecordingTest {

    @Inject
    Sql sql;
    @Inject
    PersonalData personalData;

    private static final String ATTACHMENT = "select a.%s from attachment a join ticket t on t.id = a.ticket_id"
            + " where t.reference = ? and a.content_type like 'audio/%%'";

    private Object recording(String column, String reference) {
        return sql.one(String.format(ATTACHMENT, column), reference);
    }

    @Test
    void shouldFetchTheRecordingWithTheAccountsCredentialsOnceTwilioHasItAndServeItToStaffOnly() {
        String recordingSid = TwilioSms.randomSid("RE");
        byte[] wav = TwilioRecordings.wav();
        TwilioRecordings.serve(recordingSid, wav, 2);
        String phone = "+86" + Reports.uniquePhone();
        String reference = TwilioRecordings.leaveVoicemail(sql, phone, recordingSid,
                TwilioRecordings.url(recordingSid));

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> recording("data", reference) != null);
        assertArrayEquals(wav, (byte[]) recording("data", reference));
        assertEquals("audio/x-wav", recording("content_type", reference));
        assertEquals((long) wav.length, ((Number) recording("size_bytes", reference)).longValue());
        assertEquals(3, ((Number) recording("fetch_attempts", reference)).intValue(), "two 404s, then the file");
        assertNull(recording("fetch_after", reference), "nothing more to fetch");
        assertEquals(3, TwilioRecordings.requests(recordingSid, true).size(), "every try with the credentials");
        assertEquals(TwilioRecordings.requests(recordingSid, false).size(),
                TwilioRecordings.requests(recordingSid, true).size(), "never without them");

        // Twilio's recording status callback for the same recording: the same ticket, nothing fetched again
        TwilioSms.postSigned("/twilio/voice/voicemail/recording?lang=zh", Map.of("AccountSid",
                TwilioApiStub.ACCOUNT_SID, "CallSid", TwilioSms.randomSid("CA"), "RecordingSid", recordingSid,
                "RecordingUrl", TwilioRecordings.url(recordingSid), "RecordingStatus", "completed",
                "RecordingDuration", "1")).then().statusCode(200);
        long id = ((Number) recording("id", reference)).longValue();
        String file = "/console/tickets/" + reference + "/attachments/" + id;

        // staff hear it; the ticket's page plays it
        assertArrayEquals(wav, Sessions.console("operator").get(file).then().statusCode(200)
                .contentType("audio/x-wav").extract().asByteArray());
        String page = Sessions.console("operator").get("/console/tickets/" + reference).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("<audio controls preload=\"metadata\" src=\"" + file + "\""), "a player");
        // nobody else: not signed in, a partner's portal user, a partner's API key
        given().redirects().follow(false).get(file).then().statusCode(302).header("Location", endsWith("/login"));
        given().redirects().follow(false).cookie(Sessions.session("huiquan", "demo-portal-pass")).get(file).then()
                .statusCode(403);
        given().redirects().follow(false).header("Authorization", "Bearer test-key-PF-HAIYUN").get(file).then()
                .statusCode(302);
        assertEquals(3, TwilioRecordings.requests(recordingSid, false).size(), "fetched once, kept");
        assertEquals(1L, sql.count("select count(*) from attachment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ? and a.content_type like 'audio/%'", reference));

        // the resident's erasure (as the nightly retention): the recording goes with the ticket's personal data
        sql.update("update ticket set status = 'CANCELLED' where reference = ?", reference);
        personalData.erase(phone, "resident asked", "test", null);
        assertNull(recording("data", reference));
        assertNull(recording("url", reference));
        Sessions.console("operator").get(file).then().statusCode(404);
    }

    @Test
    void shouldNeverSendTheCredentialsElsewhereNorFetchAnotherAccountsRecording() {
        String recordingSid = TwilioSms.randomSid("RE");
        String elsewhere = "https://api.twilio.com/2010-04-01/Accounts/AC" + "f".repeat(32) + "/Recordings/"
                + recordingSid;
        String reference = TwilioRecordings.leaveVoicemail(sql, "+86" + Reports.uniquePhone(), recordingSid,
                elsewhere);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> recording("fetch_after", reference) == null);
        assertNull(recording("data", reference));
        assertNull(recording("fetch_error", reference));
        assertEquals(0, TwilioApiStub.server.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(".*" + recordingSid
                        + ".*")))
                .size());
        String page = Sessions.console("operator").get("/console/tickets/" + reference).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("data-state=\"link\""), "shown as a link, not a player");
    }
}
