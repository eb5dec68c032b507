package org.hotlinehub.connectors.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.testsupport.ConsoleBrowser;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.Tickets;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The console speaks one language (issue 22 item 5): a Chinese ticket page whose timeline holds what the hub writes
 * itself as it works — why a partner was offered it, an incident link with its score and detection's reason, a
 * call-back and its result, a partner's appeal and the supervisor's decision — read in a real browser (Debian's
 * Chromium) holds no sentence of English; the English page shows the same entries as stored.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class OneLanguageBrowserTest {

    /** Three or more English words in a row: a sentence (codes such as PF-HAIYUN or SN-01-03 are no words). */
    private static final Pattern ENGLISH = Pattern.compile("\\b[A-Za-z]{2,}(?:[ ,']+[A-Za-z]{2,}){2,}\\b");

    @TestHTTPResource("/")
    URL base;
    @Inject
    Sql sql;

    private long id(String reference) {
        return ((Number) sql.one("select id from ticket where reference = ?", reference)).longValue();
    }

    private static List<String> english(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = ENGLISH.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void shouldShowNoEnglishSentenceOnAChineseTicketPageWithTheHubsOwnEntries() {
        long n = System.nanoTime() % 1_000_000;
        String incident = Tickets.dispatched(sql, "楼顶水箱漏水，水流到楼道里 " + n, "HY-GARDEN");
        String report = Tickets.dispatched(sql, "楼顶水箱在漏水 " + n, "HY-GARDEN");
        // detection's grey-zone suggestion (detection is off in tests), confirmed by an operator through the API
        sql.update("insert into incident_link (incident_id, reporter_ticket_id, state, score, reason, channel,"
                + " reported_at, decided_by, decided_at) values (?, ?, 'SUGGESTED', 0.72, ?, 'WEB', now(),"
                + " 'incident-detection', now())", id(incident), id(report),
                SystemReason.DETECTED_SAME_PLACE.text("0.72", "HY-GARDEN", SystemReason.SAME_CATEGORY.text()));
        Sessions.staffJson("operator").body("{}").post("/api/v1/tickets/" + report + "/incident/link").then()
                .statusCode(200);

        // the incident resolved, the resident dissatisfied at the call-back, the partner appeals, a supervisor
        // rejects the appeal
        long lead = Tickets.assignment(sql, incident, "PF-HAIYUN");
        sql.update("update assignment set state = 'RESOLVED', resolved_at = now() where id = ?", lead);
        sql.update("update ticket set status = 'CLOSED', survey_outcome = 'DISSATISFIED' where id = ?",
                id(incident));
        sql.update("insert into survey_answer (ticket_id, assignment_id, outcome, channel, asked_at, answered_at)"
                + " values (?, ?, 'DISSATISFIED', 'SMS', now(), now())", id(incident), lead);
        sql.update("insert into timeline_event (ticket_id, kind, actor, channel, detail) values"
                + " (?, 'SURVEY_REQUESTED', 'survey', 'SMS', ?), (?, 'SURVEY_ANSWERED', 'resident', 'SMS', ?)",
                id(incident), SystemReason.SURVEY_BY_SMS.text(), id(incident),
                SystemReason.SURVEY_ANSWER_BOTH.text("不满意", "dissatisfied"));
        Sessions.partnerJson("PF-HAIYUN").body("{\"reason\":\"居民不满意的是物业费，与本次维修无关\"}")
                .post("/partner-api/v1/assignments/" + lead + "/appeal").then().statusCode(200);
        long appeal = ((Number) sql.one("select id from survey_appeal where assignment_id = ?", lead)).longValue();
        Sessions.console("supervisor").redirects().follow(false).contentType(Sessions.FORM)
                .formParam("decision", "reject").formParam("note", "回访记录显示是维修质量问题")
                .post("/console/tickets/" + incident + "/appeals/" + appeal + "/decision").then().statusCode(303);

        Page page = ConsoleBrowser.signedIn(base, "supervisor", Sessions.demoPassword("supervisor"));
        for (String reference : List.of(incident, report)) {
            page.navigate("/console/tickets/" + reference);
            page.waitForSelector("#timeline");
            String text = page.innerText("#main");
            assertTrue(english(text).isEmpty(), reference + " shows English: " + english(text) + "\n" + text);
        }
        page.navigate("/console/tickets/" + incident);
        String timeline = page.innerText("#timeline");
        assertTrue(timeline.contains("按服务目录 property-repair"), "why the partner was offered it: " + timeline);
        assertTrue(timeline.contains("并入：相似度 0.72：") && timeline.contains("同一地点 HY-GARDEN，同类别"),
                "the incident link with its score and detection's reason: " + timeline);
        assertTrue(timeline.contains("对回访结果“不满意”提出申诉：居民不满意的是物业费"), timeline);
        assertTrue(timeline.contains("PF-HAIYUN 的申诉不成立：回访结果“不满意”维持 — 回访记录显示是维修质量问题"), timeline);
        assertTrue(timeline.contains("已通过短信发送回访"), timeline);
        assertTrue(page.innerText("#assignments").contains("物业公司 PF-HAIYUN"), "the partner type in Chinese");
        page.navigate("/console/tickets/" + report);
        assertTrue(page.innerText("#timeline").contains("关联到事件工单 " + incident + "（相似度 0.72："),
                page.innerText("#timeline"));

        // the English page shows the same entries as the hub wrote them
        page.navigate("/console/tickets/" + incident + "?lang=en");
        assertTrue(page.innerText("#timeline").contains("by catalog property-repair"));
        assertTrue(
                page.innerText("#timeline").contains("appeal by PF-HAIYUN rejected: the result dissatisfied stands"));
        // the call-back's answer, written in both languages, in English only
        assertEquals("dissatisfied", page.innerText("#timeline tr[data-kind=SURVEY_ANSWERED] td:last-child").strip());
        page.context().close();
    }

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");

    /**
     * The runs of Chinese in {@code text} that are no part of what people wrote ({@code people}: the resident's report,
     * which the classifier's reason quotes, notes and messages).
     */
    private static List<String> chinese(String text, List<String> people) {
        List<String> found = new ArrayList<>();
        Matcher m = HAN.matcher(text);
        while (m.find()) {
            String run = m.group();
            if (people.stream().noneMatch(p -> p.contains(run))) {
                found.add(run);
            }
        }
        return found;
    }

    @Test
    void shouldShowPausesSurgesMessagesAndCallAssuranceInThePagesLanguageOnly() {
        long n = System.nanoTime() % 1_000_000;
        String reference = Tickets.dispatched(sql, "3号楼水管爆了，整栋楼停水 " + n, "HY-GARDEN");
        long ticket = id(reference);
        long lead = Tickets.assignment(sql, reference, "PF-HAIYUN");
        // through the hub's own writers: a pause and its resume, an operator's message to the resident
        Sessions.staffJson("operator").body("{\"reason\":\"居民出差\"}")
                .post("/api/v1/assignments/" + lead + "/pause").then().statusCode(200);
        Sessions.staffJson("operator").body("{\"reason\":\"居民已回家\"}")
                .post("/api/v1/assignments/" + lead + "/resume").then().statusCode(200);
        Sessions.staffJson("operator").header("Idempotency-Key", "one-language-" + n)
                .body("{\"text\":\"师傅下午上门\"}").post("/api/v1/tickets/" + reference + "/messages").then()
                .statusCode(202);
        // a second message the outbox gave up on
        Sessions.staffJson("operator").header("Idempotency-Key", "one-language-failed-" + n)
                .body("{\"text\":\"请保持电话畅通\"}").post("/api/v1/tickets/" + reference + "/messages").then()
                .statusCode(202);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from outbox"
                + " where stream = 'sms' and ticket_reference = ? and status = 'PENDING'", reference) == 0);
        sql.update("update outbox set status = 'FAILED', last_error = ?, external_status = null"
                + " where stream = 'sms' and ticket_reference = ? and body like ?",
                SystemReason.GAVE_UP.text(5, "Twilio HTTP 503"), reference, "%请保持电话畅通%");
        // what the surge check, the sweeps and call assurance write (as they write it)
        String[][] entries = {{"SURGE_DECLARED", SystemReason.SURGE_DECLARED.text(12, 30, "web 7, sms 3, wechat 2")},
                {"SURGE_CONFIRMED", SystemReason.SURGE_CONFIRMED.text(12)},
                {"SURVEY_NO_REPLY", SystemReason.SURVEY_NO_REPLY_SINCE.text("2026-12-03 10:00", "PT72H")},
                {"DEADLINE_WARNING", SystemReason.DEADLINE_RESOLVE_WARNING.text("PF-HAIYUN", "2026-12-06 19:00")},
                {"OVERDUE", SystemReason.OVERDUE_NOT_RESOLVED.text("PF-HAIYUN", "2026-12-06 19:00")},
                {"ESCALATED", SystemReason.OVERDUE_ESCALATED.text("PF-HAIYUN")},
                {"NOTE", SystemReason.ASSURANCE_NO_REPLACEMENT.text("11:30")},
                {"ACCEPTED", SystemReason.EMERGENCY_TAKEN_BY_CONTACT.text("+86139****0002")},
                {"ESCALATED", SystemReason.ASSURANCE_NOBODY_ACCEPTED.text("PT3M")},
                {"EXPIRED", SystemReason.WITHDRAWN.text("lead", "V-SUN", SystemReason.EMERGENCY_OFFER_NOT_ACCEPTED.text(
                        "V-SUN", "PT3M"))},
                {"NOTE", SystemReason.RESIDENT_CALLED.text("+86139****0002", "+86139****0001")},
                {"RESOLVED", "阀门已更换" + SystemReason.PHOTO_ATTACHED.text("fix.jpg", 12)},
                {"RELAYED_CALL", SystemReason.MASKED_CALL.text("+86139****0003", "+86139****0002", "no-answer")},
                {"RELAYED_CALL", SystemReason.MASKED_CALL.text("+86139****0003", "+86139****0002",
                        SystemReason.CALL_COMPLETED_AFTER.text(42))},
                {"RELAYED_TEXT",
                        SystemReason.MASKED_TEXT_TO_RESIDENT.text("+86139****0003", "+86139****0002", "到楼下了")}};
        for (String[] e : entries) {
            sql.update("insert into timeline_event (ticket_id, kind, actor, detail) values (?, ?, 'hub', ?)", ticket,
                    e[0], e[1]);
        }

        Page page = ConsoleBrowser.signedIn(base, "operator", Sessions.demoPassword("operator"));
        page.navigate("/console/tickets/" + reference);
        page.waitForSelector("#timeline");
        String text = page.innerText("#main");
        assertTrue(english(text).isEmpty(), "English on the Chinese page: " + english(text) + "\n" + text);
        String timeline = page.innerText("#timeline");
        assertTrue(timeline.contains("PF-HAIYUN 的计时已暂停：居民出差"), timeline);
        assertTrue(timeline.contains("PF-HAIYUN 的计时已恢复（暂停了 "), timeline);
        assertTrue(timeline.contains("30 分钟内收到 12 条报告（网页 7，短信 3，微信 2）"), timeline);
        assertTrue(timeline.contains("自 2026-12-03 10:00 起无应答（72 小时），按无应答结案"), timeline);
        assertTrue(timeline.contains("一键呼援：3 分钟内无人签收"), timeline);
        assertTrue(timeline.contains("师傅下午上门 — 短信已排队发给 "), timeline);
        assertTrue(timeline.contains("阀门已更换（附照片：fix.jpg，附件 12）"), timeline);
        assertTrue(timeline.contains("居民 +86139****0002：无人接听"), timeline);
        assertTrue(timeline.contains("居民 +86139****0002：已接通，通话 42 秒"), timeline);
        String messages = page.innerText("#messages");
        assertTrue(messages.contains("话务员消息"), messages);
        assertTrue(messages.contains("发送失败") && messages.contains("尝试 5 次后放弃：Twilio HTTP 503"), messages);

        // the English page: the hub's words in English, Chinese only in what people wrote
        page.navigate("/console/tickets/" + reference + "?lang=en");
        page.waitForSelector("#timeline");
        List<String> people = List.of("3号楼水管爆了，整栋楼停水 " + n, "居民出差", "居民已回家", "师傅下午上门",
                "请保持电话畅通", "到楼下了", "阀门已更换");
        String en = page.innerText("#timeline") + "\n" + page.innerText("#messages");
        assertTrue(chinese(en, people).isEmpty(), "Chinese on the English page: " + chinese(en, people) + "\n" + en);
        assertTrue(en.contains("12 reports within 30 min (web 7, sms 3, wechat 2)"), en);
        assertTrue(en.contains("Operator's message"), en);
        page.context().close();
    }
}
