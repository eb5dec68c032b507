package org.hotlinehub.routes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioSms;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Whole SMS conversations: a resident's first text → ticket → offer texted to an SMS partner → partner's keywords →
 * status query, follow-up → resolution → survey question → the resident's answer closes or reopens the ticket.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
class SmsConversationFlowTest {

    static final String PARTNER_PHONE = "+8613800009901";

    @Inject
    Sql sql;

    private Map<String, String> awaitSms(String to, String containing) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> TwilioApiStub.sentTo(to).stream()
                .filter(f -> f.get("Body").contains(containing)).findFirst().orElse(null), f -> f != null);
    }

    private String status(String reference) {
        return (String) sql.one("select status from ticket where reference = ?", reference);
    }

    private void awaitStatus(String reference, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count(
                "select count(*) from ticket where reference = ? and status = ?", reference, status) == 1);
    }

    private List<Object> timeline(String reference) {
        return sql.column("select e.kind from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? order by e.id", reference);
    }

    @Test
    void shouldCarryAChineseConversationFromFirstTextToSurveyAnswer() {
        String resident = "+86" + Reports.uniquePhone();
        String received = TwilioSms.text(resident, "短信测试苑3号楼漏水了，楼上往下滴水");
        String ref = TwilioSms.referenceIn(received);
        assertEquals("您的诉求已受理，工单编号" + ref + "。回复“查询 " + ref + "”可查进度，直接回复本号码可补充情况。", received);

        Map<String, String> offer = awaitSms(PARTNER_PHONE, ref);
        assertEquals(List.of("To", "From", "Body", "StatusCallback"), List.copyOf(offer.keySet()).stream()
                .sorted((a, b) -> order(a) - order(b)).toList());
        assertEquals(TwilioApiStub.FROM, offer.get("From"));
        assertEquals("http://hub.test/twilio/sms/status", offer.get("StatusCallback"));
        String masked = resident.substring(0, 6) + "****" + resident.substring(10);
        String body = offer.get("Body");
        assertTrue(body.startsWith("您好，有一件事想请您帮忙处理：短信测试苑（测试路19号），“短信测试苑3号楼漏水了，楼上往下滴水”（居民 "
                + masked + "）。工单" + ref + "，请在"), body);
        assertTrue(body.endsWith("前回复：Y " + ref + " 接单；N " + ref + " 加原因 拒单；办完回复 OK " + ref + "。谢谢！"), body);
        LoggedRequest wire = TwilioApiStub.requests().stream()
                .filter(r -> TwilioApiStub.form(r).get("Body").equals(body)).findFirst().orElseThrow();
        assertEquals("Basic " + Base64.getEncoder().encodeToString((TwilioApiStub.ACCOUNT_SID + ":"
                + TwilioApiStub.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)), wire.getHeader("Authorization"));

        assertEquals("已签收工单" + ref + "，谢谢！办完后请回复 OK " + ref + "。", TwilioSms.text(PARTNER_PHONE, "Y " + ref));
        assertEquals("ACCEPTED", status(ref));
        assertEquals("工单" + ref + "（物业报修）当前状态：承办单位已签收。", TwilioSms.text(resident, "查询 " + ref));
        assertEquals("Request " + ref + " (Property repair): accepted by the handling party.",
                TwilioSms.text(resident, "status " + ref));
        assertEquals("没有找到本手机号的工单" + ref + "，请核对编号。",
                TwilioSms.text("+86" + Reports.uniquePhone(), "查询 " + ref), "only the resident's own phone");

        assertEquals("已将您的补充记入工单" + ref + "。如要反映新的问题，请以“新”字开头发送。", TwilioSms.text(resident, "还在滴水，麻烦快点来"));
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from timeline_event e join"
                + " ticket t on t.id = e.ticket_id where t.reference = ? and e.kind = 'FOLLOW_UP' and e.detail = ?",
                ref, "还在滴水，麻烦快点来") == 1);

        assertEquals("工单" + ref + "已办结，谢谢！我们会回访居民。", TwilioSms.text(PARTNER_PHONE, "OK " + ref + " 已更换水管"));
        assertEquals("RESOLVED", status(ref));
        assertEquals("已更换水管", sql.one("select a.resolution_note from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ? and a.state = 'RESOLVED'", ref));
        assertEquals("您的工单" + ref + "已办结。请回复数字评价：1满意 2基本满意 3不满意 4未解决",
                awaitSms(resident, ref).get("Body"));

        assertEquals("感谢您的评价（基本满意），工单" + ref + "已结案。", TwilioSms.text(resident, "2"));
        awaitStatus(ref, "CLOSED");
        assertEquals("BASICALLY_SATISFIED", sql.one("select survey_result from ticket where reference = ?", ref));
        assertEquals(1L, sql.count("select count(*) from ticket t join resident r on r.id = t.resident_id"
                + " where r.phone = ?", resident));
        // the acceptance's follow-up (the full address by SMS) is delivered while the conversation goes on
        assertEquals(1L, sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'DELIVERED' and e.detail like 'assignment.accepted %'", ref));
        assertEquals(List.of("RECEIVED", "CLASSIFIED", "LOCATED", "DISPATCHED", "DELIVERED", "ACCEPTED", "FOLLOW_UP",
                "RESOLVED", "SURVEY_REQUESTED", "SURVEY_ANSWERED"),
                sql.column("select e.kind from timeline_event e"
                        + " join ticket t on t.id = e.ticket_id where t.reference = ? and (e.detail is null"
                        + " or e.detail not like 'assignment.accepted %') order by e.id", ref));
    }

    private static int order(String field) {
        return List.of("To", "From", "Body", "StatusCallback").indexOf(field);
    }

    @Test
    void shouldReopenInEnglishWhenTheResidentSaysNotSolved() {
        String resident = "+86" + Reports.uniquePhone();
        String received = TwilioSms.text(resident, "Water leak in the stairwell at SMS Test Court");
        String ref = TwilioSms.referenceIn(received);
        assertEquals("We have received your request, reference " + ref + ". Reply STATUS " + ref
                + " to check on it; reply to this number to add details.", received);
        awaitSms(PARTNER_PHONE, ref);
        TwilioSms.text(PARTNER_PHONE, "y" + ref);
        TwilioSms.text(PARTNER_PHONE, "ok " + ref);
        assertEquals("Your request " + ref + " has been resolved. Please reply 1 satisfied, 2 basically satisfied,"
                + " 3 dissatisfied, 4 not solved.", awaitSms(resident, ref).get("Body"));

        assertEquals("Sorry it is not solved yet. Request " + ref + " has been reopened; we will follow up.",
                TwilioSms.text(resident, "Not solved, still leaking"));
        awaitStatus(ref, "REOPENED");
        assertEquals("NOT_SOLVED", sql.one("select survey_result from ticket where reference = ?", ref));
        assertTrue(timeline(ref).containsAll(List.of("SURVEY_ANSWERED", "REOPENED")));

        String followUp = TwilioSms.text(resident, "The water is coming through the ceiling now");
        assertEquals("Added to your request " + ref + ". To report a different problem, start your message with NEW.",
                followUp, "a reopened ticket is open again for follow-ups");
        String fresh = TwilioSms.text(resident, "NEW: the stairwell light at SMS Test Court is broken");
        assertTrue(fresh.startsWith("We have received your request, reference "), fresh);
        String second = TwilioSms.referenceIn(fresh);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sql.count("select count(*) from ticket where reference = ?", second) == 1);
        assertEquals("the stairwell light at SMS Test Court is broken",
                sql.one("select description from ticket where reference = ?", second));
    }

    @Test
    void shouldAskWhereItIsAndDispatchOnceTheResidentAnswers() {
        String resident = "+86" + Reports.uniquePhone();
        String ref = TwilioSms.referenceIn(TwilioSms.text(resident, "楼道里的水管漏水了，请派人来修"));
        awaitStatus(ref, "TRIAGE");
        assertEquals("工单" + ref + "已受理。请问是在哪个小区或地址？直接回复即可。", awaitSms(resident, ref).get("Body"));

        assertEquals("已将您的补充记入工单" + ref + "。如要反映新的问题，请以“新”字开头发送。", TwilioSms.text(resident, "在短信测试苑5号楼"));
        awaitStatus(ref, "DISPATCHED");
        assertEquals("TEST-SMS-COURT", sql.one("select p.code from ticket t join place p on p.id = t.place_id"
                + " where t.reference = ?", ref));
        assertEquals(List.of("RECEIVED", "CLASSIFIED", "TRIAGE", "CLARIFICATION_REQUESTED", "FOLLOW_UP", "LOCATED",
                "DISPATCHED"), timeline(ref).subList(0, 7));
        awaitSms(PARTNER_PHONE, ref);
    }
}
