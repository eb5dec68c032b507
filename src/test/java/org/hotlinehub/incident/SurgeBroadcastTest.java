package org.hotlinehub.incident;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotlinehub.connectors.wechat.Pushes;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.PartnerReceiver;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.Tickets;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioSms;
import org.hotlinehub.testsupport.TwilioVoice;
import org.hotlinehub.testsupport.WechatApiStub;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Surge mode (issue 21 items 2 and 3): a scripted surge across four channels (web form with a phone, Open311 with a
 * phone, Twilio-signed SMS, WeChat-signed message) forms one incident with one offer and shows on the operators'
 * queue with its count per channel; an operator confirms it with a status message in Chinese and English; every
 * reporter is then told the status, the acceptance, the partner's progress note and the resolution on their own
 * channel exactly once (the Twilio and WeChat stubs count what went out, one send failing once on the way), a
 * reporter who joins later is told the status when they join, and a caller from the compound hears the status before
 * the menu.
 */
@QuarkusTest
@TestProfile(IncidentTest.On.class)
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
@QuarkusTestResource(WechatApiStub.class)
class SurgeBroadcastTest {

    static final String HOOK = "/hooks/PF-SURGE";
    /** What every broadcast text starts with in Chinese: "the problem you reported". */
    static final String BROADCAST = "您反映的问题";
    static final String STATUS_ZH = "停水原因是主水管爆裂，预计今晚8点前恢复供水";
    static final String STATUS_EN = "a burst water main; water should be back by 8 pm";

    @Inject
    Sql sql;

    @Test
    void shouldTellEveryReporterOfASurgeOnTheirOwnChannelOncePerUpdate() {
        String first = IncidentTest.form("SRG-COURT", "浪花测试苑停水了，整个小区都没有水");
        await().atMost(Duration.ofSeconds(30)).until(() -> is(first, "DISPATCHED"));
        String open311 = IncidentTest.open311("SRG-COURT", "浪花测试苑停水了，整个小区都没水了");
        String sms = TwilioSms.referenceIn(TwilioSms.text("+86" + Reports.uniquePhone(),
                "浪花测试苑停水了，整个小区都没有水，什么时候来水"));
        String openid = Pushes.openid();
        String wechat = Pushes.referenceIn(Pushes.content(Pushes.post(Pushes.text(openid, Pushes.msgId(),
                "浪花测试苑停水了，小区都没有水"))));
        String[] reports = {open311, sms, wechat};
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.count("select count(*) from ticket where reference"
                + " = any(?) and status = 'MERGED'", (Object) reports) == 3);
        assertEquals(1, offers(first).size(), "one offer for the incident");
        String phone311 = phoneOf(open311);
        String phoneSms = phoneOf(sms);
        String phoneForm = phoneOf(first);

        // the surge on the operators' queue, with its reports per channel, not yet confirmed
        String queue = Sessions.console("operator").get("/console/queue/items").then().statusCode(200).extract()
                .asString();
        assertTrue(queue.contains("id=\"surges\"") && queue.contains("data-incident=\"" + first + "\""
                + " data-confirmed=\"false\""), queue);
        for (String channel : List.of("WEB", "OPEN311", "SMS", "WECHAT")) {
            assertTrue(queue.contains("data-channel=\"" + channel + "\""), channel + " in " + queue);
        }

        // both languages are required, each within its length, and the refusal names the field
        Sessions.operator().contentType("application/json").body(Map.of("statusZh", STATUS_ZH))
                .post("/api/v1/tickets/" + first + "/incident/surge/confirm").then().statusCode(400)
                .body(containsString("statusEn"));
        Sessions.operator().contentType("application/json")
                .body(Map.of("statusZh", "很".repeat(61), "statusEn", STATUS_EN))
                .post("/api/v1/tickets/" + first + "/incident/surge/confirm").then().statusCode(400)
                .body(containsString("statusZh"));
        assertEquals(0L, Tickets.timeline(sql, first, "SURGE_CONFIRMED", "staff:operator"), "nothing half-stored");

        assertTrue(Sessions.console("operator").get("/console/tickets/" + first).then().statusCode(200).extract()
                .asString().contains("action=\"/console/tickets/" + first + "/incident/surge/confirm\""));

        // the SMS reporter's first send fails: the outbox retries it, and the reporter still gets it once
        failOnceFor(phoneSms);
        Sessions.console("operator").contentType(Sessions.FORM).formParam("statusZh", STATUS_ZH)
                .formParam("statusEn", STATUS_EN)
                .post("/console/tickets/" + sms + "/incident/surge/confirm").then().statusCode(303);
        assertEquals(1L, Tickets.timeline(sql, first, "SURGE_CONFIRMED", "staff:operator"));
        assertEquals(1L, Tickets.audits(sql, "incident.confirm-surge", first));
        Sessions.operator().contentType("application/json")
                .body(Map.of("statusZh", STATUS_ZH, "statusEn", STATUS_EN))
                .post("/api/v1/tickets/" + first + "/incident/surge/confirm").then().statusCode(409);
        await().atMost(Duration.ofSeconds(30)).until(() -> texts(phoneSms, STATUS_ZH).size() == 1
                && texts(phoneForm, STATUS_ZH).size() == 1 && texts(phone311, STATUS_ZH).size() == 1
                && wechat(openid, STATUS_ZH).size() == 1);
        assertEquals(2, TwilioApiStub.sentTo(phoneSms).stream().filter(f -> f.get("Body").contains(STATUS_ZH))
                .count(), "tried twice: failed once, then sent");
        assertTrue(Sessions.console("operator").get("/console/queue/items").then().extract().asString()
                .contains("data-incident=\"" + first + "\" data-confirmed=\"true\""));
        String page = Sessions.console("operator").get("/console/tickets/" + first).then().extract().asString();
        assertTrue(page.contains("id=\"surge-status\"") && page.contains(STATUS_ZH)
                && !page.contains("id=\"surge-confirm-form\""), page);

