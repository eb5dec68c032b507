package org.hotlinehub.incident;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.hotlinehub.connectors.wechat.Pushes;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.PartnerReceiver;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioSms;
import org.hotlinehub.testsupport.WechatApiStub;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The reporters of an incident after they joined it (issue 21's leftovers): a reporter who writes again while the
 * incident is open adds to it (SMS and WeChat alike) instead of reporting it a second time; a WeChat reporter whose
 * 48-hour window has closed gets the broadcast as the status template message; at the resolution each reporter gets
 * one text that says what was done and asks the survey question. Each test has a grid of its own (detection compares
 * a grid's open tickets), held by PF-REPORTERS.
 */
@QuarkusTest
@TestProfile(IncidentTest.On.class)
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
@QuarkusTestResource(WechatApiStub.class)
class IncidentReportersTest {

    static final String HOOK = "/hooks/PF-REPORTERS";
    static final Duration WAIT = Reporters.WAIT;

    @Inject
    Sql sql;
    @Inject
    Clock clock;

    @Test
    void shouldAddAReportersNextMessageToTheOpenIncidentInsteadOfCountingThemTwice() {
        String incident = Reporters.dispatchedIncident(sql, "RPT-COURT-1", "晨曦测试苑停水了，整个小区都没有水");
        String phone = "+86" + Reports.uniquePhone();
        String sms = TwilioSms.referenceIn(TwilioSms.text(phone, "晨曦测试苑停水了，整个小区都没有水，什么时候来水"));
        String openid = Pushes.openid();
        String wechat = Reporters.wechatReporter(sql, openid, "晨曦测试苑停水了，小区都没有水");
        await().atMost(WAIT).until(() -> is(sms, "MERGED"));
        await().atMost(WAIT).until(() -> reporterAdded(incident).size() == 2);
        assertEquals(3, reporters(incident));

        // the SMS reporter writes again: added to the incident's record, said so, and counted once
        String smsReply = TwilioSms.text(phone, "还没来水，家里老人等着做饭");
        assertTrue(smsReply.contains(incident) && smsReply.contains(sms), smsReply);
        // … and so does the WeChat reporter, by the same rule
        String wechatReply = Pushes.content(Pushes.post(Pushes.text(openid, Pushes.msgId(), "水还是没有来")));
        assertTrue(wechatReply.contains(incident) && wechatReply.contains(wechat), wechatReply);

        await().atMost(WAIT).until(() -> followUps(sms, "还没来水") == 1 && followUps(wechat, "水还是没有来") == 1);
        await().atMost(WAIT).until(() -> followUps(incident, "还没来水") == 1 && followUps(incident, "水还是没有来") == 1);
        assertTrue(((String) sql.one("select e.detail from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'FOLLOW_UP' and e.detail like '%还没来水%'", incident))
                .startsWith("the resident of ticket " + sms + ", merged into this one, adds: "));
        // no new report, no second link, no second addition for the partner
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> reporterAdded(incident).size() == 2);
        assertEquals(3, reporters(incident));
        assertEquals(1L, sql.count("select count(*) from ticket t join resident r on r.id = t.resident_id"
                + " where r.phone = ?", phone), "the follow-up made no ticket");
        assertEquals(1L, sql.count("select count(*) from ticket t join resident r on r.id = t.resident_id"
                + " where r.wechat_openid = ?", openid));
    }

    @Test
    void shouldBroadcastToAWechatReporterOutsideTheWindowAsTheStatusTemplate() {
        // the reporter's last push was three days ago when the incident's offer is accepted
        Reporters.QuietFollower joined = Reporters.acceptedWithQuietFollower(sql, clock, "RPT-COURT-2", "松涛测试苑");
        String openid = joined.openid();
        String wechat = joined.wechat();

        await().atMost(WAIT).until(() -> WechatApiStub.sent(WechatApiStub.TEMPLATE_PATH, openid).size() == 1);
        JsonNode template = WechatApiStub.sent(WechatApiStub.TEMPLATE_PATH, openid).get(0);
        assertEquals(WechatApiStub.TEMPLATE_ID, template.path("template_id").asText());
        assertEquals(wechat, template.at("/data/keyword1/value").asText(), "the reporter's own reference");
        assertEquals("承办单位已签收", template.at("/data/keyword2/value").asText());
        assertTrue(template.at("/data/keyword3/value").asText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"),
                template.toString());
        assertEquals(List.of(), WechatApiStub.sent(WechatApiStub.CUSTOM_PATH, openid).stream()
                .filter(n -> n.at("/text/content").asText().contains("承办单位已签收")).toList(),
                "no customer-service message outside the window");
        await().atMost(WAIT).until(() -> sql.count("select count(*) from outbox where topic = 'incident-update'"
                + " and recipient = ? and external_status = 'TEMPLATE'", openid) == 1);
    }

    @Test
    void shouldTellAReporterTheResolutionAndAskTheSurveyInOneText() {
        String incident = Reporters.dispatchedIncident(sql, "RPT-COURT-3", "白鹭测试苑停水了，整个小区都没有水");
        String filerPhone = Reporters.phoneOf(sql, incident);
        String phone = "+86" + Reports.uniquePhone();
        String sms = TwilioSms.referenceIn(TwilioSms.text(phone, "白鹭测试苑停水了，整个小区都没有水，什么时候来水"));
        await().atMost(WAIT).until(() -> is(sms, "MERGED"));

        long lead = lead(incident);
        Sessions.partnerJson("PF-REPORTERS").post("/partner-api/v1/assignments/" + lead + "/accept").then()
                .statusCode(200);
        Sessions.partnerJson("PF-REPORTERS").body("{\"note\":\"更换了爆裂的水管，已恢复供水。\"}")
                .post("/partner-api/v1/assignments/" + lead + "/resolve").then().statusCode(200);

        for (String to : List.of(phone, filerPhone)) {
            await().atMost(WAIT).until(() -> texts(to, "请回复数字评价").size() == 1);
            // nothing more is coming about the resolution: one text says what was done and asks the question
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> texts(to, "已办结").size() == 1);
            String text = texts(to, "已办结").get(0);
            assertTrue(text.startsWith("您反映的问题（工单") && text.contains("更换了爆裂的水管，已恢复供水。请回复数字评价"),
                    text);
        }
        assertTrue(texts(phone, "已办结").get(0).contains(sms), "about the reporter's own ticket");
        // the one text is the survey question: the answer counts for the reporter's own ticket
        assertTrue(TwilioSms.text(phone, "1").contains(sms));
        await().atMost(WAIT).until(() -> sql.count("select count(*) from survey_answer s join ticket t"
                + " on t.id = s.ticket_id where t.reference = ? and s.assignment_id = ?", sms, lead) == 1);
    }

    /** The texts Twilio took for this phone that contain {@code words}. */
    private static List<String> texts(String phone, String words) {
        return TwilioApiStub.sentTo(phone).stream().map(f -> f.get("Body")).filter(b -> b != null && b.contains(words))
                .distinct().toList();
    }

    private long followUps(String reference, String words) {
        return sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'FOLLOW_UP' and e.detail like ?", reference,
                "%" + words + "%");
    }

    private int reporters(String reference) {
        return ((Number) sql.one("select reporter_count from ticket where reference = ?", reference)).intValue();
    }

    private long lead(String reference) {
        return Reporters.lead(sql, reference);
    }

    private boolean is(String reference, String status) {
        return Reporters.is(sql, reference, status);
    }

    private static List<PartnerReceiver.Received> reporterAdded(String incident) {
        return HubTestResources.receiver.to(HOOK).stream()
                .filter(r -> "assignment.reporter-added".equals(r.header("X-Hub-Event")))
                .filter(r -> r.bodyText().contains("\"reference\":\"" + incident + "\"")).toList();
    }
}
