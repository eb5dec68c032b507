package org.hotlinehub.connectors.twilio;

import static org.hotlinehub.testsupport.TwilioVoice.BASE;
import static org.hotlinehub.testsupport.TwilioVoice.HOTLINE;
import static org.hotlinehub.testsupport.TwilioVoice.call;
import static org.hotlinehub.testsupport.TwilioVoice.children;
import static org.hotlinehub.testsupport.TwilioVoice.only;
import static org.hotlinehub.testsupport.TwilioVoice.post;
import static org.hotlinehub.testsupport.TwilioVoice.spelled;
import static org.hotlinehub.testsupport.TwilioVoice.spoken;
import static org.hotlinehub.testsupport.TwilioVoice.verbs;
import static org.hotlinehub.testsupport.TwilioVoice.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.hotlinehub.model.Masks;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.Tickets;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioSms;
import org.hotlinehub.testsupport.TwilioVoice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Number masking through the hotline, every step as Twilio makes it (signed webhooks) with the Twilio API on WireMock:
 * a volunteer's call bridged to the resident with the hotline as caller id, a partner's "R" text delivered from the
 * hotline number and the resident's reply sent back, the timeline with masked numbers, refusals in both languages when
 * the assignment is not accepted or has ended, and phones registered for nobody taken by the usual line and intake.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
class MaskedRelayTest extends StaffedLine {

    /**
     * offered, accept-by, resolve-by, their warn points and accepted: far from any sweep, by the hub's clock (other
     * tests move it on by days, and the accept-deadline sweep would expire an offer dated by the database's).
     */
    private static final String CLOCKS = "?::timestamptz, ?::timestamptz + interval '1 hour', ?::timestamptz + interval '1 day',"
            + " ?::timestamptz + interval '50 minutes', ?::timestamptz + interval '20 hours', ?::timestamptz";

    @Inject
    Clock clock;
    @Inject
    Sql sql;

    private String reference;
    private String resident;
    private String holder;
    private String code;

    @BeforeEach
    void ticketWithAResident() {
        reference = Tickets.inTriage(sql, "楼道里有异味，请派人看看 " + System.nanoTime());
        resident = (String) sql.one("select r.phone from ticket t join resident r on r.id = t.resident_id"
                + " where t.reference = ?", reference);
        holder = "+86" + Reports.uniquePhone();
        code = "MASK-" + System.nanoTime();
    }

    /** A volunteer (no grid: dispatch never picks them) holding an assignment on the ticket in this state. */
    private void volunteerHolds(String state) {
        sql.update("insert into volunteer (code, name, phone) values (?, '张测试', ?)", code, holder);
        holds("volunteer", state);
    }

    /** A partner (serving no place) whose contact phones ({@code phones:}) include the holder's phone. */
    private void partnerHolds(String state) {
        sql.update("insert into partner (code, type, name_zh, delivery_channel, phone, phones) values (?,"
                + " 'service-provider', '测试维修公司', 'portal', ?, cast(? as text[]))", code,
                "+86" + Reports.uniquePhone(), "{" + holder + "}");
        holds("partner", state);
    }

    /** @param assignee the table of the assignee with this test's code, {@code volunteer} or {@code partner} */
    private void holds(String assignee, String state) {
        java.time.OffsetDateTime now = clock.instant().atOffset(java.time.ZoneOffset.UTC);
        sql.update("insert into assignment (id, ticket_id, " + assignee + "_id, role, state, reason, offered_at,"
                + " accept_by, resolve_by, accept_warn_at, resolve_warn_at, accepted_at)"
                + " select nextval('assignment_id_seq'), t.id, h.id, 'lead', ?, 'test', " + CLOCKS
                + " from ticket t, " + assignee + " h where t.reference = ? and h.code = ?", state, now, now, now, now,
                now, now, reference, code);
    }

    private void assignmentNow(String state) {
        sql.update("update assignment set state = ? where ticket_id = (select id from ticket where reference = ?)"
                + " and (volunteer_id = (select id from volunteer where code = ?)"
                + " or partner_id = (select id from partner where code = ?))", state, reference, code, code);
    }

    private List<Object> timeline(String kind) {
        return sql
                .column("select e.actor || ' | ' || e.detail from timeline_event e join ticket t on t.id = e.ticket_id"
                        + " where t.reference = ? and e.kind = ? order by e.id", reference, kind);
    }

