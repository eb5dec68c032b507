package org.hotlinehub.connectors.twilio;

import static org.hotlinehub.testsupport.Sessions.operator;
import static org.hotlinehub.testsupport.TwilioVoice.BASE;
import static org.hotlinehub.testsupport.TwilioVoice.only;
import static org.hotlinehub.testsupport.TwilioVoice.post;
import static org.hotlinehub.testsupport.TwilioVoice.spelled;
import static org.hotlinehub.testsupport.TwilioVoice.spoken;
import static org.hotlinehub.testsupport.TwilioVoice.verbs;
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
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioSms;
import org.hotlinehub.testsupport.TwilioVoice;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The call-back survey (回访) by phone for residents who called: after resolution the hub calls them through the Calls
 * API (WireMock as Twilio), asks by keypad whether it is solved and how satisfied they are, and applies the answer;
 * no answer or busy is called again, up to the configured attempts.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
class VoiceSurveyCallTest extends StaffedLine {

    static final String PARTNER_PHONE = "+8613800009901";

    @Inject
    Sql sql;

    /** A caller whose request an operator filed during the call, done by the SMS partner: the survey call is due. */
    private String resolvedVoiceTicket(String phone) {
        String sid = TwilioVoice.newCallSid();
        post("/twilio/voice", TwilioVoice.call(sid, phone, "ringing"));
        String ref = operator().contentType("application/json")
                .body("{\"description\":\"短信测试苑2号楼楼道漏水\",\"category\":\"property-repair\",\"place\":\"TEST-SMS-COURT\"}")
                .post("/api/v1/calls/" + sid + "/ticket").then().statusCode(202).extract().path("reference");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TwilioApiStub.sentTo(PARTNER_PHONE).stream()
                .anyMatch(f -> f.get("Body").contains(ref)));
        TwilioSms.text(PARTNER_PHONE, "y " + ref);
        TwilioSms.text(PARTNER_PHONE, "ok " + ref);
        return ref;
    }

    /** A fresh caller's resolved voice ticket, and the survey call the hub made about it (its form fields). */
    private record SurveyCall(String phone, String ref, long id, Map<String, String> created) {
    }

    private SurveyCall surveyCalled() {
        String phone = "+86" + Reports.uniquePhone();
        String ref = resolvedVoiceTicket(phone);
        Map<String, String> created = awaitCall(phone, 1);
        return new SurveyCall(phone, ref, surveyId(ref), created);
    }

    private String status(long id) {
        return (String) sql.one("select status from voice_outbound where id = ?", id);
    }

    private Map<String, String> awaitCall(String phone, int nth) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Map<String, String>> calls = TwilioVoice.callsCreated().stream()
                    .filter(f -> phone.equals(f.get("To"))).toList();
            return calls.size() >= nth ? calls.get(nth - 1) : null;
        }, f -> f != null);
    }

    private long surveyId(String ref) {
        return ((Number) sql.one("select id from voice_outbound where ticket_reference = ?", ref)).longValue();
    }

    /** The sid Twilio gave the survey call; stored just after the Calls API answered, so wait for it. */
    private String surveyCallSid(String ref) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> (String) sql.one("select call_sid from voice_outbound where ticket_reference = ?", ref),
                java.util.Objects::nonNull);
    }

    private static Map<String, String> outbound(String callSid, String to, String status) {
        return with(TwilioVoice.call(callSid, TwilioVoice.HOTLINE, status), "Direction", "outbound-api", "To", to,
                "Called", to);
    }

    @Test
    void shouldCallTheResidentAndApplyTheKeypadAnswer() {
        SurveyCall survey = surveyCalled();
        String phone = survey.phone();
        String ref = survey.ref();
        long id = survey.id();
        Map<String, String> created = survey.created();
        assertEquals(phone, created.get("To"));
        assertEquals(TwilioApiStub.FROM, created.get("From"));
        assertEquals(BASE + "/survey?id=" + id, created.get("Url"));
        assertEquals("POST", created.get("Method"));
        assertEquals(BASE + "/status", created.get("StatusCallback"));
        var wire = TwilioApiStub.server.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo(
                TwilioVoice.CALLS_PATH))).stream().filter(r -> phone.equals(TwilioApiStub.form(r).get("To")))
                .findFirst().orElseThrow();
        assertEquals("Basic " + Base64.getEncoder().encodeToString((TwilioApiStub.ACCOUNT_SID + ":"
                + TwilioApiStub.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)), wire.getHeader("Authorization"));
        assertEquals(List.of("initiated", "ringing", "answered", "completed"), List.of(wire.getBodyAsString()
                .split("&")).stream().filter(p -> p.startsWith("StatusCallbackEvent=")).map(p -> p.substring(20))
                .toList());
        assertEquals("CALLING", status(id));
        assertEquals("SURVEY_REQUESTED", sql.one("select e.kind from timeline_event e join ticket t"
                + " on t.id = e.ticket_id where t.reference = ? order by e.id desc limit 1", ref));

        // The resident picks up: Twilio asks the hub what to say
        String callSid = surveyCallSid(ref);
        Element question = post("/twilio/voice/survey?id=" + id, outbound(callSid, phone, "in-progress"));
        Element gather = only(question, "Gather");
        assertEquals(BASE + "/survey/solved?id=" + id + "&attempt=1", gather.getAttribute("action"));
        assertEquals("1", gather.getAttribute("numDigits"));
        assertEquals("您好，这里是96993社区服务热线回访。您反映的问题，工单" + spelled(ref)
                + "，已经办结。问题解决了吗？已解决请按1，未解决请按2。", spoken(question));
        Element rating = post("/twilio/voice/survey/solved?id=" + id + "&attempt=1",
                with(outbound(callSid, phone, "in-progress"), "Digits", "1"));
        assertEquals(BASE + "/survey/rating?id=" + id + "&attempt=1", only(rating, "Gather").getAttribute("action"));
        assertEquals("请对我们的服务作出评价：满意请按1，基本满意请按2，不满意请按3。", spoken(rating));
        Element thanks = post("/twilio/voice/survey/rating?id=" + id + "&attempt=1",
                with(outbound(callSid, phone, "in-progress"), "Digits", "2"));
        assertEquals(List.of("Say", "Hangup"), verbs(thanks));
        assertEquals("感谢您的评价，再见。", spoken(thanks));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sql.count(
                "select count(*) from ticket where reference = ? and status = 'CLOSED'", ref) == 1);
        assertEquals("BASICALLY_SATISFIED", sql.one("select survey_result from ticket where reference = ?", ref));
        TwilioSms.postSigned("/twilio/voice/status", with(outbound(callSid, phone, "completed"), "CallDuration", "35"))
                .then().statusCode(200);
        assertEquals("ANSWERED", status(id));
        assertEquals(1, TwilioVoice.callsCreated().stream().filter(f -> phone.equals(f.get("To"))).count());
    }

    @Test
    void shouldReopenTheTicketWhenTheResidentSaysItIsNotSolved() {
        SurveyCall survey = surveyCalled();
        Element reopened = post("/twilio/voice/survey/solved?id=" + survey.id() + "&attempt=1",
                with(outbound(surveyCallSid(survey.ref()), survey.phone(), "in-progress"), "Digits", "2"));
        assertEquals("很抱歉问题还没有解决，我们已重新交办，会尽快跟进。再见。", spoken(reopened));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sql.count(
                "select count(*) from ticket where reference = ? and status = 'REOPENED'", survey.ref()) == 1);
        assertEquals("NOT_SOLVED", sql.one("select survey_result from ticket where reference = ?", survey.ref()));
    }

    @Test
    void shouldCallAgainWhenNobodyAnswersAndGiveUpAfterTheLastAttempt() {
        SurveyCall survey = surveyCalled();
        for (String[] attempt : new String[][]{{"no-answer", "2"}, {"busy", "3"}}) {
            TwilioSms
                    .postSigned("/twilio/voice/status",
                            outbound(surveyCallSid(survey.ref()), survey.phone(), attempt[0]))
                    .then()
                    .statusCode(200);
            assertEquals("PENDING", status(survey.id()));
            awaitCall(survey.phone(), Integer.parseInt(attempt[1]));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "CALLING".equals(status(survey.id())));
        }
        TwilioSms.postSigned("/twilio/voice/status", outbound(surveyCallSid(survey.ref()), survey.phone(), "no-answer"))
                .then()
                .statusCode(200);
        assertEquals("GAVE_UP", status(survey.id()));
        assertEquals(3, sql.one("select attempts from voice_outbound where id = ?", survey.id()));
        assertEquals("RESOLVED", sql.one("select status from ticket where reference = ?", survey.ref()));
    }
}
