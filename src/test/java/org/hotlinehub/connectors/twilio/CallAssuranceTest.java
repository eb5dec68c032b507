package org.hotlinehub.connectors.twilio;

import static org.hamcrest.Matchers.equalTo;
import static org.hotlinehub.testsupport.Sessions.operator;
import static org.hotlinehub.testsupport.TwilioVoice.BASE;
import static org.hotlinehub.testsupport.TwilioVoice.call;
import static org.hotlinehub.testsupport.TwilioVoice.children;
import static org.hotlinehub.testsupport.TwilioVoice.only;
import static org.hotlinehub.testsupport.TwilioVoice.post;
import static org.hotlinehub.testsupport.TwilioVoice.spelled;
import static org.hotlinehub.testsupport.TwilioVoice.spoken;
import static org.hotlinehub.testsupport.TwilioVoice.verbs;
import static org.hotlinehub.testsupport.TwilioVoice.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * 呼叫保障 end to end: a registered vulnerable resident's call is recognised, key 1 or silence raises an urgent ticket
 * at their registered home, dispatch offers it at once to the street's volunteers and the community's committee, the
 * emergency contacts are texted and called, and the
 * caller goes to the front of the operator queue; the per-resident settings switch silence and texts off.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
class CallAssuranceTest extends StaffedLine {

    @Inject
    Sql sql;

    private String sid;
    private String phone;
    private String contact1;
    private String contact2;

    @BeforeEach
    void staffed() {
        sid = TwilioVoice.newCallSid();
        phone = "+86" + Reports.uniquePhone();
        contact1 = "+86" + Reports.uniquePhone();
        contact2 = "+86" + Reports.uniquePhone();
    }

    /** A resident registered in reference data, as the demo's 王大爷: living alone in 海韵花园. */
    private void register(String name, String flags) {
        sql.update("insert into resident (phone, name, address, place_id, flags, language, emergency_contacts,"
                + " registered) values (?, ?, '海韵花园3号楼2单元601', (select id from place where code = 'HY-GARDEN'),"
                + " cast(? as text[]), 'zh', cast(? as text[]), true)", phone, name, "{" + flags + "}",
                "{" + contact1 + "," + contact2 + "}");
    }