    private Element keys(String sid, String path, String digits) {
        return post(path, with(call(sid, holder, "in-progress"), "Digits", digits));
    }

    @Test
    void shouldBridgeAVolunteerToTheResidentWithTheHotlineAsCallerIdAndPutTheCallOnTheTimeline() {
        volunteerHolds("ACCEPTED");
        String sid = TwilioVoice.newCallSid();

        Element greeting = post("/twilio/voice", call(sid, holder, "ringing"));
        assertEquals(List.of("Gather", "Redirect"), verbs(greeting));
        Element gather = only(greeting, "Gather");
        assertEquals(BASE + "/masked?lang=zh&attempt=1", gather.getAttribute("action"));
        assertEquals("#", gather.getAttribute("finishOnKey"));
        assertEquals("张测试您好，这里是96993号码保护通话，居民看到的是热线号码。按1联系工单" + spelled(reference)
                + "的居民。也可以输入工单号，按井号键结束。拨打热线请按0。 For English, press 9.", spoken(greeting));
        assertEquals(BASE + "/masked?lang=zh&attempt=1", only(greeting, "Redirect").getTextContent());

        Element bridge = keys(sid, "/twilio/voice/masked?lang=zh&attempt=1", "1");
        assertEquals(List.of("Say", "Dial"), verbs(bridge));
        assertEquals("正在为您接通工单" + spelled(reference) + "的居民，请稍候。", spoken(bridge));
        Element dial = only(bridge, "Dial");
        assertEquals(HOTLINE, dial.getAttribute("callerId"));
        assertEquals("30", dial.getAttribute("timeout"));
        assertEquals(BASE + "/masked/done?ref=" + reference + "&lang=zh", dial.getAttribute("action"));
        assertEquals(resident, only(dial, "Number").getTextContent());

        List<Object> calls = timeline("RELAYED_CALL");
        assertEquals(List.of("volunteer:" + code + " | Masked call from " + Masks.phone(holder) + " to the resident "
                + Masks.phone(resident) + " through the hotline: connecting"), calls);

        Map<String, String> ended = with(call(sid, holder, "completed"), "DialCallStatus", "completed",
                "DialCallDuration", "42", "DialCallSid", TwilioVoice.newCallSid());
        Element done = post("/twilio/voice/masked/done?ref=" + reference + "&lang=zh", ended);
        assertEquals(List.of("Hangup"), verbs(done));
        post("/twilio/voice/masked/done?ref=" + reference + "&lang=zh", ended); // Twilio's retry: written once
        calls = timeline("RELAYED_CALL");
        assertEquals(2, calls.size());
        assertTrue(calls.get(1).toString().endsWith("through the hotline: completed after 42 s"), calls.toString());
        assertFalse(calls.toString().contains(resident) || calls.toString().contains(holder), calls.toString());

        // the bridge is TwiML only: the hub made no call and sent no text through the Twilio API for it
        assertTrue(TwilioVoice.callsCreated().stream().noneMatch(c -> resident.equals(c.get("To"))
                || holder.equals(c.get("To"))));
        assertTrue(TwilioApiStub.sentTo(resident).isEmpty());
    }

    @Test
    void shouldSayWhenTheResidentDoesNotAnswer() {
        volunteerHolds("IN_PROGRESS");
        String sid = TwilioVoice.newCallSid();
        post("/twilio/voice", call(sid, holder, "ringing"));
        assertEquals(resident, only(only(keys(sid, "/twilio/voice/masked?lang=zh&attempt=1", reference + "#"),
                "Dial"), "Number").getTextContent());
        Element done = post("/twilio/voice/masked/done?ref=" + reference + "&lang=zh",
                with(call(sid, holder, "in-progress"), "DialCallStatus", "no-answer"));
        assertEquals(List.of("Say", "Hangup"), verbs(done));
        assertEquals("居民未接听，请稍后再试。再见。", spoken(done));
        assertTrue(timeline("RELAYED_CALL").get(1).toString().endsWith("through the hotline: no-answer"));
    }

