package org.hotlinehub.casework;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.RateDimension;
import org.hotlinehub.model.RateQuery;
import org.hotlinehub.routes.RouteIds;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.MovableClock;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The rates' aggregates (V129, {@link RateAggregates}) against a full live recount ({@link RateQueries#recount}): a
 * year of generated tickets in 2023 (which no other test files in) going through the lifecycle — dispatched, accepted
 * in time and late, declined, returned, withdrawn, still open, paused, resolved, reopened, surveyed, appealed, merged
 * into an incident (whose reporters' answers still count), cancelled — and then changed again (accepted, closed,
 * reopened, merged, reclassified, a compound moved to another grid). Every dimension and filter, for a month, the year
 * and a period starting and ending mid-day, before the changes are recounted (those days live) and after (read from
 * the aggregates), and for a "now" past deadlines that were still ahead when the days were counted.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class RateAggregatesTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String[] CHANNELS = {"SMS", "WECHAT", "VOICE", "WEB", "OPEN311"};
    static final String[] OUTCOMES = {"SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "NOT_SOLVED", "NO_REPLY",
            "NOT_ASKED"};

    @Inject
    Sql sql;
    @Inject
    RateQueries rates;
    @Inject
    RateAggregates aggregates;
    @Inject
    MovableClock clock;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    CamelContext camel;

    final Random random = new Random(23);
    List<Long> places;
    List<Long> categories;
    List<Long> partners;
    List<Long> volunteers;
    long compound;
    int serial;

    /**
     * Leaves none of this test's work open: the supervisors' deadline list shows open work oldest deadline first, and
     * its hundreds of 2023 assignments would fill the page another test reads.
     */
    @AfterEach
    void settleOpenWork() {
        sql.update("update assignment set resolved_at = case when state = 'OFFERED' then resolved_at"
                + " else coalesce(resolved_at, resolve_by) end,"
                + " state = case when state = 'OFFERED' then 'EXPIRED' else 'RESOLVED' end"
                + " where state in ('OFFERED', 'ACCEPTED', 'IN_PROGRESS', 'RETURNED')"
                + " and ticket_id in (select id from ticket where description = 'rates aggregate test')");
    }

    @Test
    void shouldAgreeWithAFullRecountBeforeAndAfterTheChangesAreCounted() throws SQLException {
        referenceData();
        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < 360; i++) {
            tickets.add(ticket(i));
        }
        // the year from its twelve months' rows, in one plan (the hub's sweeps may mark a month between two)
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            aggregates.recount();
            RateQueries.Plan plan = rates.plan(year(RateDimension.PARTNER));
            return plan.live().isEmpty() && plan.months().size() == 12;
        });
        assertAgree("counted once");

        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("select pg_advisory_lock(" + RateAggregates.LOCK + ")"); // no round meanwhile
            try {
                change(tickets);
                assertFalse(rates.plan(year(RateDimension.PARTNER)).live().isEmpty(), "changed days counted live");
                assertAgree("changed, not yet recounted");
            } finally {
                st.execute("select pg_advisory_unlock(" + RateAggregates.LOCK + ")");
            }
        }

        recounted();
        assertAgree("changed and recounted");

        // a "now" past the open offers' accept-by and the open tickets' resolve-by the periods were counted before:
        // still read from the aggregates, with the facts those deadlines decide (V133)
        Instant later = clock.instant().plus(Duration.ofDays(3));
        assertTrue(sql.count("select count(*) from rate_pending where period < '2024-01-01' and due > ?",
                at(clock.instant())) > 0, "deadlines still ahead in the counted year");
        assertTrue(rates.plan(year(RateDimension.ALL).withAsOf(later)).live().isEmpty(),
                "the year read from the aggregates for a later now");
        assertAgree("for a later now", later);
    }

    @Test
    void shouldCountMonthsNeverCountedOneAtATimeWhileTheQueriesCountThemLive() throws SQLException {
        referenceData();
        for (int i = 0; i < 60; i++) {
            ticket(1000 + i);
        }
        recounted();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("select pg_advisory_lock(" + RateAggregates.LOCK + ")"); // no round meanwhile
            try {
                // as V129 leaves a database that already holds tickets: nothing counted
                st.execute("delete from rate_agg; delete from rate_period; delete from rate_dirty");
                assertTrue(rates.plan(year(RateDimension.PARTNER)).months().isEmpty(), "the year counted live");
                assertAgree("before any month is counted");
            } finally {
                st.execute("select pg_advisory_unlock(" + RateAggregates.LOCK + ")");
            }
        }
        recounted(); // one old month a round (the route's rounds run too)
        assertTrue(sql.count("select count(*) from rate_agg where grain = 'M' and period = '2023-05-01'") > 0);
        assertEquals(0, sql.count("select count(*) from rate_agg where grain = 'D' and period < ?::date",
                aggregates.windowStart().toString()), "no day rows before the window");
        assertTrue(rates.plan(year(RateDimension.PARTNER)).live().isEmpty(), "the year read from the aggregates");
        assertAgree("filled by the rounds");
    }

    @Test
    void shouldCountTheWindowByDayAndItsMonthsFromTheDays() throws SQLException {
        referenceData();
        LocalDate window = aggregates.windowStart();
        Instant from = window.atStartOfDay(ZONE).toInstant();
        for (int i = 0; i < 40; i++) {
            recent(2000 + i, from);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            aggregates.recount();
            return rates.plan(month(window)).live().isEmpty();
        });
        assertEquals(List.of(window), rates.plan(month(window)).months(), "the previous month from its month rows");
        assertTrue(sql.count("select count(*) from rate_agg where grain = 'D' and period = ?::date",
                window.plusDays(3).toString()) > 0, "the window keeps its days");
        // until now: today from its day's rows less what comes after now (nothing yet), not counted live
        RateQuery untilNow = query(RateDimension.PARTNER, new Instant[]{from, clock.instant()}, clock.instant(), null,
                null, null, null, null, null, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            aggregates.recount();
            return rates.plan(untilNow).live().isEmpty();
        });
        assertEquals(1, rates.plan(untilNow).excluded().size(), "the rest of today taken away");
        for (RateDimension by : RateDimension.values()) {
            RateQuery q = query(by, new Instant[]{from, clock.instant()}, clock.instant(), null, null, null, null,
                    null, null, null);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(rates.recount(q), rates.rates(q),
                    "the window: " + q));
        }

        // changed since counted: the month still from its row, corrected by the changed tickets alone (V133)
        List<Long> changed = longs("select id from ticket where reference between '970002000' and '970002039'"
                + " order by id");
        Map<Long, Long> countedBefore = countedAt(changed);
        List<Long> marked = new ArrayList<>(); // the tickets the changes named
        long still = changed.get(1); // in progress, its lead resolved in time (changeTickets leaves it alone)
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("select pg_advisory_lock(" + RateAggregates.LOCK + ")"); // no round meanwhile
            try {
                changeTickets(changed);
                // a change that moves none of the ticket's facts: marked, and left as counted
                status(still, "ACCEPTED");
                marked.addAll(longs(
                        "select distinct t from rate_dirty cross join unnest(tickets) t where t = any(?::bigint[])",
                        array(changed)));
                RateQueries.Plan plan = rates.plan(month(window));
                assertEquals(List.of(window), plan.months(), "the month from its row");
                assertTrue(plan.live().isEmpty(), "nothing counted live: " + plan.live().size());
                assertFalse(plan.corrected().isEmpty(), "corrected by the changed tickets");
                for (RateDimension by : RateDimension.values()) {
                    RateQuery q = query(by, new Instant[]{from, clock.instant()}, clock.instant(), null, null, null,
                            null, null, null, null);
                    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(rates.recount(q),
                            rates.rates(q), "the window, changed, not yet recounted: " + q));
                }
            } finally {
                st.execute("select pg_advisory_unlock(" + RateAggregates.LOCK + ")");
            }
        }

        // the rounds correct the changed days by those tickets alone (V134): the other tickets' facts stay as they
        // were counted, the day and its month are no longer marked, and both still agree with a full recount
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            aggregates.recount();
            return rates.plan(month(window)).corrected().isEmpty();
        });
        Map<Long, Long> countedAfter = countedAt(changed);
        assertTrue(marked.size() >= 4 && marked.size() < changed.size() / 2 && marked.contains(still),
                "changed: " + marked);
        for (Long ticket : changed) {
            if (!marked.contains(ticket) || ticket == still) {
                assertEquals(countedBefore.get(ticket), countedAfter.get(ticket), "unchanged ticket " + ticket);
            } else if (countedAfter.containsKey(ticket)) {
                assertTrue(countedAfter.get(ticket) > countedBefore.get(ticket), "changed ticket " + ticket);
            }
        }
        RateQueries.Plan corrected = rates.plan(month(window));
        assertEquals(List.of(window), corrected.months(), "the month from its row");
        assertTrue(corrected.live().isEmpty(), "nothing counted live: " + corrected.live().size());
        assertTrue(sql.count("select count(*) from rate_period where grain = 'M' and period = ?::date and facts_kept",
                window.toString()) == 1, "the month still the sum of its days");
        for (RateDimension by : RateDimension.values()) {
            RateQuery q = query(by, new Instant[]{from, clock.instant()}, clock.instant(), null, null, null, null,
                    null, null, null);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(rates.recount(q),
                    rates.rates(q), "the window, corrected by the changed tickets: " + q));
        }
        // and for a "now" past the open offers' accept-by and resolve-by: the facts left to a deadline
        Instant later = clock.instant().plus(Duration.ofDays(3));
        assertTrue(sql.count("select count(*) from rate_pending where grain = 'M' and period = ?::date and"
                + " ticket_id = any(?::bigint[])", window.toString(), array(changed)) >= 3, "facts left to deadlines");
        // whole days: a last day cut short far from "now" is counted live when the cut is before its midday
        Instant today = clock.instant().atZone(ZONE).toLocalDate().atStartOfDay(ZONE).toInstant();
        for (RateDimension by : RateDimension.values()) {
            RateQuery q = query(by, new Instant[]{from, today}, later, null, null, null, null, null, null, null);
            await().atMost(Duration.ofSeconds(30)).until(() -> rates.plan(q).live().isEmpty()); // the sweeps
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(rates.recount(q),
                    rates.rates(q), "the window, corrected, for a later now: " + q));
        }
    }

    static String array(List<Long> ids) {
        return "{" + ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")) + "}";
    }

    /** When each ticket's facts in the window were last counted (V134's rate_counted.counted_at), in µs. */
    Map<Long, Long> countedAt(List<Long> tickets) {
        Map<Long, Long> at = new java.util.HashMap<>();
        for (Object row : sql.column("select ticket_id || ':' || (extract(epoch from max(counted_at)) * 1000000)"
                + "::bigint from rate_counted where ticket_id = any(?::bigint[]) group by ticket_id",
                array(tickets))) {
            String[] parts = ((String) row).split(":");
            at.put(Long.valueOf(parts[0]), Long.valueOf(parts[1]));
        }
        return at;
    }

    @Test
    void shouldCountTheDaysOfAMonthThatEnteredTheWindowAndKeepItsMonthRows() throws SQLException {
        referenceData();
        LocalDate window = aggregates.windowStart();
        Instant from = window.atStartOfDay(ZONE).toInstant();
        for (int i = 0; i < 20; i++) {
            recent(3000 + i, from);
        }
        RateQuery days = query(RateDimension.PARTNER, new Instant[]{from.plus(Duration.ofDays(2)),
                from.plus(Duration.ofDays(20))}, clock.instant(), null, null, null, null, null, null, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            aggregates.recount();
            return rates.plan(days).live().isEmpty() && rates.plan(month(window)).live().isEmpty();
        });
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("select pg_advisory_lock(" + RateAggregates.LOCK + ")"); // no round meanwhile
            try {
                // as when the window moves back over a month counted whole: its month rows, none of its days
                for (String table : new String[]{"rate_agg", "rate_pending", "rate_counted", "rate_period"}) {
                    st.execute("delete from " + table + " where grain = 'D' and period >= '" + window
                            + "' and period < '" + window.plusMonths(1) + "'");
                }
                assertFalse(rates.plan(days).live().isEmpty(), "the days counted live");
                assertEquals(List.of(window), rates.plan(month(window)).months(), "the month still whole");
            } finally {
                st.execute("select pg_advisory_unlock(" + RateAggregates.LOCK + ")");
            }
        }
        aggregates.recount();
        assertEquals(List.of(window), rates.plan(month(window)).months(), "its month rows kept by the round");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            aggregates.recount();
            return rates.plan(days).live().isEmpty();
        });
        assertEquals(rates.recount(days), rates.rates(days), "the days counted again agree");
    }

    @Test
    void shouldCountAMonthsWorthOfChangedDaysARoundAndMarkTheRestAgainWithTheirTickets() throws Exception {
        LocalDate window = aggregates.windowStart();
        camel.getRouteController().stopRoute(RouteIds.RATES_RECOUNT); // only this test's rounds
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> !aggregates.recount()); // what came before
            // a bulk change: 40 days of the window, each naming one ticket
            for (int i = 0; i < 40; i++) {
                LocalDate day = window.plusDays(i);
                sql.update("insert into rate_dirty (lo, hi, tickets) values (?, ?, ?::bigint[])",
                        at(day.atStartOfDay(ZONE).toInstant().plusSeconds(3600)),
                        at(day.atStartOfDay(ZONE).toInstant().plusSeconds(7200)), "{" + (900000 + i) + "}");
            }
            assertTrue(aggregates.recount(), "more to do after one round");
            // the oldest days marked again with their tickets (at least 9: the hub's sweeps may mark newer days too)
            List<Long> left = longs("select t from rate_dirty cross join unnest(tickets) t where t between 900000"
                    + " and 900039 order by t");
            assertTrue(left.size() >= 40 - RateAggregates.DAYS_A_ROUND && left.size() < 40, "left: " + left);
            assertEquals(java.util.stream.LongStream.range(900000, 900000 + left.size()).boxed().toList(), left);
            await().atMost(Duration.ofSeconds(60)).until(() -> !aggregates.recount());
            assertEquals(0, sql.count("select count(*) from rate_dirty where 900000 = any(tickets)"),
                    "counted by the next rounds");

            // every day of the window stale at once (as V134 leaves them): a month's worth counted a round
            sql.update("update rate_period set valid_until = '-infinity' where grain = 'D'");
            String staleDays = "select count(*) from rate_period where grain = 'D' and valid_until = '-infinity'";
            long stale = sql.count(staleDays);
            assertTrue(stale > RateAggregates.DAYS_A_ROUND, "stale days: " + stale);
            assertTrue(aggregates.recount(), "more to do after one round");
            assertEquals(stale - RateAggregates.DAYS_A_ROUND, sql.count(staleDays), "one month's worth counted");
            await().atMost(Duration.ofSeconds(60)).until(() -> !aggregates.recount());
            assertEquals(0, sql.count(staleDays), "counted by the next rounds");
        } finally {
            camel.getRouteController().startRoute(RouteIds.RATES_RECOUNT);
        }
    }

    /** A ticket of the window: filed in its first 25 days, accepted, resolved and closed, or still open. */
    void recent(int i, Instant from) {
        Instant created = from.plusSeconds(random.nextInt(25 * 86400));
        String reference = String.valueOf(970000000 + i);
        if (sql.count("select count(*) from ticket where reference = ?", reference) > 0) {
            return;
        }
        long ticket = ((Number) sql.one("insert into ticket (reference, channel, category_id, description, place_id,"
                + " priority, status, created_at, updated_at) values (?, ?, ?, 'rates aggregate test', ?, 'normal',"
                + " 'DISPATCHED', ?, ?) returning id", reference, CHANNELS[random.nextInt(CHANNELS.length)],
                pick(categories), pick(places), at(created), at(created))).longValue();
        if (i % 10 == 0) { // an offer still open, and the ticket's resolve-by ahead: facts a deadline decides
            assignment(ticket, pick(partners), null, "lead", "OFFERED", created.plusSeconds(60),
                    clock.instant().plus(Duration.ofDays(1)), null, clock.instant().plus(Duration.ofDays(2)), null);
            return;
        }
        long a = lead(ticket, created.plusSeconds(60), "RESOLVED", 600, 3600, false);
        if (i % 2 == 0) {
            close(ticket, a, OUTCOMES[random.nextInt(OUTCOMES.length)], created.plusSeconds(86400), false);
        } else {
            status(ticket, "IN_PROGRESS");
        }
    }

    RateQuery month(LocalDate first) {
        return query(RateDimension.PARTNER, new Instant[]{first.atStartOfDay(ZONE).toInstant(),
                first.plusMonths(1).atStartOfDay(ZONE).toInstant()}, clock.instant(), null, null, null, null, null,
                null, null);
    }

    void assertAgree(String when) {
        assertAgree(when, clock.instant());
    }

    void assertAgree(String when, Instant asOf) {
        List<RateQuery> queries = new ArrayList<>();
        Instant[][] periods = {
                {day(2023, 5, 1), day(2023, 6, 1)},
                {day(2023, 1, 1), day(2024, 1, 1)},
                {LocalDateTime.of(2023, 3, 15, 10, 0).atZone(ZONE).toInstant(),
                        LocalDateTime.of(2023, 8, 20, 15, 30).atZone(ZONE).toInstant()}};
        String community = (String) sql.one("select pc.code from place_area pa join place pc on pc.id ="
                + " pa.community_id where pa.place_id = ?", places.get(0));
        String street = (String) sql.one("select ps.code from place_area pa join place ps on ps.id = pa.street_id"
                + " where pa.place_id = ?", places.get(0));
        String grid = (String) sql.one("select pg.code from place_area pa join place pg on pg.id = pa.grid_id"
                + " where pa.place_id = ?", compound);
        String category = (String) sql.one("select code from catalog_entry where id = ?", categories.get(0));
        String partner = (String) sql.one("select code from partner where id = ?", partners.get(0));
        String type = (String) sql.one("select type from partner where id = ?", partners.get(0));
        for (Instant[] p : periods) {
            for (RateDimension by : RateDimension.values()) {
                queries.add(query(by, p, asOf, null, null, null, null, null, null, null));
            }
            queries.add(query(RateDimension.PARTNER, p, asOf, null, null, null, community, null, null, null));
            queries.add(query(RateDimension.PARTNER, p, asOf, null, null, street, null, null, category, Channel.SMS));
            queries.add(query(RateDimension.CATEGORY, p, asOf, partner, null, null, null, grid, null, null));
            queries.add(query(RateDimension.COMMUNITY, p, asOf, null, type, null, null, null, null, Channel.WECHAT));
            queries.add(query(RateDimension.WEEK, p, asOf, null, null, null, community, null, category, null));
            queries.add(query(RateDimension.MONTH, p, asOf, null, "volunteer", null, null, null, null, null));
        }
        for (RateQuery q : queries) {
            // the two are read one after the other, and the hub's own sweeps act on these tickets meanwhile (an
            // offer past its accept-by expires and goes to the next party, work past resolve-by turns overdue)
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertEquals(rates.recount(q), rates.rates(q), when + ": " + q));
        }
        assertFalse(rates.recount(year(RateDimension.ALL)).isEmpty(), "the year has rows");
    }

    static RateQuery query(RateDimension by, Instant[] period, Instant asOf, String partner, String partyType,
            String street, String community, String grid, String category, Channel channel) {
        return new RateQuery(by, period[0], period[1], asOf, partner, partyType, street, community, grid, category,
                channel);
    }

    RateQuery year(RateDimension by) {
        return query(by, new Instant[]{day(2023, 1, 1), day(2024, 1, 1)}, clock.instant(), null, null, null, null,
                null, null, null);
    }

    static Instant day(int year, int month, int day) {
        return LocalDate.of(year, month, day).atStartOfDay(ZONE).toInstant();
    }

    /** Rounds until nothing of 2023 is left to count (the route's own rounds may take some). */
    void recounted() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            aggregates.recount();
            return rates.plan(year(RateDimension.PARTNER)).live().isEmpty();
        });
    }

    void referenceData() {
        places = longs("select id from place where type in ('compound', 'building') order by id limit 12");
        categories = longs("select id from catalog_entry order by id limit 6");
        partners = longs("select id from partner order by id limit 5");
        volunteers = longs("select id from volunteer order by id limit 2");
        long grid = ((Number) sql.one("select id from place where type = 'grid' order by id limit 1")).longValue();
        if (sql.count("select count(*) from place where code = 'RA-COMPOUND'") == 0) {
            sql.update("insert into place (code, type, parent_id, name_zh) values ('RA-COMPOUND', 'compound', ?,"
                    + " '聚合测试小区')", grid);
        }
        compound = ((Number) sql.one("select id from place where code = 'RA-COMPOUND'")).longValue();
        places.add(compound);
    }

    List<Long> longs(String query, Object... params) {
        List<Long> ids = new ArrayList<>();
        for (Object o : sql.column(query, params)) {
            ids.add(((Number) o).longValue());
        }
        return ids;
    }

    static OffsetDateTime at(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** A ticket filed at a random time of 2023 and taken somewhere along its lifecycle. */
    long ticket(int i) {
        Instant created = day(2023, 1, 1).plusSeconds(random.nextInt(365 * 86400));
        Long place = i % 17 == 0 ? null : pick(places);
        String reference = String.valueOf(960000000 + i);
        if (sql.count("select count(*) from ticket where reference = ?", reference) > 0) {
            return ((Number) sql.one("select id from ticket where reference = ?", reference)).longValue();
        }
        long ticket = ((Number) sql.one("insert into ticket (reference, channel, category_id, description, place_id,"
                + " priority, status, created_at, updated_at) values (?, ?, ?, 'rates aggregate test', ?, 'normal',"
                + " 'DISPATCHED', ?, ?) returning id", reference, CHANNELS[random.nextInt(CHANNELS.length)],
                i % 23 == 0 ? null : pick(categories), place, at(created), at(created))).longValue();
        Instant offered = created.plusSeconds(60);
        switch (i % 10) {
            case 0, 1, 2 -> { // accepted (in time or late), resolved, surveyed and closed
                long a = lead(ticket, offered, "RESOLVED", random.nextBoolean() ? 600 : 7200, 86400, false);
                close(ticket, a, OUTCOMES[random.nextInt(OUTCOMES.length)], offered.plusSeconds(2 * 86400),
                        random.nextInt(8) == 0);
            }
            case 3 -> { // declined, then returned, then accepted and past its resolve-by
                assignment(ticket, pick(partners), null, "lead", "DECLINED", offered, offered.plusSeconds(1800),
                        null, null, null);
                assignment(ticket, pick(partners), null, "lead", "RETURNED", offered.plusSeconds(1900),
                        offered.plusSeconds(3700), offered.plusSeconds(2000), null, null);
                lead(ticket, offered.plusSeconds(4000), "IN_PROGRESS", 300, -1, random.nextBoolean());
                status(ticket, "IN_PROGRESS");
            }
            case 4 -> { // an offer still open: deadline ahead of the clock, or paused
                Long partner = pick(partners);
                long a = assignment(ticket, partner, null, "lead", "OFFERED", offered,
                        clock.instant().plus(Duration.ofDays(1)), null, clock.instant().plus(Duration.ofDays(2)),
                        null);
                if (random.nextBoolean()) {
                    sql.update("update assignment set paused_at = ? where id = ?", at(offered.plusSeconds(60)), a);
                }
            }
            case 5 -> { // the hub withdrew an unanswered offer; a volunteer took it, open with resolve-by ahead
                assignment(ticket, pick(partners), null, "lead", "CANCELLED", offered, offered.plusSeconds(1800),
                        null, null, null);
                assignment(ticket, null, pick(volunteers), "lead", "ACCEPTED", offered.plusSeconds(100),
                        offered.plusSeconds(1900), offered.plusSeconds(200), clock.instant().plus(Duration.ofDays(1)),
                        null);
                status(ticket, "ACCEPTED");
            }
            case 6 -> { // a report merged into an incident: not judged, its reporter's answer still counts
                long a = lead(ticket, offered, "RESOLVED", 600, 3600, false);
                close(ticket, a, "SATISFIED", offered.plusSeconds(86400), false);
                status(ticket, "MERGED");
            }
            case 7 -> status(ticket, "CANCELLED");
            case 8 -> { // reopened: not solved, a second lead at work
                long a = lead(ticket, offered, "RESOLVED", 600, 3600, false);
                close(ticket, a, "NOT_SOLVED", offered.plusSeconds(86400), false);
                lead(ticket, offered.plusSeconds(2 * 86400), "ACCEPTED", 600, -1, false);
                status(ticket, "REOPENED");
            }
            default -> { // a supporting party beside the lead, one of them a volunteer
                lead(ticket, offered, "IN_PROGRESS", 600, -1, false);
                assignment(ticket, null, pick(volunteers), "support", "ACCEPTED", offered, offered.plusSeconds(1800),
                        offered.plusSeconds(3600), offered.plusSeconds(86400), null);
                status(ticket, "IN_PROGRESS");
            }
        }
        return ticket;
    }

    /** A lead accepted {@code acceptAfter} s after the offer (30 min window), resolved after {@code resolveAfter}. */
    long lead(long ticket, Instant offered, String state, int acceptAfter, int resolveAfter, boolean overdue) {
        Long partner = random.nextInt(5) == 0 ? null : pick(partners);
        long a = assignment(ticket, partner, partner == null ? pick(volunteers) : null, "lead", state, offered,
                offered.plusSeconds(1800), state.equals("OFFERED") ? null : offered.plusSeconds(acceptAfter),
                offered.plusSeconds(86400),
                resolveAfter < 0 ? null : offered.plusSeconds(resolveAfter));
        if (overdue) {
            sql.update("update assignment set overdue_at = resolve_by where id = ?", a);
        }
        return a;
    }

    long assignment(long ticket, Long partner, Long volunteer, String role, String state, Instant offered,
            Instant acceptBy, Instant accepted, Instant resolveBy, Instant resolved) {
        // warnings long given, so the real sweep leaves these rows alone
        return ((Number) sql.one("insert into assignment (ticket_id, partner_id, volunteer_id, role, state, reason,"
                + " offered_at, accept_by, accepted_at, resolve_by, resolved_at, accept_warn_at, resolve_warn_at,"
                + " accept_warned_at, resolve_warned_at) values (?, ?, ?, ?, ?, 'rates test', ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?) returning id", ticket, partner, volunteer, role, state, at(offered), at(acceptBy),
                accepted == null ? null : at(accepted),
                at(resolveBy == null ? offered.plusSeconds(2 * 86400) : resolveBy),
                resolved == null ? null : at(resolved), at(offered), at(offered), at(offered), at(offered)))
                .longValue();
    }

    void close(long ticket, long assignment, String outcome, Instant answered, boolean appealed) {
        sql.update("insert into survey_answer (ticket_id, assignment_id, outcome, asked_at, answered_at, excluded)"
                + " values (?, ?, ?, ?, ?, ?)", ticket, assignment, outcome, at(answered), at(answered), appealed);
        sql.update("update ticket set status = 'CLOSED', survey_outcome = ?, survey_excluded = ? where id = ?",
                outcome, appealed, ticket);
    }

    void status(long ticket, String status) {
        sql.update("update ticket set status = ? where id = ?", status, ticket);
    }

    /** What partners, residents and staff do next, through the same tables the hub writes. */
    void change(List<Long> tickets) {
        changeTickets(tickets);
        // a compound moved to another grid: every ticket on it belongs to another area now
        sql.update("update place set parent_id = (select g.id from place g where g.type = 'grid' and g.id <>"
                + " place.parent_id order by g.id desc limit 1) where code = 'RA-COMPOUND'");
    }

    /** Changes every seventh ticket: accepted, resolved and closed, reopened, merged, recategorised, appealed. */
    void changeTickets(List<Long> tickets) {
        for (int i = 0; i < tickets.size(); i += 7) {
            long ticket = tickets.get(i);
            switch (i % 6) {
                case 0 -> sql.update("update assignment set state = 'ACCEPTED', accepted_at = offered_at + interval"
                        + " '40 minutes', paused_at = null where ticket_id = ? and state = 'OFFERED'", ticket);
                case 1 -> {
                    Object lead = sql.column("select id from assignment where ticket_id = ? and role = 'lead' order"
                            + " by id desc limit 1", ticket).stream().findFirst().orElse(null);
                    if (lead != null) {
                        sql.update("update assignment set state = 'RESOLVED', resolved_at = offered_at + interval"
                                + " '5 hours' where id = ?", lead);
                        close(ticket, ((Number) lead).longValue(), "BASICALLY_SATISFIED",
                                clock.instant().minus(Duration.ofDays(1)), false);
                    }
                }
                case 2 -> {
                    status(ticket, "REOPENED");
                    lead(ticket, ((java.sql.Timestamp) sql.one("select created_at from ticket where id = ?",
                            ticket)).toInstant().plusSeconds(5 * 86400), "OFFERED", 0, -1, false);
                }
                case 3 -> status(ticket, "MERGED");
                case 4 -> sql.update("update ticket set category_id = ?, channel = 'VOICE' where id = ?",
                        pick(categories), ticket);
                default -> sql.update("update survey_answer set excluded = true where ticket_id = ?", ticket);
            }
        }
    }
}