        // a caller from the compound hears the status before the menu; 1 goes on, hanging up records nothing
        String callSid = TwilioVoice.newCallSid();
        Element entry = TwilioVoice.post("/twilio/voice", TwilioVoice.call(callSid, phoneForm, "ringing"));
        Element gather = TwilioVoice.only(entry, "Gather");
        assertTrue(gather.getAttribute("action").contains("/twilio/voice/surge"), gather.getAttribute("action"));
        assertTrue(gather.getTextContent().contains(STATUS_ZH) && gather.getTextContent().contains("浪花测试苑"),
                gather.getTextContent());
        Element menu = TwilioVoice.post("/twilio/voice/surge?lang=zh", TwilioVoice.with(
                TwilioVoice.call(callSid, phoneForm, "in-progress"), "Digits", "1"));
        assertTrue(TwilioVoice.only(menu, "Gather").getAttribute("action").contains("/twilio/voice/menu"));
        long ticketsBefore = sql.count("select count(*) from ticket");
        Element bye = TwilioVoice.post("/twilio/voice/surge?lang=zh", TwilioVoice.call(callSid, phoneForm,
                "in-progress"));
        assertEquals(List.of("Say", "Hangup"), TwilioVoice.verbs(bye));
        assertEquals(ticketsBefore, sql.count("select count(*) from ticket"));

        // a reporter who joins now is told the status once, when they join
        String latePhone = "+86" + Reports.uniquePhone();
        String late = TwilioSms.referenceIn(TwilioSms.text(latePhone, "浪花测试苑停水了，整个小区都没有水啊"));
        await().atMost(Duration.ofSeconds(30)).until(() -> is(late, "MERGED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> texts(phoneOf(late), STATUS_ZH).size() == 1);

        // each progress update of the incident's ticket, to every reporter once
        long lead = ((Number) sql.one("select a.id from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ?", first)).longValue();
        Sessions.partnerJson("PF-SURGE").post("/partner-api/v1/assignments/" + lead + "/accept").then()
                .statusCode(200);
        Sessions.partnerJson("PF-SURGE").body("{\"note\":\"抢修队已到场\"}")
                .post("/partner-api/v1/assignments/" + lead + "/progress").then().statusCode(200);
        Sessions.partnerJson("PF-SURGE").body("{\"note\":\"已恢复供水\"}")
                .post("/partner-api/v1/assignments/" + lead + "/resolve").then().statusCode(200);
        List<String> phones = List.of(phoneForm, phone311, phoneSms, phoneOf(late));
        for (String update : List.of("承办单位已签收", "抢修队已到场", "已恢复供水")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> phones.stream()
                    .allMatch(p -> texts(p, update).size() == 1) && wechat(openid, update).size() == 1);
        }
        // nothing more is coming: every reporter got one message per update, four each
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> phones.stream()
                .allMatch(p -> texts(p, BROADCAST).size() == 4) && wechat(openid, BROADCAST).size() == 4);
        assertEquals(0L, sql.count("select count(*) from outbox where topic = 'incident-update' and status = 'PENDING'"
                + " and ticket_reference = any(?)", (Object) new String[]{first, open311, sms, wechat, late}));
    }

    /** The first message to this phone is refused with 503 (Twilio unavailable); later ones go through. */
    private static void failOnceFor(String phone) {
        TwilioApiStub.server.stubFor(post(urlPathEqualTo(TwilioApiStub.MESSAGES_PATH)).atPriority(1)
                .withRequestBody(containing(TwilioApiStub.toField(phone)))
                .inScenario("fail-once-" + phone).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("failed"));
    }

    /** The texts Twilio accepted (201) for this phone whose body contains {@code words}. */
    private static List<String> texts(String phone, String words) {
        return TwilioApiStub.server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(TwilioApiStub.MESSAGES_PATH))
                .filter(e -> e.getResponse().getStatus() == 201).map(ServeEvent::getRequest)
                .map(TwilioApiStub::form).filter(f -> phone.equals(f.get("To")))
                .map(f -> f.get("Body")).filter(b -> b != null && b.contains(words) && b.contains(BROADCAST))
                .toList();
    }

    /** The WeChat customer-service messages to this openid whose text contains {@code words}. */
    private static List<String> wechat(String openid, String words) {
        return WechatApiStub.sent(WechatApiStub.CUSTOM_PATH, openid).stream()
                .map(n -> n.at("/text/content").asText()).filter(t -> t.contains(words) && t.contains(BROADCAST))
                .toList();
    }

    private String phoneOf(String reference) {
        return (String) sql.one("select r.phone from ticket t join resident r on r.id = t.resident_id"
                + " where t.reference = ?", reference);
    }

    private boolean is(String reference, String status) {
        return sql.count("select count(*) from ticket where reference = ? and status = ?", reference, status) == 1;
    }

    private static List<PartnerReceiver.Received> offers(String reference) {
        return HubTestResources.receiver.to(HOOK).stream()
                .filter(r -> "assignment.offered".equals(r.header("X-Hub-Event")))
                .filter(r -> r.bodyText().contains("\"reference\":\"" + reference + "\"")).toList();
    }
}
