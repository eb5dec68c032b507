package org.hotlinehub.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.AssignmentWatch;
import org.hotlinehub.model.QueueItem;
import org.hotlinehub.model.ResidentFlags;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.MovableClock;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The live queue and the supervisors' deadline list read their first rows in order from V131's indexes. Each is held
 * equal to its rule written as one plain sort over every waiting ticket or open assignment (the queries they
 * replaced), on this test's rows and whatever the other tests left, across the changes that move a row: a resident's
 * flags, a ticket's priority, a ticket reopened after its resident's flags changed, an emergency nobody took, a clock
 * moving past deadlines and warning points, and a paused clock's later resolve-by on an assignment already overdue.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class QueueAndDeadlineOrderTest {

    static final String MARK = "queue order test";
    /** The rows the console shows (QueuePages.LIMIT). */
    static final int SHOWN = 200;

    /** The queue's rule as one sort (the query before V131). */
    static final String QUEUE_BY_RULE = """
            select t.reference
              from ticket t
              left join resident r on r.id = t.resident_id
              left join emergency e on e.ticket_id = t.id
             where t.status in ('TRIAGE', 'RECEIVED', 'DISPATCHED', 'REOPENED')
             order by case when e.state = 'ESCALATED' and t.status = 'TRIAGE' then 0 else 1 end,
                      case t.priority when 'urgent' then 0 when 'normal' then 1 else 2 end,
                      case when r.flags && %s then 0 else 1 end,
                      t.created_at, t.id
             limit ?""".formatted(ResidentFlags.VULNERABLE_SQL);

    /** The deadline list's rule as one sort (the query before V131). */
    static final String DEADLINES_BY_RULE = """
            select a.id
              from assignment a
             where (a.state = 'OFFERED' and a.offered_at + (a.accept_by - a.offered_at) * ? <= ?)
                or (a.state in ('ACCEPTED', 'IN_PROGRESS')
                    and (a.overdue_at is not null or a.offered_at + (a.resolve_by - a.offered_at) * ? <= ?))
             order by case when a.state = 'OFFERED' then a.accept_by <= ?
                           else a.overdue_at is not null or a.resolve_by <= ? end desc,
                      case when a.state = 'OFFERED' then a.accept_by else a.resolve_by end, a.id
             limit ?""";

    @Inject
    Sql sql;
    @Inject
    WorkQueueQueries queue;
    @Inject
    SupervisionQueries supervision;
    @Inject
    MovableClock clock;
    @Inject
    HubConfig config;

    int serial;

    @AfterEach
    void leaveNothingOpen() {
        sql.update("update assignment set state = case when state = 'OFFERED' then 'EXPIRED' else 'RESOLVED' end,"
                + " resolved_at = coalesce(resolved_at, resolve_by) where state in ('OFFERED', 'ACCEPTED',"
                + " 'IN_PROGRESS') and ticket_id in (select id from ticket where description = ?)", MARK);
        sql.update("update ticket set status = 'CLOSED', closed_at = updated_at where description = ?"
                + " and status <> 'CLOSED'", MARK);
    }

    @Test
    void shouldRankEveryVulnerableFlagOfTheResidentsAheadWithinItsPriority() {
        for (String flag : ResidentFlags.VULNERABLE) {
            assertEquals(0, rank("urgent", flag), flag);
            assertEquals(2, rank("normal", flag), flag);
            assertEquals(4, rank("low", flag), flag);
        }
        assertEquals(1, rank("urgent", "speaks-dialect"));
        assertEquals(3, rank("normal", "speaks-dialect"));
        assertEquals(5, rank("low", "speaks-dialect"));
    }

    @Test
    void shouldListTheQueueInTheOrderOfItsRulesAsResidentsAndTicketsChange() {
        Instant base = clock.instant().minus(Duration.ofHours(5));
        long plain = resident("");
        long elderly = resident("elderly-alone");
        long other = resident("speaks-dialect");
        List<Long> tickets = new ArrayList<>();
        String[] priorities = {"normal", "urgent", "low", "normal"};
        String[] statuses = {"TRIAGE", "RECEIVED", "DISPATCHED", "REOPENED"};
        long[] residents = {plain, elderly, other};
        for (int i = 0; i < 24; i++) {
            tickets.add(ticket(residents[i % 3], priorities[i % 4], statuses[i % 4], base.plusSeconds(60L * i)));
        }
        long anonymous = ticket(null, "normal", "RECEIVED", base.plusSeconds(30));
        long closed = ticket(plain, "normal", "CLOSED", base.minus(Duration.ofDays(2)));
        assertQueueByRule("as created");
        String before = queue.fingerprint(SHOWN);

        sql.update("update resident set flags = '{disabled}' where id = ?", plain);
        assertQueueByRule("a resident registered as disabled");
        assertNotEquals(before, queue.fingerprint(SHOWN), "the shown order changed");

        sql.update("update ticket set priority = 'urgent' where id = ?", tickets.get(2));
        sql.update("update ticket set resident_id = ? where id = ?", elderly, anonymous);
        assertQueueByRule("a priority raised and a resident found");

        sql.update("update resident set flags = '{}' where id = ?", elderly);
        sql.update("update ticket set status = 'REOPENED', closed_at = null where id = ?", closed);
        assertQueueByRule("flags withdrawn, and a ticket closed before its resident's change reopened");

        long emergency = ticket(other, "low", "TRIAGE", base.plus(Duration.ofHours(4)));
        sql.update("insert into emergency (ticket_reference, ticket_id, state, raised_at, escalated_at)"
                + " select reference, id, 'ESCALATED', created_at, created_at from ticket where id = ?", emergency);
        assertQueueByRule("an emergency nobody took");
        assertEquals(true, queue.items(1).get(0).emergency());
        String stable = queue.fingerprint(SHOWN);
        assertEquals(stable, queue.fingerprint(SHOWN), "nothing changed");
    }

    @Test
    void shouldListTheDeadlinesInTheOrderOfTheirRuleAsTheClockMoves() {
        Instant now = clock.instant();
        long partner = ((Number) sql.one("select id from partner where active order by id limit 1")).longValue();
        for (int i = 0; i < 40; i++) {
            long ticket = ticket(null, "normal", "DISPATCHED", now.minus(Duration.ofHours(i)));
            Instant offered = now.minus(Duration.ofMinutes(20L * i));
            switch (i % 5) {
                case 0 -> assignment(ticket, partner, "OFFERED", offered, offered.plus(Duration.ofMinutes(30)),
                        offered.plus(Duration.ofDays(1)), null);
                case 1 -> assignment(ticket, partner, "ACCEPTED", offered, offered.plus(Duration.ofMinutes(30)),
                        offered.plus(Duration.ofHours(6)), null);
                case 2 -> assignment(ticket, partner, "IN_PROGRESS", offered, offered.plus(Duration.ofMinutes(30)),
                        offered.plus(Duration.ofHours(3)), null);
                // overdue, then paused and resumed: its resolve-by moved past now
                case 3 -> assignment(ticket, partner, "IN_PROGRESS", offered, offered.plus(Duration.ofMinutes(30)),
                        now.plus(Duration.ofHours(i)), offered.plus(Duration.ofHours(1)));
                default -> assignment(ticket, partner, "OFFERED", offered, offered.plus(Duration.ofHours(8)),
                        offered.plus(Duration.ofDays(2)), null);
            }
        }
        for (Duration later : List.of(Duration.ZERO, Duration.ofMinutes(45), Duration.ofHours(4),
                Duration.ofDays(3))) {
            for (int limit : new int[]{3, 17, 2000}) {
                Instant at = now.plus(later);
                List<Long> shown = supervision.deadlines(at, limit).stream().map(AssignmentWatch::id).toList();
                double warnAt = config.dispatch().warnAt();
                List<Long> byRule = sql.column(DEADLINES_BY_RULE, warnAt, ts(at), warnAt, ts(at), ts(at), ts(at),
                        limit).stream().map(o -> ((Number) o).longValue()).toList();
                assertEquals(byRule, shown, "now + " + later + ", " + limit + " shown");
            }
        }
    }

    private void assertQueueByRule(String when) {
        int all = (int) sql.count("select count(*) from ticket where status in ('TRIAGE', 'RECEIVED', 'DISPATCHED',"
                + " 'REOPENED')") + 1;
        for (int limit : new int[]{5, SHOWN, all}) {
            List<String> shown = queue.items(limit).stream().map(QueueItem::reference).toList();
            List<Object> byRule = sql.column(QUEUE_BY_RULE, limit);
            assertEquals(byRule, shown, when + ", first " + limit);
        }
    }

    private int rank(String priority, String flag) {
        return ((Number) sql.one("select queue_rank(?, array[?]::text[])", priority, flag)).intValue();
    }

    private long resident(String flags) {
        return ((Number) sql.one("insert into resident (phone, name, flags) values (?, ?, ?::text[]) returning id",
                "+8613900" + String.format("%05d", 50000 + serial++), "排序测试", "{" + flags + "}")).longValue();
    }

    private long ticket(Long resident, String priority, String status, Instant created) {
        return ((Number) sql.one("insert into ticket (reference, channel, description, priority, status, resident_id,"
                + " created_at, updated_at) values (?, 'WEB', ?, ?, ?, ?, ?, ?) returning id",
                "QO" + System.nanoTime() + "-" + serial++, MARK, priority, status, resident, ts(created),
                ts(created))).longValue();
    }

    private void assignment(long ticket, long partner, String state, Instant offered, Instant acceptBy,
            Instant resolveBy, Instant overdue) {
        sql.update("insert into assignment (ticket_id, partner_id, role, state, reason, offered_at, accept_by,"
                + " accepted_at, resolve_by, overdue_at, updated_at, accept_warn_at, resolve_warn_at) values (?, ?,"
                + " 'lead', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ticket, partner, state, MARK, ts(offered), ts(acceptBy),
                "OFFERED".equals(state) ? null : ts(offered.plusSeconds(60)), ts(resolveBy),
                overdue == null ? null : ts(overdue), ts(offered), ts(offered), ts(offered));
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