    @Test
    void shouldRefuseInBothLanguagesBeforeAcceptanceAndAfterTheAssignmentEnds() {
        volunteerHolds("OFFERED");
        String sid = TwilioVoice.newCallSid();
        Element greeting = post("/twilio/voice", call(sid, holder, "ringing"));
        assertFalse(spoken(greeting).contains("按1"), "an offer that is not accepted is not offered by key");
        Element refused = keys(sid, "/twilio/voice/masked?lang=zh&attempt=1", reference + "#");
        assertEquals(List.of("Say", "Say", "Hangup"), verbs(refused));
        assertEquals("Polly.Zhiyu", children(refused).get(0).getAttribute("voice"));
        assertEquals("Polly.Joanna", children(refused).get(1).getAttribute("voice"));
        assertEquals("工单" + spelled(reference) + "尚未签收，签收后才能联系居民。 Request " + spelled(reference)
                + " is not accepted yet; accept it first to reach the resident.", spoken(refused));

        assignmentNow("RESOLVED");
        String later = TwilioVoice.newCallSid();
        post("/twilio/voice", call(later, holder, "ringing"));
        Element ended = keys(later, "/twilio/voice/masked?lang=zh&attempt=1", reference);
        assertEquals(List.of("Say", "Say", "Hangup"), verbs(ended));
        assertTrue(spoken(ended).startsWith("您在工单" + spelled(reference) + "的派单已结束（已办结、拒单、退单或超时），号码保护通话和短信已停止。"),
                spoken(ended));
        assertTrue(spoken(ended).contains("Your assignment on request " + spelled(reference) + " has ended"));

        // a ticket that was never theirs: asked again once
        Element other = keys(later, "/twilio/voice/masked?lang=zh&attempt=1", "999999999");
        assertEquals(List.of("Say", "Say", "Gather", "Redirect"), verbs(other));
        assertEquals(BASE + "/masked?lang=zh&attempt=2", only(other, "Gather").getAttribute("action"));
        assertTrue(timeline("RELAYED_CALL").isEmpty());
    }

    @Test
    void shouldGiveAnUnregisteredCallerTheUsualMenuAndAHolderItOnKeyZero() {
        Element usual = post("/twilio/voice", call(TwilioVoice.newCallSid(), "+86" + Reports.uniquePhone(),
                "ringing"));
        assertEquals(BASE + "/menu?lang=zh&attempt=1", only(usual, "Gather").getAttribute("action"));

        volunteerHolds("ACCEPTED");
        String sid = TwilioVoice.newCallSid();
        post("/twilio/voice", call(sid, holder, "ringing"));
        Element menu = keys(sid, "/twilio/voice/masked?lang=zh&attempt=1", "0");
        assertEquals(BASE + "/menu?lang=zh&attempt=1", only(menu, "Gather").getAttribute("action"));
        assertTrue(timeline("RELAYED_CALL").isEmpty());
    }

    @Test
    void shouldRelayAPartnersTextFromTheHotlineNumberAndTheResidentsReplyBack() {
        partnerHolds("ACCEPTED");
        String sid = TwilioSms.newSid();
        Map<String, String> text = TwilioSms.inbound(sid, holder, "R " + reference + " 明天上午9点上门维修");
        String reply = TwilioSms.replyIn(TwilioSms.postSigned("/twilio/sms", text).then().statusCode(200).extract()
                .asString());
        assertEquals("已转给工单" + reference + "的居民，居民回复会转到本手机。 / Sent to the resident of request "
                + reference + "; their reply comes to this phone.", reply);

        Map<String, String> sent = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TwilioApiStub
                .sentTo(resident).stream().findFirst().orElse(null), f -> f != null);
        assertEquals(TwilioApiStub.FROM, sent.get("From"));
        assertEquals("【96993】工单" + reference + "的承办人（测试维修公司）：明天上午9点上门维修（直接回复本短信，4小时内会转给承办人，双方号码均已保护。）",
                sent.get("Body"));
        // Twilio's retry of the same text sends nothing twice
        assertEquals(reply, TwilioSms.replyIn(TwilioSms.postSigned("/twilio/sms", text).then().statusCode(200)
                .extract().asString()));
        assertEquals(1L, sql.count("select count(*) from outbound_message where purpose = 'masked-relay'"
                + " and to_phone = ?", resident));
        assertEquals(List.of("partner:" + code + " | Masked text from " + Masks.phone(holder) + " to the resident "
                + Masks.phone(resident) + ": 明天上午9点上门维修"), timeline("RELAYED_TEXT"));

