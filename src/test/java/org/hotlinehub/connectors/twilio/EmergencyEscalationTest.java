package org.hotlinehub.connectors.twilio;

import static org.hamcrest.Matchers.containsString;
import static org.hotlinehub.testsupport.TwilioVoice.call;
import static org.hotlinehub.testsupport.TwilioVoice.post;
import static org.hotlinehub.testsupport.TwilioVoice.spoken;
import static org.hotlinehub.testsupport.TwilioVoice.verbs;
import static org.hotlinehub.testsupport.TwilioVoice.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.hotlinehub.model.QueueItem;
import org.hotlinehub.model.port.WorkQueue;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.MovableClock;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioSms;
import org.hotlinehub.testsupport.TwilioVoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Call assurance escalates in parallel (issue 20, item 5), end to end through the voice line, dispatch, the SMS
 * keywords, the outbox's calls (WireMock as Twilio) and the sweep on the moved clock: two emergencies in a street of
 * its own with three volunteers (V-E1, V-E2 in the resident's grid, V-E3 in the next) and a residents' committee.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
class EmergencyEscalationTest {

    static final Map<String, String> VOLUNTEERS = Map.of("V-E1", "+8613811110021", "V-E2", "+8613811110022",
            "V-E3", "+8613811110023");

    @Inject
    VoiceHours hours;
    @Inject
    Sql sql;
    @Inject
    MovableClock clock;
    @Inject
    WorkQueue queue;

    @BeforeEach
    void staffed() {
        hours.useClock(TwilioVoiceResourceTest.STAFFED);
        TwilioVoice.stubCalls();
    }

    @AfterEach
    void systemClock() {
        hours.useClock(Clock.systemUTC());
    }

    /** A registered resident living alone in the test street, with one emergency contact. */
    private void register(String phone, String name, String contact) {
        sql.update("insert into resident (phone, name, address, place_id, flags, language, emergency_contacts,"
                + " registered) values (?, ?, '呼叫保障测试苑1号楼101', (select id from place where code = 'ESC-COURT'),"
                + " cast('{elderly-alone}' as text[]), 'zh', cast(? as text[]), true)", phone, name,
                "{" + contact + "}");
    }

    /** The resident calls and presses 1 (or stays silent): the emergency's reference once its ticket is offered. */
    private String alarm(String phone, boolean silent) {
        String sid = TwilioVoice.newCallSid();
        post("/twilio/voice", call(sid, phone, "ringing"));
        post("/twilio/voice/assurance?lang=zh&attempt=1", silent
                ? call(sid, phone, "in-progress")
                : with(call(sid, phone, "in-progress"), "Digits", "1"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from emergency e"
                + " join inbound_contact c on c.reference = e.ticket_reference where c.external_id = ?"
                + " and e.state <> 'RAISED'", sid + "/assurance") == 1);
        return (String) sql.one("select reference from inbound_contact where external_id = ?", sid + "/assurance");
    }

    /** Who holds an assignment of the ticket in this state, by code. */
    private Set<String> holders(String ref, String state) {
        return new TreeSet<>(sql.column("select coalesce(p.code, v.code) from assignment a join ticket t"
                + " on t.id = a.ticket_id left join partner p on p.id = a.partner_id left join volunteer v"
                + " on v.id = a.volunteer_id where t.reference = ? and a.state = ?", ref, state).stream()
                .map(String::valueOf).toList());
    }

    private Map<String, String> contactCall(String contact) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TwilioVoice.callsCreated().stream()
                .filter(f -> contact.equals(f.get("To"))).findFirst().orElse(null), f -> f != null);
    }

    private long contactCallId(String ref, String contact) {
        return ((Number) sql.one("select id from voice_outbound where ticket_reference = ? and to_phone = ?"
                + " and purpose = 'assurance-contact'", ref, contact)).longValue();
    }

    private static Map<String, String> outbound(String to) {
        return with(call(TwilioVoice.newCallSid(), TwilioVoice.HOTLINE, "in-progress"), "Direction", "outbound-api",
                "To", to, "Called", to);
    }

    @Test
    void shouldOfferInParallelLetTheFirstAcceptWinSpareBusyVolunteersAndEscalateAfterTheWindow() {
        String phoneA = "+86" + Reports.uniquePhone();
        String phoneB = "+86" + Reports.uniquePhone();
        String contactA = "+86" + Reports.uniquePhone();
        String contactB = "+86" + Reports.uniquePhone();
        register(phoneA, "保障测试甲", contactA);
        register(phoneB, "保障测试乙", contactB);

        // Emergency 1 (silence): offered at once to the three volunteers and the community's staff
        String ref1 = alarm(phoneA, true);
        assertEquals(Set.of("ESC-RC", "V-E1", "V-E2", "V-E3"), holders(ref1, "OFFERED"));
        assertEquals("DISPATCHED", sql.one("select status from ticket where reference = ?", ref1));
        Instant window = ((java.sql.Timestamp) sql.one("select window_ends_at from emergency"
                + " where ticket_reference = ?", ref1)).toInstant();
        Instant offered = ((java.sql.Timestamp) sql.one("select offered_at from emergency"
                + " where ticket_reference = ?", ref1)).toInstant();
        assertEquals(Duration.ofMinutes(3), Duration.between(offered, window));
        assertEquals(4L, sql.count("select count(*) from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ? and a.accept_by = ?", ref1, java.sql.Timestamp.from(window)));
        for (String volunteerPhone : VOLUNTEERS.values()) {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TwilioApiStub.sentTo(volunteerPhone)
                    .stream().anyMatch(f -> f.get("Body").contains("Y " + ref1)));
        }
        // The contact: an SMS, and a call through the Calls API whose answer asks them to press 1
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TwilioApiStub.sentTo(contactA).stream()
                .anyMatch(f -> f.get("Body").contains(ref1)));
        long callA = contactCallId(ref1, contactA);
        Map<String, String> created = contactCall(contactA);
        assertEquals(TwilioApiStub.FROM, created.get("From"));
        assertEquals(TwilioVoice.BASE + "/assurance-contact?id=" + callA, created.get("Url"));
        Element question = post("/twilio/voice/assurance-contact?id=" + callA, outbound(contactA));
        assertEquals(List.of("Say", "Gather", "Say", "Hangup"), verbs(question));
        assertTrue(spoken(question).contains("您的家人保障测试甲于"), spoken(question));
        assertTrue(spoken(question).contains("请按1"), spoken(question));

        // Emergency 2 (key 1) while nobody answered the first: no volunteer holding an unanswered one is offered it
        String ref2 = alarm(phoneB, false);
        assertEquals(Set.of("ESC-RC"), holders(ref2, "OFFERED"));

        // The first accept takes emergency 1; every other offer is withdrawn and its holder told
        assertTrue(TwilioSms.text(VOLUNTEERS.get("V-E2"), "Y " + ref1).contains("已签收工单" + ref1));
        assertEquals(Set.of("V-E2"), holders(ref1, "ACCEPTED"));
        assertEquals(Set.of("ESC-RC", "V-E1", "V-E3"), holders(ref1, "CANCELLED"));
        assertEquals("ACCEPTED", sql.one("select status from ticket where reference = ?", ref1));
        assertEquals("TAKEN", sql.one("select state from emergency where ticket_reference = ?", ref1));
        assertEquals("V-E2", sql.one("select taken_by from emergency where ticket_reference = ?", ref1));
        assertEquals(3L, sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'WITHDRAWN'", ref1));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TwilioApiStub.sentTo(VOLUNTEERS.get("V-E1"))
                .stream().anyMatch(f -> f.get("Body").contains("工单" + ref1 + "的派单已撤回")));

        // A late accept gets a clear answer, changes nothing, and saying it again is answered the same
        for (int i = 0; i < 2; i++) {
            String late = TwilioSms.text(VOLUNTEERS.get("V-E3"), "Y " + ref1);
            assertEquals("紧急求助工单" + ref1 + "已由他人接手，您无需前往，谢谢！ / Someone else already took it; no need to go,"
                    + " thank you.", late);
        }
        Sessions.partnerJson("ESC-RC").post("/partner-api/v1/assignments/" + sql.one("select a.id from assignment a"
                + " join ticket t on t.id = a.ticket_id join partner p on p.id = a.partner_id where t.reference = ?",
                ref1) + "/accept").then().statusCode(409)
                .body("error.message", containsString("already taken by V-E2"));
        assertEquals(Set.of("V-E2"), holders(ref1, "ACCEPTED"));
        // The contact picks up after it was taken: told so, asked nothing
        Element settled = post("/twilio/voice/assurance-contact/answer?id=" + callA,
                with(outbound(contactA), "Digits", "1"));
        assertEquals(List.of("Say", "Hangup"), verbs(settled));
        assertTrue(spoken(settled).contains("已有志愿者或社区工作人员接手"), spoken(settled));
        assertEquals("TAKEN", sql.one("select state from emergency where ticket_reference = ?", ref1));

        // Emergency 2: nobody accepts within the window (the hub's clock moves on): to the top of the operators' queue
        assertEquals("OFFERED", sql.one("select state from emergency where ticket_reference = ?", ref2));
        clock.advance(Duration.ofMinutes(3).plusSeconds(5));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "ESCALATED".equals(
                sql.one("select state from emergency where ticket_reference = ?", ref2)));
        assertEquals(Set.of("ESC-RC"), holders(ref2, "EXPIRED"));
        assertEquals("TRIAGE", sql.one("select status from ticket where reference = ?", ref2));
        assertTrue(((String) sql.one("select triage_reason from ticket where reference = ?", ref2))
                .contains("nobody accepted the emergency within PT3M"));
        // (other tests' emergencies the moved clock escalated too may wait before it: the oldest first)
        List<QueueItem> items = queue.items(200);
        int heads = (int) items.stream().takeWhile(QueueItem::emergency).count();
        assertTrue(items.subList(0, heads).stream().anyMatch(i -> i.reference().equals(ref2)), "not first: " + ref2);
        assertTrue(items.subList(heads, items.size()).stream().noneMatch(QueueItem::emergency));
        Sessions.operator().get("/console/queue").then().statusCode(200)
                .body(containsString("id=\"emergency-alert\""))
                .body(containsString("<a href=\"/console/tickets/" + ref2 + "\">" + ref2 + "</a>"));
        // the supervisors are texted
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TwilioApiStub.sentTo("+8613800009999")
                .stream().anyMatch(f -> f.get("Body").contains(ref2)));
        // the contact of emergency 2 picks up now: the operators have it
        long callB = contactCallId(ref2, contactB);
        Element withOperators = post("/twilio/voice/assurance-contact/answer?id=" + callB,
                with(outbound(contactB), "Digits", "1"));
        assertTrue(spoken(withOperators).contains("热线话务员正在处理"), spoken(withOperators));
        // the committee's late accept of the expired offer
        Sessions.partnerJson("ESC-RC").post("/partner-api/v1/assignments/" + sql.one("select a.id from assignment a"
                + " join ticket t on t.id = a.ticket_id where t.reference = ?", ref2) + "/accept").then()
                .statusCode(409).body("error.message", containsString("the operators took it over"));

        // With both settled the three volunteers are free for the next emergency again
        String phoneC = "+86" + Reports.uniquePhone();
        String contactC = "+86" + Reports.uniquePhone();
        register(phoneC, "保障测试丙", contactC);
        String ref3 = alarm(phoneC, false);
        assertEquals(Set.of("ESC-RC", "V-E1", "V-E2", "V-E3"), holders(ref3, "OFFERED"));
        // this time the contact takes it by pressing 1
        long callC = contactCallId(ref3, contactC);
        Element taken = post("/twilio/voice/assurance-contact/answer?id=" + callC,
                with(outbound(contactC), "Digits", "1"));
        assertTrue(spoken(taken).contains("已记录由您前往照看"), spoken(taken));
        assertEquals(Set.of("ESC-RC", "V-E1", "V-E2", "V-E3"), holders(ref3, "CANCELLED"));
        assertEquals("ACCEPTED", sql.one("select status from ticket where reference = ?", ref3));
        assertTrue(((String) sql.one("select taken_by from emergency where ticket_reference = ?", ref3))
                .startsWith("contact:+86"));
    }
}