    private String assuranceReference() {
        // the edge answers before intake has stored the contact
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sql.count(
                "select count(*) from inbound_contact where channel = 'VOICE' and external_id = ?",
                sid + "/assurance") == 1);
        return (String) sql.one("select reference from inbound_contact where channel = 'VOICE' and external_id = ?",
                sid + "/assurance");
    }

    @Test
    void shouldRaiseAnUrgentTicketDispatchedToTheGridVolunteerAndTextTheContactsWhenTheResidentStaysSilent() {
        register("孙测试", "elderly-alone");
        Element greeting = post("/twilio/voice", call(sid, phone, "ringing"));
        assertEquals(List.of("Gather", "Redirect"), verbs(greeting));
        Element gather = only(greeting, "Gather");
        assertEquals("8", gather.getAttribute("timeout"));
        assertEquals("1", gather.getAttribute("numDigits"));
        assertEquals(BASE + "/assurance?lang=zh&attempt=1", gather.getAttribute("action"));
        assertEquals("Polly.Zhiyu", children(gather).get(0).getAttribute("voice"));
        assertEquals("孙测试您好，这里是96993呼叫保障。需要紧急帮助请按1，或者不要挂机，我们会马上通知社区志愿者上门。其他服务请按2。",
                children(gather).get(0).getTextContent());
        assertEquals(BASE + "/assurance?lang=zh&attempt=1", only(greeting, "Redirect").getTextContent());

        // Silence: Twilio follows the Redirect, without Digits
        Element raised = post("/twilio/voice/assurance?lang=zh&attempt=1", call(sid, phone, "in-progress"));
        assertEquals(List.of("Say", "Say", "Enqueue"), verbs(raised));
        String ref = assuranceReference();
        assertEquals("已为您发出紧急求助，社区志愿者会尽快上门。工单编号：" + spelled(ref) + "。我们已短信通知您的紧急联系人。"
                + " 正在为您优先转接话务员，请不要挂机。", spoken(raised));
        assertEquals("hotline-priority", only(raised, "Enqueue").getTextContent());

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sql.count(
                "select count(*) from ticket where reference = ? and status = 'DISPATCHED'", ref) == 1);
        assertEquals("urgent", sql.one("select priority from ticket where reference = ?", ref));
        assertEquals("VOICE", sql.one("select channel from ticket where reference = ?", ref));
        assertEquals("urgent-help", sql.one("select c.code from ticket t join catalog_entry c on c.id = t.category_id"
                + " where t.reference = ?", ref));
        assertEquals("HY-GARDEN", sql.one("select p.code from ticket t join place p on p.id = t.place_id"
                + " where t.reference = ?", ref));
        assertTrue(((String) sql.one("select description from ticket where reference = ?", ref))
                .startsWith("呼叫保障：已登记居民孙测试（独居老人）来电，在呼叫保障提示后未按键（静默求助）"));
        // Offered at once to the community's committee and to the street's volunteers with first aid and escort who
        // hold no unanswered emergency (EmergencyEscalationTest has the parallel offers in full)
        assertEquals("OFFERED", sql.one("select state from emergency where ticket_reference = ?", ref));
        assertEquals(1L, sql.count("select count(*) from assignment a join ticket t on t.id = a.ticket_id"
                + " join partner p on p.id = a.partner_id where t.reference = ? and p.code = 'RC-GUANHAI'", ref));
        assertEquals(0L, sql.count("select count(*) from assignment a join ticket t on t.id = a.ticket_id"
                + " join volunteer v on v.id = a.volunteer_id join place g on g.id = v.grid_id"
                + " join place c on c.id = g.parent_id join place s on s.id = c.parent_id where t.reference = ?"
                + " and (s.code <> 'SN-01' or not v.skills @> array['first-aid', 'escort'])", ref));
        assertTrue(sql.count("select count(*) from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ? and a.volunteer_id is not null", ref) <= 3);

        for (String contact : List.of(contact1, contact2)) {
            Map<String, String> sms = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TwilioApiStub
                    .sentTo(contact).stream().findFirst().orElse(null), f -> f != null);
            assertTrue(sms.get("Body").startsWith("【96993呼叫保障】您的家人孙测试于"), sms.get("Body"));
            assertTrue(sms.get("Body").endsWith("拨打热线求助（未按键）。社区志愿者正赶往海韵花园3号楼2单元601，工单" + ref
                    + "。请尽快与其联系。"), sms.get("Body"));
        }
        assertEquals(2L, sql.count("select count(*) from outbound_message where purpose = 'assurance'"
                + " and ticket_reference = ?", ref));

        assertEquals(2L, sql.count("select count(*) from voice_outbound where purpose = 'assurance-contact'"
                + " and ticket_reference = ?", ref));

        // A retried webhook raises nothing twice
        post("/twilio/voice/assurance?lang=zh&attempt=1", call(sid, phone, "in-progress"));
        assertEquals(2L, sql.count("select count(*) from outbound_message where purpose = 'assurance'"
                + " and ticket_reference = ?", ref));
        assertEquals(2L, sql.count("select count(*) from voice_outbound where purpose = 'assurance-contact'"
                + " and ticket_reference = ?", ref));
        assertEquals(1L, sql.count("select count(*) from ticket t join resident r on r.id = t.resident_id"
                + " where r.phone = ?", phone));

        // On the operators' screen: first, flagged, with the profile and the new ticket
        operator().get("/api/v1/calls/live").then()
                .statusCode(200)
                .body("find { it.callSid == '" + sid + "' }.vulnerable", equalTo(true))
                .body("find { it.callSid == '" + sid + "' }.queue", equalTo("hotline-priority"))
                .body("find { it.callSid == '" + sid + "' }.phone", equalTo(phone.substring(0, 6) + "****"
                        + phone.substring(10)))
                .body("find { it.callSid == '" + sid + "' }.ticketReference", equalTo(ref))
                .body("find { it.callSid == '" + sid + "' }.resident.name", equalTo("孙测试"))
                .body("find { it.callSid == '" + sid + "' }.resident.recentTickets[0].reference", equalTo(ref));
    }

    @Test
    void shouldRaiseTheTicketOnKeyOneWithoutTextsWhenTheResidentSwitchedThemOff() {
        register("钱测试", "disabled,assurance-no-sms");
        post("/twilio/voice", call(sid, phone, "ringing"));
        Element raised = post("/twilio/voice/assurance?lang=zh&attempt=1", with(call(sid, phone, "in-progress"),
                "Digits", "1"));
        String ref = assuranceReference();
        assertEquals("已为您发出紧急求助，社区志愿者会尽快上门。工单编号：" + spelled(ref) + "。 正在为您优先转接话务员，请不要挂机。",
                spoken(raised));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sql.count(
                "select count(*) from ticket where reference = ? and priority = 'urgent'", ref) == 1);
        assertTrue(((String) sql.one("select description from ticket where reference = ?", ref)).contains("按1紧急求助"));
        assertEquals(0L, sql.count("select count(*) from outbound_message where ticket_reference = ?"
                + " and purpose = 'assurance'", ref));
        assertEquals(0L, sql.count("select count(*) from voice_outbound where ticket_reference = ?"
                + " and purpose = 'assurance-contact'", ref));
    }

    @Test
    void shouldAskAgainAndThenGoToThePriorityQueueWhenSilenceIsNoAlarmForTheResident() {
        register("李测试", "elderly-alone,assurance-no-silence");
        Element greeting = post("/twilio/voice", call(sid, phone, "ringing"));
        assertEquals("李测试您好，这里是96993呼叫保障。需要紧急帮助请按1。其他服务请按2。 For English, press 9.",
                spoken(greeting));
        Element again = post("/twilio/voice/assurance?lang=zh&attempt=1", call(sid, phone, "in-progress"));
        assertEquals(List.of("Say", "Gather", "Redirect"), verbs(again));
        assertEquals(BASE + "/assurance?lang=zh&attempt=2", only(again, "Gather").getAttribute("action"));
        Element operator = post("/twilio/voice/assurance?lang=zh&attempt=2", call(sid, phone, "in-progress"));
        assertEquals("hotline-priority", only(operator, "Enqueue").getTextContent());
        assertEquals(0L, sql.count("select count(*) from inbound_contact where external_id = ?",
                sid + "/assurance"));
    }

    @Test
    void shouldSendHelpAndAskToKeepThePhoneFreeOutsideStaffedHours() {
        hours.useClock(CLOSED);
        register("周测试", "elderly-alone");
        post("/twilio/voice", call(sid, phone, "ringing"));
        Element raised = post("/twilio/voice/assurance?lang=zh&attempt=1", with(call(sid, phone, "in-progress"),
                "Digits", "1"));
        assertEquals(List.of("Say", "Say", "Hangup"), verbs(raised));
        assertTrue(spoken(raised).endsWith("请保持电话畅通，志愿者可能会给您回电。再见。"), spoken(raised));
    }

    @Test
    void shouldPutAVulnerableResidentWhoHangsUpInTheMenuOnTheCallBackList() {
        register("吴测试", "elderly-alone,assurance-no-silence");
        post("/twilio/voice", call(sid, phone, "ringing"));
        TwilioSms.postSigned("/twilio/voice/status", with(call(sid, phone, "completed"), "CallDuration", "4")).then()
                .statusCode(200);
        assertEquals("vulnerable-hangup", sql.one("select reason from voice_callback where call_sid = ?", sid));
    }
}
