package org.hotlinehub.connectors.twilio;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.hotlinehub.model.OutboxChannel;
import org.hotlinehub.model.OutboxMessage;
import org.hotlinehub.model.SendResult;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.PartnerReceiver;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioSms;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Partners answer offers by SMS keywords, only from their registered phones; anything else gets help. */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
class TwilioPartnerKeywordsTest {

    static final String PARTNER_PHONE = "+8613800009901";
    static final String HELP = "未能识别您的回复。请回复：Y 工单号（接单）；N 工单号 原因（拒单）；OK 工单号（办结）。例如：Y 100000009"
            + " / Reply Y <no.> to accept, N <no.> <reason> to decline, OK <no.> when done.";

    @Inject
    Sql sql;
    @Inject
    TwilioSmsPartnerTransport transport;

    /** A resident's report at the SMS partner's compound, offered to it. */
    private String offeredToSmsPartner() {
        String ref = TwilioSms.referenceIn(TwilioSms.text("+86" + Reports.uniquePhone(), "短信测试苑1号楼电梯坏了"));
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from assignment a join ticket t"
                + " on t.id = a.ticket_id join partner p on p.id = a.partner_id where t.reference = ?"
                + " and p.code = 'PF-SMS' and a.state = 'OFFERED'", ref) == 1);
        return ref;
    }

    private String assignmentState(String ref, String partner) {
        return (String) sql.one("select a.state from assignment a join ticket t on t.id = a.ticket_id join partner p"
                + " on p.id = a.partner_id where t.reference = ? and p.code = ?", ref, partner);
    }

    @Test
    void shouldIgnoreKeywordsFromAPhoneThatIsNotThePartners() {
        String ref = offeredToSmsPartner();
        String stranger = "+86" + Reports.uniquePhone();
        assertEquals("本号码未登记为承办单位或志愿者，无法办理该指令。居民查询进度请发送“查询 工单号”。"
                + " / This phone is not registered for a partner or volunteer; residents can send STATUS <no.>.",
                TwilioSms.text(stranger, "Y " + ref));
        assertEquals("OFFERED", assignmentState(ref, "PF-SMS"));
        assertEquals(0L, sql.count("select count(*) from resident where phone = ?", stranger));
    }

    @Test
    void shouldTakeKeywordsFromAnyOfThePartnersContactPhones() {
        String ref = offeredToSmsPartner();
        String duty = "+86" + Reports.uniquePhone();
        sql.update("update partner set phones = array[?] where code = 'PF-SMS'", duty);
        try {
            TwilioSms.text(duty, "Y " + ref);
            assertEquals("ACCEPTED", assignmentState(ref, "PF-SMS"), "a text from the duty phone is the partner's");
        } finally {
            sql.update("update partner set phones = '{}' where code = 'PF-SMS'");
        }
    }

    @Test
    void shouldLetAVolunteerAcceptAndFinishByTextFromTheirRegisteredPhone() {
        String ref = Reports.fileJson("test-errand", "跑腿测试：短信志愿者帮忙买药", Reports.uniquePhone(), "TEST-VOL2-COURT", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from assignment a join ticket t"
                + " on t.id = a.ticket_id where t.reference = ? and a.volunteer_id is not null", ref) == 1);
        String phone = (String) sql.one("select v.phone from assignment a join ticket t on t.id = a.ticket_id"
                + " join volunteer v on v.id = a.volunteer_id where t.reference = ?", ref);

        TwilioSms.text(phone, "Y " + ref);
        assertEquals("ACCEPTED", sql.one("select a.state from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ? and a.volunteer_id is not null", ref));
        TwilioSms.text(phone, "OK " + ref + " 药已送到");
        assertEquals("RESOLVED", sql.one("select a.state from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ? and a.volunteer_id is not null", ref));
    }

    @Test
    void shouldHelpWhenTheKeywordIsWrongOrIncomplete() {
        String ref = offeredToSmsPartner();
        assertEquals(HELP, TwilioSms.text(PARTNER_PHONE, "好的收到"));
        assertEquals(HELP, TwilioSms.text(PARTNER_PHONE, "Y"));
        assertEquals("拒单请写明原因，例如：N " + ref + " 不在服务范围", TwilioSms.text(PARTNER_PHONE, "N " + ref));
        assertEquals("工单" + ref + "还未签收，请先回复 Y " + ref + " 签收。", TwilioSms.text(PARTNER_PHONE, "OK " + ref));
        assertEquals("没有派给您的工单987654321，请核对编号。", TwilioSms.text(PARTNER_PHONE, "Y 987654321"));
        assertEquals("OFFERED", assignmentState(ref, "PF-SMS"));
    }

    @Test
    void shouldDeclineWithReasonAndOfferTheNextPartyWhenPartnerTextsN() {
        String ref = offeredToSmsPartner();
        PartnerReceiver receiver = HubTestResources.receiver;
        assertEquals("已退回工单" + ref + "（原因：不在服务范围），我们会另行安排。", TwilioSms.text(PARTNER_PHONE, "N " + ref + " 不在服务范围"));
        assertEquals("DECLINED", assignmentState(ref, "PF-SMS"));
        assertEquals("不在服务范围", sql.one("select a.closed_reason from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ? and a.state = 'DECLINED'", ref));
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.to("/hooks/RC-GUANHAI").stream()
                .anyMatch(r -> r.bodyText().contains(ref)));
        assertEquals("OFFERED", assignmentState(ref, "RC-GUANHAI"));

        assertEquals("工单" + ref + "目前为“已拒单”，不能签收。", TwilioSms.text(PARTNER_PHONE, "Y " + ref),
                "a declined offer cannot be accepted any more");
    }

    @Test
    void shouldAnswerTheSameWhenTwilioRetriesAPartnerKeyword() {
        String ref = offeredToSmsPartner();
        var params = TwilioSms.inbound(TwilioSms.newSid(), PARTNER_PHONE, "接单 " + ref);
        String first = TwilioSms.postSigned("/twilio/sms", params).then().statusCode(200).extract().asString();
        String retry = TwilioSms.postSigned("/twilio/sms", params).then().statusCode(200).extract().asString();
        assertEquals(first, retry);
        assertEquals("已签收工单" + ref + "，谢谢！办完后请回复 OK " + ref + "。", TwilioSms.replyIn(first));
        assertEquals("ACCEPTED", assignmentState(ref, "PF-SMS"));
        assertEquals(1L, sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'ACCEPTED'", ref));
    }

    /** The partner stream's row of the ticket's offer to the SMS partner: status, attempts, last error. */
    private java.util.List<Object> offerRow(String ref) {
        return sql.column("select o.status || '|' || o.attempts || '|' || coalesce(o.last_error, '') from outbox o"
                + " join assignment a on a.id = o.assignment_id join ticket t on t.id = a.ticket_id"
                + " where t.reference = ? and o.stream = 'partner' and o.topic = 'assignment.offered'", ref);
    }

    @Test
    void shouldQueueTheOfferAsATextToThePartnersPhoneUnlessThePhoneOptedOut() {
        String ref = offeredToSmsPartner();
        await().atMost(Duration.ofSeconds(20)).until(() -> offerRow(ref).equals(java.util.List.of("DELIVERED|1|")));
        assertEquals(1L, sql.count("select count(*) from outbox where stream = 'sms' and recipient = ?"
                + " and ticket_reference = ? and topic = 'partner-assignment.offered' and body like '您好，有一件事想请您帮忙处理%'",
                PARTNER_PHONE, ref), "the offer is one text to the partner's phone");

        sql.update("insert into sms_opt_out (phone) values (?)", PARTNER_PHONE);
        try {
            String stopped = offeredToSmsPartner();
            await().atMost(Duration.ofSeconds(20)).until(() -> offerRow(stopped).stream()
                    .anyMatch(r -> ((String) r)
                            .matches("PENDING\\|[1-9]\\d*\\|the phone of .* opted out of SMS \\(STOP\\)")));
            assertEquals(0L, sql.count("select count(*) from outbox where stream = 'sms' and ticket_reference = ?",
                    stopped), "nothing is queued to a phone that opted out");
        } finally {
            sql.update("delete from sms_opt_out where phone = ?", PARTNER_PHONE);
        }
    }

    @Test
    void shouldQueueARoundsOffersTogetherAndStillSkipAPhoneThatOptedOut() {
        String ref = offeredToSmsPartner();
        String body = (String) sql.one("select o.body from outbox o join assignment a on a.id = o.assignment_id"
                + " join ticket t on t.id = a.ticket_id where t.reference = ? and o.stream = 'partner'", ref);
        String reachable = "+86" + Reports.uniquePhone();
        String stopped = "+86" + Reports.uniquePhone();
        String key = "together-" + ref;
        sql.update("insert into sms_opt_out (phone) values (?)", stopped);
        java.util.List<OutboxMessage> round = java.util.List.of(
                partnerSms(key + "-a", reachable, body), partnerSms(key + "-b", stopped, body),
                partnerSms(key + "-c", reachable, "{not json"),
                partnerSms(key + "-d", reachable, body));

        java.util.List<SendResult> first = transport.sendAll(round);

        assertEquals(java.util.List.of(SendResult.Kind.DELIVERED, SendResult.Kind.RETRY, SendResult.Kind.RETRY,
                SendResult.Kind.DELIVERED), first.stream().map(SendResult::kind).toList());
        assertTrue(first.get(1).detail().contains("opted out"), first.get(1).detail());
        assertTrue(first.get(2).detail().contains("not an assignment"), first.get(2).detail());
        assertEquals(0L, sql.count("select count(*) from outbox where stream = 'sms' and recipient = ?", stopped));
        long texts = sql.count("select count(*) from outbox where stream = 'sms' and recipient = ?"
                + " and idempotency_key like ?", reachable, key + "-a%");
        assertTrue(texts >= 1, "the offer is queued as a text (in parts when long)");
        assertEquals(texts, sql.count("select count(*) from outbox where stream = 'sms' and recipient = ?"
                + " and idempotency_key like ?", reachable, key + "-d%"), "each delivery its own text");
        // the worker sends a row again after a lost outcome: the same texts, nothing queued twice
        assertEquals(first.get(0).detail(), transport.sendAll(round).get(0).detail());
        assertEquals(2 * texts, sql.count("select count(*) from outbox where stream = 'sms' and recipient = ?",
                reachable));
    }

    private static OutboxMessage partnerSms(String key, String phone, String body) {
        return new OutboxMessage(0, OutboxChannel.PARTNER_SMS, "PF-SMS", phone, null, key, "assignment.offered",
                body, null, 0, null, null, 0, false);
    }
}
