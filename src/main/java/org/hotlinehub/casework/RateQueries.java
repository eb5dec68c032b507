package org.hotlinehub.casework;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.RateDimension;
import org.hotlinehub.model.RateQuery;
import org.hotlinehub.model.RateRow;
import org.hotlinehub.model.port.Rates;
import org.hotlinehub.store.SqlParameters;

import io.agroal.api.AgroalDataSource;

/**
 * The three rates from the daily and monthly aggregates where they hold, counted live from the rows elsewhere (V129,
 * V133, docs/architecture.md "The three rates"). The rules are in one place, the function {@code rate_fact}: both the
 * live count and the aggregates ({@link RateAggregates}) read it. A period is split into whole months and whole hotline
 * days read from {@code rate_agg} with the facts a deadline decided since ({@code rate_pending}): those unchanged since
 * they were counted, and those changed by known tickets whose facts were kept, corrected by those tickets' facts now
 * less their facts as counted ({@code rate_counted}). The rest (a partial first day, days changed by unknown tickets,
 * days never counted) is counted live; a last day cut short is its day less what follows the period's end. All parts
 * are read in one snapshot, so a change is counted once: in the aggregates, in a correction, or live.
 */
@ApplicationScoped
public class RateQueries implements Rates {

    /** The counts of a group, in {@link RateRow}'s order, then how many rows the group exists for. */
    private static final int WIDTH = 15;
    private static final int PRESENT = 14;

    /** Joins from the assignee, category and place ids (of a fact or an aggregate row) to what rates show. */
    private static final String NAMES = """
            left join partner p on p.id = %1$s.partner_id
            left join volunteer v on v.id = %1$s.volunteer_id
            left join place pc on pc.id = %2$s.community_id
            left join place pg on pg.id = %2$s.grid_id
            left join catalog_entry c on c.id = %1$s.category_id
            """;

    private static final String LIVE = """
            select %1$s as k, %2$s as n,
                   count(*) filter (where f.offered_from <= ?) as offered,
                   count(*) filter (where f.offered_from <= ? and f.in_time = 1) as in_time,
                   count(*) filter (where f.offered_from <= ? and f.overdue = 1) as overdue,
                   sum(f.tickets), count(*) filter (where f.judged_from <= ?) as judged, sum(f.solved),
                   sum(f.answers), sum(f.satisfied), sum(f.basically), sum(f.dissatisfied), sum(f.not_solved),
                   sum(f.no_reply), sum(f.not_asked), sum(f.excluded),
                   count(*) filter (where f.kind <> 'R' or f.offered_from <= ?) as present
              from %4$s
              left join place_area pa on pa.place_id = f.place_id
            """ + NAMES.formatted("f", "pa") + """
            where true %3$s
            group by 1, 2""";

    /** {@link #LIVE}'s facts: every fact of the intervals. */
    private static final String ALL_FACTS = """
            unnest(?::timestamptz[], ?::timestamptz[]) r(lo, hi) cross join lateral rate_fact(r.lo, r.hi, null) f""";

    /**
     * {@link #LIVE}'s facts: those of one ticket in one day, per pair, as they are now. The tickets go into the SQL as
     * a constant array (%s: numbers only), so rate_fact reads them by ticket; the pairs pick their days.
     */
    private static final String TICKETS_NOW = """
            (select x.* from rate_fact(?::timestamptz, ?::timestamptz, '{%s}'::bigint[]) x
               join unnest(?::date[], ?::bigint[]) r(day, ticket)
                 on r.ticket = x.ticket_id and r.day = (x.at at time zone '%s')::date) f""";

    /** {@link #LIVE}'s facts: those of one ticket in one day, per pair, as the day was counted (V133). */
    private static final String TICKETS_COUNTED = """
            unnest(?::date[], ?::bigint[]) r(day, ticket)
             join rate_counted f on f.grain = 'D' and f.period = r.day and f.ticket_id = r.ticket""";

