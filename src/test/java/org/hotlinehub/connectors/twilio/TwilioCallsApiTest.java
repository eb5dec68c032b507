package org.hotlinehub.connectors.twilio;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hotlinehub.testsupport.Sessions.admin;
import static org.hotlinehub.testsupport.Sessions.operator;
import static org.hotlinehub.testsupport.TwilioVoice.BASE;
import static org.hotlinehub.testsupport.TwilioVoice.call;
import static org.hotlinehub.testsupport.TwilioVoice.children;
import static org.hotlinehub.testsupport.TwilioVoice.only;
import static org.hotlinehub.testsupport.TwilioVoice.post;
import static org.hotlinehub.testsupport.TwilioVoice.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.MovableClock;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioSms;
import org.hotlinehub.testsupport.TwilioVoice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The operator queue: callers waiting with their screen-pop, an operator taking the next one (priority first) through
 * the Calls API, the operator leg's TwiML, a ticket filed during the call, and callers who hung up while waiting on
 * the call-back list; the calls page shows both.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
class TwilioCallsApiTest extends StaffedLine {

    static final String OPERATOR_PHONE = "+8613700000001";

    @Inject
    Sql sql;
    @Inject
    MovableClock clock;

    @BeforeEach
    void staffed() {
        // Calls other tests left waiting are over: this test owns the queue
        sql.update("update voice_call set stage = 'ENDED' where stage <> 'ENDED'");
    }

    private static String masked(String phone) {
        return phone.substring(0, 6) + "****" + phone.substring(10);
    }

    /** A caller who pressed 0 and waits in the queue. */
    private String waiting(String phone) {
        String sid = TwilioVoice.newCallSid();
        post("/twilio/voice", call(sid, phone, "ringing"));
        post("/twilio/voice/menu?lang=zh&attempt=1", with(call(sid, phone, "in-progress"), "Digits", "0"));
        return sid;
    }