        // the resident answers: to the partner's phone, from the hotline number, no reply to the resident
        String answerSid = TwilioSms.newSid();
        String twiml = TwilioSms.postSigned("/twilio/sms", TwilioSms.inbound(answerSid, resident, "好的，我上午在家"))
                .then().statusCode(200).extract().asString();
        assertFalse(twiml.contains("<Message"), twiml);
        Map<String, String> back = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TwilioApiStub
                .sentTo(holder).stream().findFirst().orElse(null), f -> f != null);
        assertEquals(TwilioApiStub.FROM, back.get("From"));
        assertEquals("【96993】工单" + reference + "居民回复：好的，我上午在家（回复请发 R " + reference + " 内容 / To answer: R "
                + reference + " <message>）", back.get("Body"));
        List<Object> texts = timeline("RELAYED_TEXT");
        assertEquals("resident | Masked text from the resident " + Masks.phone(resident) + " to "
                + Masks.phone(holder) + ": 好的，我上午在家", texts.get(1));
        // a relay reply is no new report or follow-up
        assertEquals(0L, sql.count("select count(*) from inbound_contact where external_id = ?", answerSid));
    }

    @Test
    void shouldStopRelayingWhenTheAssignmentIsReturnedAndTakeTheResidentsTextAsAFollowUp() {
        partnerHolds("OFFERED");
        assertEquals("工单" + reference + "尚未签收，签收后才能联系居民。 / Request " + reference
                + " is not accepted yet; accept it first to reach the resident.",
                TwilioSms.text(holder, "R " + reference + " 你好"));

        assignmentNow("ACCEPTED");
        TwilioSms.text(holder, "R " + reference + " 请问几点方便？");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TwilioApiStub.sentTo(resident).size() == 1);

        assignmentNow("RETURNED");
        String refused = TwilioSms.text(holder, "R " + reference + " 我们明天来");
        assertTrue(refused.startsWith("您在工单" + reference + "的派单已结束（已办结、拒单、退单或超时），号码保护通话和短信已停止。"),
                refused);
        assertTrue(refused.contains(" / Your assignment on request " + reference + " has ended"), refused);
        for (String ended : List.of("DECLINED", "EXPIRED", "RESOLVED", "CANCELLED")) {
            assignmentNow(ended);
            assertTrue(TwilioSms.text(holder, "R " + reference + " 还在吗").startsWith("您在工单" + reference
                    + "的派单已结束"), ended);
        }

        String sid = TwilioSms.newSid();
        String followUp = TwilioSms.replyIn(TwilioSms.postSigned("/twilio/sms", TwilioSms.inbound(sid, resident,
                "下午三点以后都在家")).then().statusCode(200).extract().asString());
        assertTrue(followUp.contains(reference), followUp);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sql.count(
                "select count(*) from inbound_contact where external_id = ?", sid) == 1);
        assertEquals(1, TwilioApiStub.sentTo(resident).size());
        assertTrue(TwilioApiStub.sentTo(holder).isEmpty());
        assertEquals(1, timeline("RELAYED_TEXT").size());
    }

    @Test
    void shouldTakeTheResidentsTextAsUsualOnceTheReplyWindowHasPassed() {
        partnerHolds("ACCEPTED");
        TwilioSms.text(holder, "R " + reference + " 请问几点方便？");
        sql.update("update masked_relay set last_at = now() - interval '5 hours' where resident_phone = ?", resident);
        String sid = TwilioSms.newSid();
        TwilioSms.postSigned("/twilio/sms", TwilioSms.inbound(sid, resident, "随时都可以")).then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sql.count(
                "select count(*) from inbound_contact where external_id = ?", sid) == 1);
        assertTrue(TwilioApiStub.sentTo(holder).isEmpty());
    }

    @Test
    void shouldTakeAnRTextFromAnUnregisteredPhoneAsANewReport() {
        String stranger = "+86" + Reports.uniquePhone();
        String reply = TwilioSms.text(stranger, "R " + reference + " 路灯不亮了");
        String fresh = TwilioSms.referenceIn(reply);
        assertNotEquals(reference, fresh);
        assertTrue(TwilioApiStub.sentTo(resident).isEmpty());
        assertTrue(timeline("RELAYED_TEXT").isEmpty());
    }
}