    private static final String AGGREGATED = """
            select %1$s as k, %2$s as n, sum(g.offered), sum(g.in_time), sum(g.overdue), sum(g.tickets),
                   sum(g.judged), sum(g.solved), sum(g.answers), sum(g.satisfied), sum(g.basically),
                   sum(g.dissatisfied), sum(g.not_solved), sum(g.no_reply), sum(g.not_asked), sum(g.excluded),
                   sum(g.present)
              from rate_agg g
            """ + NAMES.formatted("g", "g") + """
            where g.rollup = ? and ((g.grain = 'M' and g.period = any(?::date[]))
                                    or (g.grain = 'D' and g.period = any(?::date[]))) %3$s
            group by 1, 2""";

    /**
     * What the aggregates of the same months and days leave to a deadline (V133): the facts whose accept-by or
     * resolve-by was still ahead when their period was counted, counted here once it has passed for the query's "now".
     */
    private static final String PENDING = """
            select %1$s as k, %2$s as n, count(*) filter (where g.kind = 'R'),
                   count(*) filter (where g.kind = 'R' and g.in_time = 1),
                   count(*) filter (where g.kind = 'R' and g.overdue = 1), 0, count(*) filter (where g.kind = 'T'),
                   0, 0, 0, 0, 0, 0, 0, 0, 0, count(*) filter (where g.kind = 'R')
              from rate_pending g
            """ + NAMES.formatted("g", "g") + """
            where g.due <= ? and ((g.grain = 'M' and g.period = any(?::date[]))
                                  or (g.grain = 'D' and g.period = any(?::date[]))) %3$s
            group by 1, 2""";

    /**
     * What of [first, end) the aggregates can answer: days changed since they were counted ('X'), and the days ('D')
     * and months ('M') counted in this zone for a "now" that still gives the same answer.
     */
    private static final String COUNTED = """
            with marked as (
                select d::date as day, r.tickets from rate_dirty r
                 cross join generate_series(greatest((r.lo at time zone ?)::date, ?::date),
                                            least((r.hi at time zone ?)::date, ?::date - 1), interval '1 day') d
                 where r.hi >= ? and r.lo < ?)
            select 'X', day, null::bigint, false from marked where tickets is null
            union
            select 'T', day, t, false from marked cross join unnest(marked.tickets) t
            union
            select grain, period, null, facts_kept from rate_period
             where period >= date_trunc('month', ?::date)::date and period < ?::date
               and zone = ? and valid_from <= ? and ? < valid_until""";

    /** The group a row falls in when it has none (no assignee, no place, no category). */
    public static final String NONE = "-";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ZoneId zone;

    /**
     * Which months and days come from the aggregates, which of their days are corrected by the tickets changed since
     * they were counted, and which intervals are counted live.
     */
    record Plan(List<LocalDate> months, List<LocalDate> days, List<Instant[]> live,
            Map<LocalDate, Set<Long>> corrected, List<Instant[]> excluded) {

        Plan(List<LocalDate> months, List<LocalDate> days, List<Instant[]> live) {
            this(months, days, live, Map.of(), List.of());
        }
    }

    @Override
    public List<RateRow> rates(RateQuery q) {
        return count(q, false);
    }

    /** The rates counted live from the rows over the whole period, aggregates unread: what they must agree with. */
    public List<RateRow> recount(RateQuery q) {
        return count(q, true);
    }

    /** How {@link #rates} would split the period now (for tests). */
    Plan plan(RateQuery q) {
        try (Connection c = dataSource.getConnection()) {
            return plan(c, q);
        } catch (SQLException e) {
            throw new IllegalStateException("rates plan failed: " + e.getMessage(), e);
        }
    }