    @Test
    void shouldGiveTheOperatorThePriorityCallerFirstThroughTheCallsApi() {
        String plain = "+86" + Reports.uniquePhone();
        String plainSid = waiting(plain);
        clock.advance(Duration.ofSeconds(90)); // the plain caller has waited a minute and a half when listed
        String vulnerable = "+86" + Reports.uniquePhone();
        sql.update("insert into resident (phone, name, place_id, flags, registered) values (?, '郑测试',"
                + " (select id from place where code = 'GH-COURT'), '{disabled,assurance-no-silence}', true)",
                vulnerable);
        String vulnerableSid = TwilioVoice.newCallSid();
        post("/twilio/voice", call(vulnerableSid, vulnerable, "ringing"));
        post("/twilio/voice/assurance?lang=zh&attempt=1", with(call(vulnerableSid, vulnerable, "in-progress"),
                "Digits", "2"));
        Element queued = post("/twilio/voice/menu?lang=zh&attempt=1", with(call(vulnerableSid, vulnerable,
                "in-progress"), "Digits", "3"));
        assertEquals("hotline-priority", only(queued, "Enqueue").getTextContent());

        // The vulnerable caller came second but is listed (and taken) first
        operator().get("/api/v1/calls/live").then().statusCode(200)
                .body("[0].callSid", equalTo(vulnerableSid))
                .body("[0].vulnerable", equalTo(true))
                .body("[0].resident.name", equalTo("郑测试"))
                .body("[0].resident.placeName", equalTo("观海里院"))
                .body("[0].topic", equalTo("property"))
                .body("[1].callSid", equalTo(plainSid))
                .body("[1].phone", equalTo(masked(plain)))
                .body("[1].stage", equalTo("QUEUED"))
                .body("[1].waitingSeconds", allOf(greaterThanOrEqualTo(90), lessThan(150)))
                .body("[1].resident", nullValue());

        operator().contentType("application/json").body("{}").post("/api/v1/calls/next").then().statusCode(200)
                .body("callSid", equalTo(vulnerableSid))
                .body("connectingTo", equalTo(OPERATOR_PHONE))
                .body("status", equalTo("connecting"));
        List<LoggedRequest> updates = TwilioVoice.callUpdates(vulnerableSid);
        assertEquals(1, updates.size());
        Map<String, String> form = TwilioApiStub.form(updates.get(0));
        assertEquals(BASE + "/connect?lang=zh&to=%2B8613700000001", form.get("Url"));
        assertEquals("POST", form.get("Method"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString((TwilioApiStub.ACCOUNT_SID + ":"
                + TwilioApiStub.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)),
                updates.get(0).getHeader("Authorization"));
        assertEquals("CONNECTING", sql.one("select stage from voice_call where call_sid = ?", vulnerableSid));
        assertEquals("operator", sql.one("select operator from voice_call where call_sid = ?", vulnerableSid));

        // Twilio follows the redirect: the caller's call dials the operator's phone
        String connectPath = "/twilio/voice/connect?lang=zh&to=%2B8613700000001";
        Map<String, String> params = call(vulnerableSid, vulnerable, "in-progress");
        var request = given().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .header("X-Twilio-Signature", TwilioSms.sign(TwilioSms.PUBLIC_BASE + connectPath, params));
        params.forEach((k, v) -> request.formParam(k, java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        Element dialing = TwilioVoice.parse(request.post(connectPath).then().statusCode(200).extract().asString());
        Element dial = only(dialing, "Dial");
        assertEquals(TwilioVoice.HOTLINE, dial.getAttribute("callerId"));
        assertEquals(BASE + "/connect/done?lang=zh", dial.getAttribute("action"));
        assertEquals("20", dial.getAttribute("timeout"));
        Element number = children(dial).get(0);
        assertEquals("Number", number.getTagName());
        assertEquals(OPERATOR_PHONE, number.getTextContent());
        assertEquals(BASE + "/connect/answered?call=" + vulnerableSid, number.getAttribute("statusCallback"));
        assertEquals("answered", number.getAttribute("statusCallbackEvent"));

        // The operator answers: the caller is with an operator
        String operatorLeg = TwilioVoice.newCallSid();
        TwilioSms.postSigned("/twilio/voice/connect/answered?call=" + vulnerableSid, with(call(operatorLeg,
                TwilioVoice.HOTLINE, "in-progress"), "Direction", "outbound-dial", "ParentCallSid", vulnerableSid,
                "To", OPERATOR_PHONE)).then().statusCode(200);
        operator().get("/api/v1/calls/live").then().body("find { it.callSid == '" + vulnerableSid + "' }.stage",
                equalTo("CONNECTED"));

        // The operator files the request during the call, linked to it by its CallSid
        String ref = operator().contentType("application/json")
                .body("{\"description\":\"观海里院2号门楼道灯坏了\",\"category\":\"property-repair\",\"place\":\"GH-COURT\"}")
                .post("/api/v1/calls/" + vulnerableSid + "/ticket").then().statusCode(202)
                .body("callSid", equalTo(vulnerableSid)).extract().path("reference");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sql.count(
                "select count(*) from ticket where reference = ?", ref) == 1);
        assertEquals("contact voice:" + vulnerableSid + "/operator", sql.one("select e.detail from timeline_event e"
                + " join ticket t on t.id = e.ticket_id where t.reference = ? and e.kind = 'RECEIVED'", ref));
        assertEquals(vulnerable, sql.one("select r.phone from ticket t join resident r on r.id = t.resident_id"
                + " where t.reference = ?", ref));
        assertEquals(ref, sql.one("select ticket_reference from voice_call where call_sid = ?", vulnerableSid));
        operator().contentType("application/json").body("{\"description\":\"again\"}")
                .post("/api/v1/calls/" + vulnerableSid + "/ticket").then().statusCode(202)
                .body("reference", equalTo(ref));
        operator().contentType("application/json").body("{}").post("/api/v1/calls/" + vulnerableSid + "/ticket")
                .then().statusCode(400);
        operator().contentType("application/json").body("{\"description\":\"x\"}")
                .post("/api/v1/calls/" + TwilioVoice.newCallSid() + "/ticket").then().statusCode(404);

        // Next: the plain caller; then nobody
        operator().contentType("application/json").body("{\"to\":\"client:desk-7\"}").post("/api/v1/calls/next")
                .then().statusCode(200).body("callSid", equalTo(plainSid)).body("connectingTo",
                        equalTo("client:desk-7"));
        assertEquals(BASE + "/connect?lang=zh&to=client%3Adesk-7", TwilioApiStub.form(TwilioVoice.callUpdates(plainSid)
                .get(0)).get("Url"));
        operator().contentType("application/json").body("{}").post("/api/v1/calls/next").then().statusCode(204);
        admin().contentType("application/json").body("{}")
                .post("/api/v1/calls/next").then().statusCode(400)
                .body("error.message", containsString("hub.voice.operators.admin"));
    }

    @Test
    void shouldPutCallersWhoHangUpWhileWaitingOnTheCallBackList() {
        String phone = "+86" + Reports.uniquePhone();
        String sid = waiting(phone);
        Element wait = post("/twilio/voice/queue/wait?lang=zh", with(call(sid, phone, "in-progress"),
                "QueuePosition", "3", "QueueTime", "40", "CurrentQueueSize", "3"));
        assertEquals(List.of("Say", "Say", "Pause"), TwilioVoice.verbs(wait));
        assertEquals("话务员正在忙，请稍候，您前面还有2位。 All operators are busy. Please hold; you are number 3 in line.",
                TwilioVoice.spoken(wait));
        assertEquals("Polly.Joanna", children(wait).get(1).getAttribute("voice"));

        post("/twilio/voice/queue/done?lang=zh", with(call(sid, phone, "completed"), "QueueResult", "hangup",
                "QueueTime", "55"));
        // The status callback of the same hang-up adds nothing
        TwilioSms.postSigned("/twilio/voice/status", with(call(sid, phone, "completed"), "CallDuration", "70"))
                .then().statusCode(200);

        int id = operator().get("/api/v1/calls/callbacks").then().statusCode(200)
                .body("find { it.callSid == '" + sid + "' }.phone", equalTo(phone))
                .body("find { it.callSid == '" + sid + "' }.maskedPhone", equalTo(masked(phone)))
                .body("find { it.callSid == '" + sid + "' }.reason", equalTo("abandoned"))
                .extract().path("find { it.callSid == '" + sid + "' }.id");
        assertEquals(1L, sql.count("select count(*) from voice_callback where call_sid = ?", sid));
        operator().get("/api/v1/calls/live").then().body("callSid", not(hasItem(sid)));

        // The calls page shows it, in either language
        Sessions.console("operator").get("/console/calls").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("待回拨")).body(containsString(phone))
                .body(containsString("排队时挂断"));
        Sessions.console("operator").get("/console/calls?lang=en").then().statusCode(200)
                .body(containsString("Call-back list")).body(containsString("hung up while waiting"));
        given().redirects().follow(false).get("/console/calls").then().statusCode(302)
                .header("Location", endsWith("/login"));
        // What the page redraws every few seconds: the two lists alone, and the staffed word out of band
        Sessions.console("operator").get("/console/calls/lists?lang=en").then().statusCode(200)
                .contentType(containsString("text/html")).body(not(containsString("<html")))
                .body(containsString("id=\"callback-" + id + "\"")).body(containsString("hung up while waiting"))
                .body(containsString("<span id=\"hours\" hx-swap-oob=\"true\">staffed</span>"));
        given().redirects().follow(false).get("/console/calls/lists").then().statusCode(302)
                .header("Location", endsWith("/login"));
        // Its form is accepted from its own pages only
        given().redirects().follow(false).cookie(Sessions.kept("operator", "demo-operator-pass"))
                .header("Origin", "https://evil.example").contentType(Sessions.FORM).formParam("lang", "zh")
                .post("/console/calls/callbacks/" + id + "/done").then().statusCode(403);

        operator().contentType("application/json").body("{\"note\":\"已回电，居民已报修\"}")
                .post("/api/v1/calls/callbacks/" + id + "/done").then().statusCode(200)
                .body("doneBy", equalTo("staff:operator")).body("note", equalTo("已回电，居民已报修"));
        operator().get("/api/v1/calls/callbacks").then().body("id", not(hasItem(id)));
        operator().get("/api/v1/calls/callbacks?all=true").then().body("id", hasItem(id));
        given().get("/api/v1/calls/live").then().statusCode(401);
    }
}
