package org.hotlinehub.connectors.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotlinehub.model.port.SmsOutbox;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioSms;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Outbound SMS through the Twilio API (WireMock): retries, refusals, opt-outs, long texts and status callbacks. */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
class TwilioSmsSenderTest {

    @Inject
    SmsOutbox outbox;
    @Inject
    Sql sql;

    private void awaitStatus(long id, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status.equals(sql.one(
                "select status from outbound_message where id = ?", id)));
    }

    @Test
    void shouldRetryWhenTwilioAnswers429AndSendTheExactFields() {
        String phone = "+86" + Reports.uniquePhone();
        var busy = TwilioApiStub.server.stubFor(post(urlPathEqualTo(TwilioApiStub.MESSAGES_PATH)).atPriority(1)
                .withRequestBody(containing(TwilioApiStub.toField(phone)))
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}")));
        long id = outbox.enqueue("test-429-" + phone, phone, "您的工单已受理。", "test", null).get(0);

        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from outbound_message where"
                + " id = ? and status = 'PENDING' and attempts >= 1 and last_error like 'Twilio HTTP 429%'", id) == 1);
        TwilioApiStub.server.removeStub(busy);
        awaitStatus(id, "SENT");

        List<Map<String, String>> sent = TwilioApiStub.sentTo(phone);
        assertTrue(sent.size() >= 2, "refused with 429, then accepted: " + sent.size());
        assertEquals(Map.of("To", phone, "From", TwilioApiStub.FROM, "Body", "您的工单已受理。", "StatusCallback",
                "http://hub.test/twilio/sms/status"), sent.get(sent.size() - 1));
        assertTrue(sql.count("select attempts from outbound_message where id = ?", id) >= 2);
        assertNull(sql.one("select last_error from outbound_message where id = ?", id));
        assertTrue(((String) sql.one("select twilio_sid from outbound_message where id = ?", id)).matches(
                "SM[0-9a-f]{32}"));
        assertEquals("queued", sql.one("select twilio_status from outbound_message where id = ?", id));
    }

    @Test
    void shouldFailWithTwilioCodeAndRecordOptOutWhenRecipientUnsubscribed() {
        String phone = "+86" + Reports.uniquePhone();
        TwilioApiStub.server.stubFor(post(urlPathEqualTo(TwilioApiStub.MESSAGES_PATH)).atPriority(1)
                .withRequestBody(containing(TwilioApiStub.toField(phone)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 21610, \"message\": \"Attempt to send to unsubscribed recipient\","
                                + " \"more_info\": \"https://www.twilio.com/docs/errors/21610\", \"status\": 400}")));
        long first = outbox.enqueue("test-21610-" + phone, phone, "hello", "test", null).get(0);
        awaitStatus(first, "BLOCKED");
        assertEquals("21610", sql.one("select error_code from outbound_message where id = ?", first));

        long second = outbox.enqueue("test-21610-again-" + phone, phone, "hello again", "test", null).get(0);
        awaitStatus(second, "BLOCKED");
        assertEquals(1, TwilioApiStub.sentTo(phone).size(), "nothing more is sent to an opted-out phone");
    }

    @Test
    void shouldNotSendToAResidentWhoTextedStopUntilStart() {
        String phone = "+86" + Reports.uniquePhone();
        assertEquals("您已退订热线短信，将不再收到通知。回复“订阅”可恢复。", TwilioSms.text(phone, "退订"));
        long blocked = outbox.enqueue("test-stop-" + phone, phone, "您的工单已办结。", "test", null).get(0);
        awaitStatus(blocked, "BLOCKED");
        assertEquals(0, TwilioApiStub.sentTo(phone).size());

        assertEquals("You will receive text messages from the hotline again.", TwilioSms.text(phone, "START"));
        long sent = outbox.enqueue("test-start-" + phone, phone, "Your request is resolved.", "test", null).get(0);
        awaitStatus(sent, "SENT");
        assertEquals(1, TwilioApiStub.sentTo(phone).size());
    }

    @Test
    void shouldSplitALongChineseTextIntoNumberedMessages() {
        String phone = "+86" + Reports.uniquePhone();
        String sentence = "小区东门外的路灯已经坏了一个多星期，晚上老人出门很不方便。";
        String text = sentence.repeat(10);
        List<Long> ids = outbox.enqueue("test-long-" + phone, phone, text, "test", null);
        assertEquals(2, ids.size());
        ids.forEach(id -> awaitStatus(id, "SENT"));
        List<String> bodies = TwilioApiStub.sentTo(phone).stream().map(f -> f.get("Body")).sorted().toList();
        assertTrue(bodies.get(0).startsWith("(1/2) 小区东门外"), bodies.get(0));
        assertTrue(bodies.get(0).endsWith("。"), "cut at a sentence end: " + bodies.get(0));
        assertTrue(bodies.get(1).startsWith("(2/2) 小区东门外"), bodies.get(1));
        assertEquals(text, bodies.stream().map(b -> b.substring(6)).reduce("", String::concat));
        assertEquals(List.of(4, 1), sql.column("select segments from outbound_message where idempotency_key like ?"
                + " order by id", "test-long-" + phone + "#%"));
        assertEquals(ids, outbox.enqueue("test-long-" + phone, phone, text, "test", null),
                "queuing the same key again queues nothing");
    }

    @Test
    void shouldKeepTheLatestStatusWhenCallbacksArriveOutOfOrder() {
        long id = sentMessage("status test");
        String sid = sidOf(id);

        callback(sid, "delivered", null).then().statusCode(200).contentType("text/xml;charset=UTF-8");
        callback(sid, "sent", null).then().statusCode(200);
        callback(sid, "sending", null).then().statusCode(200);
        assertEquals("delivered", sql.one("select twilio_status from outbound_message where id = ?", id));
        callback(sid, "read", null).then().statusCode(200);
        assertEquals("read", sql.one("select twilio_status from outbound_message where id = ?", id));

        callback(sid, "teleported", null).then().statusCode(400);
        callback("SM00000000000000000000000000000000", "delivered", null).then().statusCode(200);
        Map<String, String> unsigned = Map.of("MessageSid", sid, "MessageStatus", "failed");
        TwilioSms.post("/twilio/sms/status", unsigned, null).then().statusCode(403);
        assertEquals("read", sql.one("select twilio_status from outbound_message where id = ?", id));
    }

    @Test
    void shouldRecordTheErrorCodeOfAnUndeliveredMessage() {
        long id = sentMessage("undelivered test");
        String sid = sidOf(id);
        callback(sid, "undelivered", "30003").then().statusCode(200);
        assertEquals("undelivered", sql.one("select twilio_status from outbound_message where id = ?", id));
        assertEquals("30003", sql.one("select error_code from outbound_message where id = ?", id));
    }

    /** A message to a fresh phone, once Twilio (the stub) has taken it. */
    private long sentMessage(String text) {
        String phone = "+86" + Reports.uniquePhone();
        long id = outbox.enqueue("test-" + phone, phone, text, "test", null).get(0);
        awaitStatus(id, "SENT");
        return id;
    }

    private String sidOf(long id) {
        return (String) sql.one("select twilio_sid from outbound_message where id = ?", id);
    }

    private static io.restassured.response.Response callback(String sid, String status, String errorCode) {
        Map<String, String> params = new java.util.LinkedHashMap<>(Map.of("MessageSid", sid, "SmsSid", sid,
                "MessageStatus", status, "SmsStatus", status, "AccountSid", TwilioApiStub.ACCOUNT_SID, "From",
                TwilioApiStub.FROM, "ApiVersion", "2010-04-01"));
        if (errorCode != null) {
            params.put("ErrorCode", errorCode);
        }
        return TwilioSms.postSigned("/twilio/sms/status", params);
    }
}
