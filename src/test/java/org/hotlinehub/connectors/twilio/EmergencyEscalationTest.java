package org.hotlinehub.connectors.twilio;

import static org.hamcrest.Matchers.containsString;
import static org.hotlinehub.testsupport.TwilioVoice.call;
import static org.hotlinehub.testsupport.TwilioVoice.post;
import static org.hotlinehub.testsupport.TwilioVoice.spoken;
import static org.hotlinehub.testsupport.TwilioVoice.verbs;
import static org.hotlinehub.testsupport.TwilioVoice.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Call assurance escalates in parallel (issue 20, item 5), end to end through the voice line, dispatch, the SMS
 * keywords, the outbox's calls (WireMock as Twilio) and the sweep on the moved clock: two emergencies in a street of
 * its own with three volunteers (V-E1, V-E2 in the resident's grid, V-E3 in the next) and a residents' committee; a
 * declined or expired offer replaced in a street of four volunteers; and a missed daily check-in: residents of a
 * street of their own (one volunteer, V-C1) check in by a signed call and by text, and the one who does not gets the
 * urgent ticket, the parallel offer and the contact's text once the moved clock passes their time, once per day
 * however often the sweep runs.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
class EmergencyEscalationTest extends StaffedLine {

    static final Map<String, String> VOLUNTEERS = Map.of("V-E1", "+8613811110021", "V-E2", "+8613811110022",
            "V-E3", "+8613811110023");

    @Inject
    Sql sql;
    @Inject
    MovableClock clock;
    @Inject
    WorkQueue queue;
    @Inject
    ZoneId zone;
    @Inject
    CheckIns checkIns;

    @AfterEach
    void checkInsNoLonger() {
        // the moved clock passes more days in other tests: the check-in street's residents check in no longer
        sql.update("update resident set check_in_by = null where place_id = (select id from place"
                + " where code = 'ECI-COURT')");
    }

    /** A registered resident living alone in the test street, with one emergency contact. */
    private void register(String phone, String name, String contact) {
        register(phone, name, contact, "ESC-COURT");
    }

    private void register(String phone, String name, String contact, String compound) {
        sql.update("insert into resident (phone, name, address, place_id, flags, language, emergency_contacts,"
                + " registered) values (?, ?, '呼叫保障测试苑1号楼101', (select id from place where code = ?),"
                + " cast('{elderly-alone}' as text[]), 'zh', cast(? as text[]), true)", phone, name, compound,
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
    void shouldReplaceADeclinedEmergencyOfferWithTheNextNearestVolunteerUntilTheWindowEnds() {
        String phone = "+86" + Reports.uniquePhone();
        register(phone, "替补测试甲", "+86" + Reports.uniquePhone(), "ESR-COURT");
        String ref = alarm(phone, true);
        // three volunteers at once (no residents' committee in this street): the grid's two, then the community's
        assertEquals(Set.of("V-R1", "V-R2", "V-R3"), holders(ref, "OFFERED"));
        Object window = sql.one("select window_ends_at from emergency where ticket_reference = ?", ref);

        // one declines by SMS: the fourth nearest (the street's other community) is offered it until the same end
        clock.advance(Duration.ofSeconds(30));
        TwilioSms.text("+8613811110032", "N " + ref + " 在外地");
        assertEquals(Set.of("V-R2"), holders(ref, "DECLINED"));
        assertEquals(Set.of("V-R1", "V-R3", "V-R4"), holders(ref, "OFFERED"));
        assertEquals(window, sql.one("select a.accept_by from assignment a join ticket t on t.id = a.ticket_id"
                + " join volunteer v on v.id = a.volunteer_id where t.reference = ? and v.code = 'V-R4'", ref));
        assertEquals("DISPATCHED", sql.one("select status from ticket where reference = ?", ref));
        assertEquals("OFFERED", sql.one("select state from emergency where ticket_reference = ?", ref));
        assertTrue(((String) sql.one("select e.detail from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'DISPATCHED' order by e.id desc limit 1", ref))
                .contains("replacing a declined or expired offer"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TwilioApiStub.sentTo("+8613811110034")
                .stream().anyMatch(f -> f.get("Body").contains("Y " + ref)));

        // another's offer expires (as with hub.assurance.offer-window): nobody is left nearby (no one further than
        // the street), the window decides and the ticket is not sent to the supervisors one by one
        java.sql.Timestamp past = java.sql.Timestamp.from(clock.instant().minusSeconds(1));
        sql.update("update assignment set accept_by = ?, accept_warn_at = ? where state = 'OFFERED' and volunteer_id"
                + " = (select id from volunteer where code = 'V-R1') and ticket_id = (select id from ticket"
                + " where reference = ?)", past, past, ref);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> holders(ref, "EXPIRED").contains("V-R1"));
        assertEquals(Set.of("V-R3", "V-R4"), holders(ref, "OFFERED"));
        assertEquals("DISPATCHED", sql.one("select status from ticket where reference = ?", ref));
        assertTrue(sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id where"
                + " t.reference = ? and e.kind = 'NOTE' and e.detail like '%no other volunteer%'", ref) == 1);

        // the operators' alert after the window stays: nobody accepts, the open offers expire, triage
        clock.advance(Duration.ofMinutes(3));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "ESCALATED".equals(
                sql.one("select state from emergency where ticket_reference = ?", ref)));
        assertEquals(Set.of("V-R1", "V-R3", "V-R4"), holders(ref, "EXPIRED"));
        assertEquals("TRIAGE", sql.one("select status from ticket where reference = ?", ref));
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

    /** A registered resident living alone in the check-in street, with a check-in by 10:00, registered yesterday. */
    private long registerCheckIn(String phone, String name, String contact, String language) {
        sql.update("insert into resident (phone, name, address, place_id, flags, language, emergency_contacts,"
                + " registered, check_in_by, created_at) values (?, ?, '签到测试苑2号楼202', (select id from place"
                + " where code = 'ECI-COURT'), cast('{elderly-alone}' as text[]), ?, cast(? as text[]), true,"
                + " time '10:00', ?)", phone, name, language, "{" + contact + "}",
                java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(1))));
        return ((Number) sql.one("select id from resident where phone = ?", phone)).longValue();
    }

    @Test
    void shouldTakeCheckInsByCallAndTextAndRaiseOneEmergencyForAMissedOne() {
        // tomorrow 08:00 in the hub's zone: everyone's check-in time is still ahead
        LocalDate day = clock.instant().atZone(zone).toLocalDate().plusDays(1);
        clock.moveTo(day.atTime(8, 0).atZone(zone).toInstant());
        String caller = "+86" + Reports.uniquePhone();
        String texter = "+86" + Reports.uniquePhone();
        String silent = "+86" + Reports.uniquePhone();
        String contact = "+86" + Reports.uniquePhone();
        long callerId = registerCheckIn(caller, "签到测试甲", "+86" + Reports.uniquePhone(), "zh");
        long texterId = registerCheckIn(texter, "签到测试乙", "+86" + Reports.uniquePhone(), "en");
        long silentId = registerCheckIn(silent, "签到测试丙", contact, "zh");

        // the call is the check-in, said before the call-assurance menu
        Element greeting = post("/twilio/voice", call(TwilioVoice.newCallSid(), caller, "ringing"));
        assertEquals("Say", verbs(greeting).get(0), String.valueOf(verbs(greeting)));
        assertTrue(spoken(greeting).startsWith("已为您签到，祝您平安。"), spoken(greeting));
        assertTrue(verbs(greeting).contains("Gather"));
        assertEquals("voice", sql.one("select channel from resident_check_in where resident_id = ? and day = ?",
                callerId, java.sql.Date.valueOf(day)));
        // a check-in word by text, answered in the resident's language; said twice, still one check-in
        assertEquals("96993 call assurance: you are checked in for today. Stay well!", TwilioSms.text(texter, "OK"));
        assertEquals("96993 call assurance: you are checked in for today. Stay well!", TwilioSms.text(texter, " 平安 "));
        assertEquals(1L, sql.count("select count(*) from resident_check_in where resident_id = ? and day = ?"
                + " and channel = 'sms' and checked_in_at is not null", texterId, java.sql.Date.valueOf(day)));
        // someone without a daily check-in who texts 签到 is not checked in (an ordinary text)
        String other = "+86" + Reports.uniquePhone();
        TwilioSms.text(other, "签到");
        assertEquals(0L, sql.count("select count(*) from resident_check_in c join resident r on r.id = c.resident_id"
                + " where r.phone = ?", other));

        // 09:59: nobody is due yet
        clock.moveTo(day.atTime(9, 59).atZone(zone).toInstant());
        assertEquals(0, checkIns.raiseMissed());
        assertEquals(0L, sql.count("select count(*) from resident_check_in where resident_id = ?", silentId));

        // 10:01: the resident who neither called nor texted gets call assurance's emergency
        clock.moveTo(day.atTime(10, 1).atZone(zone).toInstant());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from emergency e"
                + " join resident_check_in c on c.ticket_reference = e.ticket_reference where c.resident_id = ?"
                + " and e.state = 'OFFERED'", silentId) == 1);
        String ref = (String) sql.one("select ticket_reference from resident_check_in where resident_id = ?",
                silentId);
        assertEquals("V-C1", sql.one("select v.code from assignment a join ticket t on t.id = a.ticket_id"
                + " join volunteer v on v.id = a.volunteer_id where t.reference = ? and a.state = 'OFFERED'", ref));
        assertTrue(((String) sql.one("select description from ticket where reference = ?", ref))
                .contains("今天10:00前未签到"));
        assertTrue(((String) sql.one("select e.detail from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'RECEIVED'", ref)).contains("check-in-" + day + "-r"
                        + silentId));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TwilioApiStub.sentTo(contact).stream()
                .anyMatch(f -> f.get("Body").contains("今天10:00前未按时签到") && f.get("Body").contains(ref)));
        // those who checked in have no emergency
        assertEquals(0L, sql.count("select count(*) from resident_check_in where resident_id in (?, ?)"
                + " and (missed_at is not null or ticket_reference is not null)", callerId, texterId));

        // the sweep runs again and again (every 300 ms, and here by hand): still one emergency, one ticket
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, checkIns.raiseMissed());
        assertEquals(1L, sql.count("select count(*) from inbound_contact where external_id like ?",
                "check-in-" + day + "-r" + silentId + "/%"));
        assertEquals(1L, sql.count("select count(*) from resident_check_in where resident_id = ?", silentId));

        // a check-in after the miss is recorded on the same day's row; the emergency stands
        assertTrue(TwilioSms.text(silent, "签到").startsWith("【96993呼叫保障】已为您签到"));
        assertEquals(List.of("OFFERED"), sql.column("select state from emergency where ticket_reference = ?", ref));
    }
}
