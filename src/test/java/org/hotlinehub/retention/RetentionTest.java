package org.hotlinehub.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The nightly retention job on a small generated set (docs/retention.md): what expired is anonymised, what the
 * statistics need is kept, what has not expired is untouched, and a second run changes nothing. The job runs with a
 * "now" years back, so only this test's rows (dated a decade ago) are old enough for it, whatever else the run holds.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class RetentionTest {

    static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);

    @Inject
    Sql sql;
    @Inject
    RetentionJob job;
    @Inject
    Clock clock;
    @Inject
    ZoneId zone;

    /** The real time minus five years: the job's "now", so its cut-offs lie eight years and more back. */
    Instant jobNow() {
        return clock.instant().minus(Duration.ofDays(5 * 365));
    }

    static Timestamp yearsAgo(double years) {
        return Timestamp.from(Instant.now().minus(Duration.ofHours((long) (years * 365 * 24))));
    }

    static String phone() {
        return "+86139" + String.format("%08d", SERIAL.incrementAndGet() % 100_000_000);
    }

    static String reference() {
        return "96" + String.format("%07d", SERIAL.incrementAndGet() % 10_000_000);
    }

    long resident(String phone) {
        return ((Number) sql.one("insert into resident (phone, name, address) values (?, '王小明', '观海路12号3号楼501')"
                + " returning id", phone)).longValue();
    }

    /** A ticket with everything personal filled in, created a day before {@code closed}. */
    long ticket(String reference, Long resident, String status, Timestamp closed, String place) {
        Timestamp created = new Timestamp(closed.getTime() - Duration.ofDays(1).toMillis());
        long id = ((Number) sql.one("insert into ticket (reference, channel, resident_id, category_id, description,"
                + " place_id, address, lat, lon, priority, status, created_at, updated_at, survey_outcome,"
                + " attributes) values (?, 'SMS', ?, (select id from catalog_entry where code = 'property-repair'),"
                + " '楼道漏水，请联系13900001111', (select id from place where code = ?), '观海路12号3号楼2单元501',"
                + " 36.05, 120.35, 'normal', ?, ?, ?, 'SATISFIED', '{\"floor\": [\"5\"]}') returning id", reference,
                resident, place, status, created, closed)).longValue();
        sql.update("insert into inbound_contact (channel, external_id, reference, received_at, phone, body,"
                + " ticket_id, resident_id) values ('SMS', ?, ?, ?, '+8613900001111', '楼道漏水', ?, ?)",
                "SM" + reference, reference, created, id, resident);
        sql.update("insert into attachment (ticket_id, filename, content_type, size_bytes, data, url) values"
                + " (?, 'photo.jpg', 'image/jpeg', 3, '\\x010203'::bytea, 'https://media.example/photo.jpg')", id);
        sql.update("insert into timeline_event (ticket_id, at, kind, actor, channel, detail) values"
                + " (?, ?, 'RECEIVED', 'intake', 'SMS', '来电 13900001111'), (?, ?, 'NOTE', 'operator', null,"
                + " '王小明说晚上在家')", id, created, id, created);
        long assignment = ((Number) sql.one("insert into assignment (ticket_id, partner_id, role, state, reason,"
                + " offered_at, accept_by, resolve_by, accepted_at, resolved_at, accept_warn_at, resolve_warn_at,"
                + " resolution_note, resolution_photo_url) select ?, id, 'lead', 'RESOLVED', 'rule', ?, ?, ?, ?, ?,"
                + " ?, ?, '已修好，王先生签字', 'https://media.example/done.jpg' from partner order by id limit 1"
                + " returning id", id, created, closed, closed, created, closed, closed, closed)).longValue();
        sql.update("insert into survey_answer (ticket_id, assignment_id, outcome, channel, asked_at, answered_at)"
                + " values (?, ?, 'SATISFIED', 'SMS', ?, ?)", id, assignment, closed, closed);
        sql.update("insert into outbox (stream, channel, recipient, idempotency_key, topic, body, ticket_reference,"
                + " status, next_attempt_at, give_up_at, created_at) values ('sms', 'SMS', '+8613900001111', ?,"
                + " 'survey', '请回复满意度', ?, 'SENT', ?, ?, ?)", "key-" + reference, reference, closed, closed,
                Timestamp.from(Instant.now()));
        return id;
    }

    Object column(String column, long ticket) {
        return sql.one("select " + column + " from ticket where id = ?", ticket);
    }

    @Test
    void expiredTicketsAreAnonymisedAndWhatTheStatisticsNeedIsKept() {
        String oldPhone = phone();
        long oldResident = resident(oldPhone);
        long expired = ticket(reference(), oldResident, "CLOSED", yearsAgo(10), "HY-GARDEN-B03");
        String keptPhone = phone();
        long keptResident = resident(keptPhone);
        long recent = ticket(reference(), keptResident, "CLOSED", yearsAgo(7), "HY-GARDEN-B03");
        long open = ticket(reference(), keptResident, "RESOLVED", yearsAgo(10), "HY-GARDEN-B03");
        Object community = sql.one("select community_id from place_area where place_id = (select place_id from"
                + " ticket where id = ?)", expired);
        // the trigger took the close time from the row
        assertTrue(Duration.between(((Timestamp) column("closed_at", expired)).toInstant(), yearsAgo(10).toInstant())
                .abs().getSeconds() < 60);
        assertNull(column("closed_at", open), "an open ticket has no close time");

        RetentionJob.Summary first = job.run(jobNow());

        // the expired ticket: nothing personal left
        assertNotNull(column("anonymised_at", expired));
        assertEquals("", column("description", expired));
        assertNull(column("address", expired));
        assertNull(column("lat", expired));
        assertNull(column("resident_id", expired));
        assertEquals("{}", column("attributes::text", expired));
        assertEquals(0, sql.count("select count(*) from inbound_contact where ticket_id = ? and (phone is not null"
                + " or body is not null)", expired));
        assertEquals(0, sql.count("select count(*) from attachment where ticket_id = ? and (data is not null"
                + " or url is not null or filename is not null)", expired));
        assertEquals(0, sql.count("select count(*) from timeline_event where ticket_id = ? and detail is not null",
                expired));
        assertEquals(0, sql.count("select count(*) from assignment where ticket_id = ? and (resolution_note is not"
                + " null or resolution_photo_url is not null)", expired));
        assertEquals(0, sql.count("select count(*) from resident where id = ?", oldResident),
                "a resident left with nothing is deleted");
        // … and what the rates and rankings read is still there
        assertEquals("HY-GARDEN", sql.one("select p.code from ticket t join place p on p.id = t.place_id"
                + " where t.id = ?", expired), "a building is kept as its compound");
        assertEquals(community, sql.one("select community_id from place_area where place_id = (select place_id"
                + " from ticket where id = ?)", expired));
        assertEquals("property-repair", sql.one("select c.code from ticket t join catalog_entry c on"
                + " c.id = t.category_id where t.id = ?", expired));
        assertEquals("CLOSED", column("status", expired));
        assertEquals("SATISFIED", column("survey_outcome", expired));
        assertNotNull(column("created_at", expired));
        assertNotNull(column("closed_at", expired));
        assertEquals(2, sql.count("select count(*) from timeline_event where ticket_id = ?", expired));
        assertEquals(1, sql.count("select count(*) from survey_answer where ticket_id = ?", expired));
        assertEquals(1, sql.count("select count(*) from assignment where ticket_id = ? and state = 'RESOLVED'"
                + " and partner_id is not null and accepted_at is not null", expired));
        assertEquals(1, sql.count("select count(*) from attachment where ticket_id = ? and content_type ="
                + " 'image/jpeg'", expired));
        assertEquals(0, sql.count("select count(*) from outbox where ticket_reference = (select reference from"
                + " ticket where id = ?) and (body <> '' or recipient <> '-')", expired));

        // not expired, or not closed: untouched
        for (long ticket : List.of(recent, open)) {
            assertNull(column("anonymised_at", ticket));
            assertEquals("楼道漏水，请联系13900001111", column("description", ticket));
            assertEquals("观海路12号3号楼2单元501", column("address", ticket));
            assertEquals(keptResident, ((Number) column("resident_id", ticket)).longValue());
            assertEquals("HY-GARDEN-B03", sql.one("select p.code from ticket t join place p on p.id = t.place_id"
                    + " where t.id = ?", ticket));
            assertEquals(1, sql.count("select count(*) from inbound_contact where ticket_id = ? and phone is not"
                    + " null", ticket));
        }
        assertEquals(1, sql.count("select count(*) from resident where id = ?", keptResident));
        assertTrue(first.tickets() >= 1, first.toString());
        assertEquals(1, sql.count("select count(*) from audit_log where actor = 'retention' and action ="
                + " 'retention.run' and detail = ?", first.toString()));

        // a second run finds nothing more to do and changes nothing
        Object stamped = column("anonymised_at", expired);
        RetentionJob.Summary second = job.run(jobNow());
        assertEquals(new RetentionJob.Summary(0, 0, 0, 0, 0, 0, 0), second);
        assertEquals(stamped, column("anonymised_at", expired));
    }

    /**
     * A reporter of an incident is personal data like the ticket: when the report's ticket is anonymised, its link
     * forgets who reported it (and the decision's words), keeping what the incident's counts need. The resident here
     * is in the care registry, so it stays and only the rule can free the link. Their check-ins go by their own period.
     */
    @Test
    void aReportersLinkIsAnonymisedWithTheTicketAndCheckInsExpire() {
        long resident = resident(phone());
        sql.update("update resident set registered = true where id = ?", resident);
        long incident = ticket(reference(), null, "CLOSED", yearsAgo(10), "HY-GARDEN");
        long report = ticket(reference(), resident, "MERGED", yearsAgo(10), "HY-GARDEN");
        sql.update("update ticket set merged_into_id = ? where id = ?", incident, report);
        sql.update("insert into incident_link (incident_id, reporter_ticket_id, state, score, reason, channel,"
                + " resident_id, language, reported_at, decided_by, decided_at) values (?, ?, 'LINKED', 0.91,"
                + " '王小明说是同一件事', 'SMS', ?, 'zh', ?, 'staff:operator', ?)", incident, report, resident,
                yearsAgo(10), yearsAgo(10));
        var today = jobNow().atZone(zone).toLocalDate();
        sql.update("insert into resident_check_in (resident_id, day, checked_in_at, channel) values"
                + " (?, ?, ?, 'sms'), (?, ?, ?, 'sms')", resident, today.minusYears(5), yearsAgo(10), resident,
                today.minusDays(30), yearsAgo(5.1));

        RetentionJob.Summary summary = job.run(jobNow());

        assertEquals(1, sql.count("select count(*) from incident_link where reporter_ticket_id = ?"
                + " and resident_id is null and reason = '' and state = 'LINKED' and channel = 'SMS'"
                + " and incident_id = ?", report, incident), "who reported it is forgotten, the link kept");
        assertEquals(1, sql.count("select count(*) from resident where id = ?", resident), "the registry's resident");
        assertEquals(List.of(today.minusDays(30).toString()), sql.column("select day::text from resident_check_in"
                + " where resident_id = ? order by day", resident), "the old check-in is gone, the recent one kept");
        assertTrue(summary.checkIns() >= 1, summary.toString());
    }

    @Test
    void oldRecordsGoByTheirOwnPeriods() {
        Timestamp old = yearsAgo(10);
        // the pending row's next attempt lies years ahead of the hub's clock (which other tests move on by days), so
        // the running outbox leaves it pending: were it sent after this test, a later run would find it finished and
        // delete it, and that run's counts would not be its own
        Timestamp later = Timestamp.from(clock.instant().plus(Duration.ofDays(3650)));
        String key = "retention-" + SERIAL.incrementAndGet();
        sql.update("insert into outbox (stream, channel, recipient, idempotency_key, topic, body, status,"
                + " next_attempt_at, give_up_at, created_at) values ('sms', 'SMS', '+8613900002222', ?, 'reply',"
                + " 'hello', 'SENT', ?, ?, ?), ('sms', 'SMS', '+8613900002222', ?, 'reply', 'hello', 'PENDING', ?, ?,"
                + " ?), ('sms', 'SMS', '+8613900002222', ?, 'reply', 'hello', 'FAILED', ?, ?, ?)", key + "-sent", old,
                old, old, key + "-pending", later, later, old, key + "-dead", old, old, yearsAgo(6));
        long dead = ((Number) sql.one("select id from outbox where idempotency_key = ?", key + "-dead")).longValue();
        sql.update("insert into dead_letter (message_id, source, reason, destination, body, created_at) values"
                + " (?, 'outbox', 'gave up', ?, 'x', ?), (?, 'intake', 'poison', 'hub.intake', 'x', ?)", key + "-dl1",
                "outbox:" + dead, yearsAgo(5.1), key + "-dl2", old);
        sql.update("insert into sms_inbound (message_sid, from_phone, kind, reply, created_at) values (?,"
                + " '+8613900002222', 'REQUEST', 'ok', ?)", key + "-sid", old);

        RetentionJob.Summary summary = job.run(jobNow());

        assertEquals(0, sql.count("select count(*) from outbox where idempotency_key = ?", key + "-sent"));
        assertEquals(1, sql.count("select count(*) from outbox where idempotency_key = ?", key + "-pending"),
                "a row still being sent stays");
        assertEquals(1, sql.count("select count(*) from outbox where idempotency_key = ?", key + "-dead"),
                "a row that gave up stays while its dead letter may put it back");
        assertEquals(1, sql.count("select count(*) from dead_letter where message_id = ?", key + "-dl1"));
        assertEquals(0, sql.count("select count(*) from dead_letter where message_id = ?", key + "-dl2"));
        assertEquals(0, sql.count("select count(*) from sms_inbound where message_sid = ?", key + "-sid"));
        assertTrue(summary.outboxRows() >= 1 && summary.deadLetters() >= 1 && summary.channelRecords() >= 1,
                summary.toString());
    }

    @Test
    void theCloseTimeFollowsTheStatus() {
        long id = ticket(reference(), null, "RESOLVED", yearsAgo(1), "HY-GARDEN");
        assertNull(column("closed_at", id));
        Timestamp at = Timestamp.from(yearsAgo(0.5).toInstant().truncatedTo(ChronoUnit.MICROS));
        sql.update("update ticket set status = 'CLOSED', updated_at = ? where id = ?", at, id);
        assertEquals(at.toInstant(), ((Timestamp) column("closed_at", id)).toInstant());
        sql.update("update ticket set description = 'x' where id = ?", id);
        assertEquals(at.toInstant(), ((Timestamp) column("closed_at", id)).toInstant(), "other changes keep it");
        sql.update("update ticket set status = 'REOPENED', updated_at = ? where id = ?", yearsAgo(0.4), id);
        assertNull(column("closed_at", id), "reopening clears it");
    }

    @Test
    void theNightIsRunByOneInstanceOnce() {
        var local = clock.instant().atZone(zone);
        assumeFalse(local.toLocalTime().isBefore(LocalTime.of(3, 0)), "before tonight's run-at");
        sql.update("delete from retention_run where run_date = ?", local.toLocalDate());
        // another instance has tonight's run in hand
        sql.update("insert into retention_run (run_date, node, started_at) values (?, 'other:1', ?)",
                local.toLocalDate(), Timestamp.from(clock.instant()));
        assertFalse(job.runIfDue().isPresent());
        // … and died: after a while the night is taken over, once
        sql.update("update retention_run set started_at = ? where run_date = ?",
                Timestamp.from(clock.instant().minus(RetentionJob.TAKE_OVER_AFTER).minusSeconds(60)),
                local.toLocalDate());
        assertTrue(job.runIfDue().isPresent());
        assertFalse(job.runIfDue().isPresent());
        assertNotNull(sql.one("select finished_at from retention_run where run_date = ?", local.toLocalDate()));
    }
}