    private List<RateRow> count(RateQuery q, boolean liveOnly) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            boolean own = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            if (own) {
                // one snapshot for the plan and both parts
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            try {
                Plan plan = liveOnly
                        ? new Plan(List.of(), List.of(), List.<Instant[]>of(new Instant[]{q.from(), q.to()}))
                        : plan(c, q);
                if (!plan.months().isEmpty() || !plan.days().isEmpty()) {
                    aggregated(c, q, plan, counts, names);
                }
                if (!plan.corrected().isEmpty()) {
                    corrected(c, q, plan.corrected(), counts, names);
                }
                if (!plan.live().isEmpty()) {
                    live(c, q, plan.live(), 1, counts, names);
                }
                if (!plan.excluded().isEmpty()) {
                    live(c, q, plan.excluded(), -1, counts, names);
                }
            } finally {
                if (own) {
                    c.rollback();
                    c.setTransactionIsolation(isolation);
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rates query failed: " + e.getMessage(), e);
        }
        List<RateRow> rows = new ArrayList<>();
        counts.forEach((key, n) -> {
            if (n[PRESENT] > 0) {
                rows.add(new RateRow(key, names.get(key), n[0], n[1], n[2], RateRow.rate(n[1], n[0]), n[3], n[4],
                        n[5], RateRow.rate(n[5], n[4]), n[6], n[7], n[8], n[9], n[10], n[11], n[12], n[13],
                        RateRow.rate(n[7] + n[8], n[6])));
            }
        });
        return rows;
    }

    /** Splits the period: whole clean months and days from the aggregates, the rest live. */
    Plan plan(Connection c, RateQuery q) throws SQLException {
        LocalDate first = q.from().atZone(zone).toLocalDate();
        if (start(first).isBefore(q.from())) {
            first = first.plusDays(1);
        }
        LocalDate end = q.to().atZone(zone).toLocalDate();
        List<LocalDate> months = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        List<Instant[]> live = new ArrayList<>();
        if (!first.isBefore(end)) {
            live.add(new Instant[]{q.from(), q.to()});
            return new Plan(months, days, live);
        }
        addLive(live, q.from(), start(first));
        TreeSet<LocalDate> dirty = new TreeSet<>(); // changed, by whom unknown: counted live whole
        TreeMap<LocalDate, Set<Long>> touched = new TreeMap<>(); // changed by these tickets
        Map<LocalDate, Boolean> countedDays = new HashMap<>(); // counted, and whether its facts were kept
        Map<LocalDate, Boolean> countedMonths = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(COUNTED)) {
            // through the period's last day, whole or not
            LocalDate last = end.plusDays(1);
            SqlParameters.bind(c, st, 1, List.of(zone.getId(), first.toString(), zone.getId(), last.toString(),
                    utc(start(first)), utc(start(last)), first.toString(), last.toString(), zone.getId(),
                    utc(q.asOf()), utc(q.asOf())));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    LocalDate period = rs.getObject(2, LocalDate.class);
                    switch (rs.getString(1)) {
                        case "X" -> dirty.add(period);
                        case "T" -> touched.computeIfAbsent(period, k -> new TreeSet<>()).add(rs.getLong(3));
                        case "D" -> countedDays.put(period, rs.getBoolean(4));
                        default -> countedMonths.put(period, rs.getBoolean(4));
                    }
                }
            }
        }
        Map<LocalDate, Set<Long>> corrected = new TreeMap<>();
        LocalDate d = first;
        while (d.isBefore(end)) {
            LocalDate nextMonth = d.plusMonths(1);
            // a whole month from its row when nothing in it changed, or when only known tickets did and its days'
            // facts were kept (a month of the window summed from such days): corrected by those tickets
            boolean month = q.by() != RateDimension.WEEK && d.getDayOfMonth() == 1 && !nextMonth.isAfter(end)
                    && countedMonths.containsKey(d) && dirty.subSet(d, nextMonth).isEmpty()
                    && (touched.subMap(d, nextMonth).isEmpty() || countedMonths.get(d));
            if (month) {
                months.add(d);
                corrected.putAll(touched.subMap(d, nextMonth));
                d = nextMonth;
                continue;
            }
            if (!fromAggregates(d, countedDays, dirty, touched, days, corrected)) {
                addLive(live, start(d), start(d.plusDays(1)));
            }
            d = d.plusDays(1);
        }
        List<Instant[]> excluded = new ArrayList<>();
        if (start(end).isBefore(q.to())) {
            // a last day cut short: the day from the aggregates less its facts from the period's end on, when that
            // is the smaller part: the end is about "now" (the default period; nothing is filed after now), or the
            // end is past the day's middle. Exact either way; only the cost differs.
            Instant next = start(end.plusDays(1));
            boolean smaller = !q.to().isBefore(q.asOf().minusSeconds(60))
                    || Duration.between(q.to(), next).compareTo(Duration.between(start(end), q.to())) < 0;
            if (smaller && fromAggregates(end, countedDays, dirty, touched, days, corrected)) {
                excluded.add(new Instant[]{q.to(), next});
            } else {
                addLive(live, start(end), q.to());
            }
        }
        return new Plan(months, days, live, corrected, excluded);
    }

    /**
     * Takes a day from the aggregates when it is counted and unchanged since, or changed by known tickets and its
     * facts were kept (then corrected by those tickets). @return false: the day must be counted live
     */
    private static boolean fromAggregates(LocalDate d, Map<LocalDate, Boolean> countedDays, TreeSet<LocalDate> dirty,
            TreeMap<LocalDate, Set<Long>> touched, List<LocalDate> days, Map<LocalDate, Set<Long>> corrected) {
        if (!countedDays.containsKey(d) || dirty.contains(d)) {
            return false;
        }
        if (touched.containsKey(d)) {
            if (!countedDays.get(d)) {
                return false;
            }
            corrected.put(d, touched.get(d));
        }
        days.add(d);
        return true;
    }

    /** Adds [from, to) to the live intervals, joined to the last when they touch. */
    private static void addLive(List<Instant[]> live, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return;
        }
        if (!live.isEmpty() && live.get(live.size() - 1)[1].equals(from)) {
            live.get(live.size() - 1)[1] = to;
        } else {
            live.add(new Instant[]{from, to});
        }
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private void aggregated(Connection c, RateQuery q, Plan plan, Map<String, long[]> counts,
            Map<String, String> names) throws SQLException {
        String[] keyName = keyAndName(q.by(), "g.period::timestamp", "g");
        String filters = filters(q, "g", "g.street_id");
        String[] months = plan.months().stream().map(LocalDate::toString).toArray(String[]::new);
        String[] days = plan.days().stream().map(LocalDate::toString).toArray(String[]::new);
        List<Object> params = new ArrayList<>(List.of(rollup(q), months, days));
        params.addAll(filterParams(q));
        run(c, AGGREGATED.formatted(keyName[0], keyName[1], filters), params, counts, names);
        params = new ArrayList<>(List.of(utc(q.asOf()), months, days));
        params.addAll(filterParams(q));
        run(c, PENDING.formatted(keyName[0], keyName[1], filters), params, counts, names);
    }

    private void live(Connection c, RateQuery q, List<Instant[]> intervals, int sign, Map<String, long[]> counts,
            Map<String, String> names) throws SQLException {
        live(c, q, ALL_FACTS, List.of(intervals.stream().map(i -> i[0].toString()).toArray(String[]::new),
                intervals.stream().map(i -> i[1].toString()).toArray(String[]::new)), sign, counts, names);
    }

    /**
     * The days changed by known tickets since they were counted: each ticket's facts in the day as they are now, less
     * its facts as the day was counted (which the aggregates and the pending facts read hold).
     */
    private void corrected(Connection c, RateQuery q, Map<LocalDate, Set<Long>> corrected, Map<String, long[]> counts,
            Map<String, String> names) throws SQLException {
        List<String> days = new ArrayList<>();
        List<String> tickets = new ArrayList<>();
        TreeSet<Long> distinct = new TreeSet<>();
        corrected.forEach((day, ids) -> ids.forEach(id -> {
            days.add(day.toString());
            tickets.add(id.toString());
            distinct.add(id);
        }));
        List<Object> pairs = List.of(days.toArray(String[]::new), tickets.toArray(String[]::new));
        TreeMap<LocalDate, Set<Long>> byDay = new TreeMap<>(corrected);
        List<Object> now = new ArrayList<>(
                List.of(utc(start(byDay.firstKey())), utc(start(byDay.lastKey().plusDays(1)))));
        now.addAll(pairs);
        String numbers = String.join(",", distinct.stream().map(String::valueOf).toList());
        live(c, q, TICKETS_NOW.formatted(numbers, zone.getId().replace("'", "")), now, 1, counts, names);
        live(c, q, TICKETS_COUNTED, pairs, -1, counts, names);
    }

    /** Counts the facts {@code source} reads ({@link #LIVE}), added to the counts with {@code sign}. */
    private void live(Connection c, RateQuery q, String source, List<Object> sourceParams, int sign,
            Map<String, long[]> counts, Map<String, String> names) throws SQLException {
        String[] keyName = keyAndName(q.by(), "(f.at at time zone '" + zone.getId().replace("'", "") + "')", "f");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            params.add(utc(q.asOf()));
        }
        params.addAll(sourceParams);
        params.addAll(filterParams(q));
        run(c, LIVE.formatted(keyName[0], keyName[1], filters(q, "f", "pa.street_id"), source), params, sign, counts,
                names);
    }

    private static void run(Connection c, String sql, List<Object> params, Map<String, long[]> counts,
            Map<String, String> names) throws SQLException {
        run(c, sql, params, 1, counts, names);
    }

    private static void run(Connection c, String sql, List<Object> params, int sign, Map<String, long[]> counts,
            Map<String, String> names) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            SqlParameters.bind(c, st, 1, params);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1) == null ? NONE : rs.getString(1);
                    names.putIfAbsent(key, rs.getString(2) == null ? key : rs.getString(2));
                    long[] n = counts.computeIfAbsent(key, k -> new long[WIDTH]);
                    for (int i = 0; i < WIDTH; i++) {
                        n[i] += sign * rs.getLong(3 + i);
                    }
                }
            }
        }
    }

    /**
     * The rows a query reads: those summed over what it neither groups nor filters by (the GROUPING bits of V129: 8
     * assignee, 4 area, 2 category, 1 channel).
     */
    static short rollup(RateQuery q) {
        RateDimension by = q.by();
        boolean assignee = by == RateDimension.PARTNER || by == RateDimension.PARTY_TYPE || q.partner() != null
                || q.partyType() != null;
        boolean area = by == RateDimension.COMMUNITY || by == RateDimension.GRID || q.street() != null
                || q.community() != null || q.grid() != null;
        boolean category = by == RateDimension.CATEGORY || q.category() != null;
        boolean channel = by == RateDimension.CHANNEL || q.channel() != null;
        return (short) ((assignee ? 0 : 8) | (area ? 0 : 4) | (category ? 0 : 2) | (channel ? 0 : 1));
    }

    /** SQL for the group key and its display name; {@code local} is the row's time in hotline time. */
    private static String[] keyAndName(RateDimension by, String local, String row) {
        return switch (by) {
            case PARTNER -> new String[]{"coalesce(p.code, v.code)", "coalesce(p.name_zh, v.name)"};
            case PARTY_TYPE -> new String[]{PARTY_TYPE_SQL, PARTY_TYPE_SQL};
            case COMMUNITY -> new String[]{"pc.code", "pc.name_zh"};
            case GRID -> new String[]{"pg.code", "coalesce(pg.name_zh, pg.code)"};
            case CATEGORY -> new String[]{"c.code", "c.name_zh"};
            case CHANNEL -> new String[]{row + ".channel", row + ".channel"};
            case WEEK -> {
                String week = "to_char(date_trunc('week', " + local + "), 'YYYY-MM-DD')";
                yield new String[]{week, week};
            }
            case MONTH -> {
                String month = "to_char(" + local + ", 'YYYY-MM')";
                yield new String[]{month, month};
            }
            case ALL -> new String[]{"'all'", "'all'"};
        };
    }

    private static final String PARTY_TYPE_SQL = "case when p.id is not null then p.type"
            + " when v.id is not null then 'volunteer' end";

    private static String filters(RateQuery q, String row, String streetColumn) {
        StringBuilder s = new StringBuilder();
        if (q.partner() != null) {
            s.append(" and coalesce(p.code, v.code) = ?");
        }
        if (q.partyType() != null) {
            s.append(" and (").append(PARTY_TYPE_SQL).append(") = ?");
        }
        if (q.street() != null) {
            // the street's id once (code is unique), not a join per row
            s.append(" and ").append(streetColumn).append(" = (select st.id from place st where st.code = ?)");
        }
        if (q.community() != null) {
            s.append(" and pc.code = ?");
        }
        if (q.grid() != null) {
            s.append(" and pg.code = ?");
        }
        if (q.category() != null) {
            s.append(" and c.code = ?");
        }
        if (q.channel() != null) {
            s.append(" and ").append(row).append(".channel = ?");
        }
        return s.toString();
    }

    private static List<Object> filterParams(RateQuery q) {
        List<Object> params = new ArrayList<>();
        for (Object value : new Object[]{q.partner(), q.partyType(), q.street(), q.community(), q.grid(), q.category(),
                q.channel() == null ? null : q.channel().name()}) {
            if (value != null) {
                params.add(value);
            }
        }
        return params;
    }
}
