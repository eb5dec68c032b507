package org.hotlinehub.casework;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubTime;
import org.hotlinehub.model.RateQuery;
import org.hotlinehub.store.SqlParameters;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps the rates' aggregates in step (V129, docs/architecture.md "The three rates"). Every change that moves a rate
 * leaves a row in {@code rate_dirty} in its own transaction (database triggers, one row per statement and UTC day). A
 * round takes those rows and the periods whose counts no longer hold for the clock's "now" (a deadline passed, or
 * counted in another zone), and counts them again, all in one transaction:
 * <ul>
 * <li>in the <b>window</b> (the months since the rates' default period began, at least the current and the previous
 * hotline month) by day: a counted day changed by known tickets is corrected by those tickets (their facts as counted
 * taken away, their facts now added, in the day's rows and in its month's when the month is the sum of its days:
 * {@code rate_correct}, V134), so a round costs what changed, not the size of the day; other changed days are
 * counted from the rows, then their months summed from their days;</li>
 * <li>before it, where changes are rare, by month straight from the rows (no day rows are kept there);</li>
 * <li>months never counted (the tickets already there when V129 ran, or loaded in bulk): one old month a round,
 * newest first, so the backfill is spread over short transactions while the hub runs; until a month is counted the
 * queries count it live.</li>
 * </ul>
 * Day rows that leave the window are deleted. At least once and idempotent: a round cut short leaves its rows, so the
 * next counts the periods again; a change committed while a round runs leaves a row the round did not see. One node
 * at a time: a round that cannot take the advisory lock does nothing.
 */
@ApplicationScoped
public class RateAggregates {

    /** The advisory lock of a round ("rate"). */
    static final long LOCK = 0x72617465L;
    /** Stale periods taken by one round; a full round asks for the next at once. */
    public static final int BATCH = 200;
    /**
     * Dirty rows taken by one round. They are small and many name the same day (one per statement and day: the sweeps
     * write many statements), so a round takes them by the thousand; its cost is in the distinct days.
     */
    static final int DIRTY_A_ROUND = 10_000;
    /** Days never counted that one round counts at most (a month's worth: about 15 s at 10 M tickets). */
    static final int DAYS_A_ROUND = 31;
    /**
     * The most tickets a day is corrected by (V134); a day changed by more is counted again whole. A correction reads
     * each ticket's facts by its index, a count reads the day's: past some tens of thousands the day is cheaper.
     */
    static final int CORRECTED_TICKETS = 20_000;
    /** Months before the window that one round counts at most (each reads every row of its month). */
    static final int OLD_MONTHS_A_ROUND = 2;
    /**
     * A round's time limit: one old month counted from its rows took 17 s at 10 M tickets over five years (BENCHMARKS.md,
     * "Rates at scale"); the transaction's default of 60 s cut short rounds that counted a month and a window month.
     */
    static final int ROUND_TIMEOUT_S = 600;

    /** The UTC ranges changed since the last round, as hotline days; the rows are deleted with the round. */
    private static final String TAKE_DIRTY = """
            with taken as (delete from rate_dirty where ctid = any(array(select ctid from rate_dirty limit ?))
                           returning lo, hi, tickets)
            select d::date, (select count(*) from taken), taken.tickets from taken
             cross join generate_series((taken.lo at time zone ?)::date, (taken.hi at time zone ?)::date,
                                        interval '1 day') d""";

    /** Marks a hotline day again, with the tickets that changed it (null: unknown), for a later round. */
    private static final String MARK_AGAIN = """
            insert into rate_dirty (lo, hi, tickets)
            values (?::date::timestamp at time zone ?,
                    (?::date + 1)::timestamp at time zone ? - interval '1 microsecond', ?::bigint[])""";

    /** Periods counted for a "now" that no longer gives the same answer, or in another zone. */
    private static final String STALE = """
            select grain, period from rate_period
             where zone <> ? or valid_until <= ? or valid_from > ?
             order by period desc limit ?""";

    /** Months holding tickets or offers that were never counted, newest first. */
    private static final String UNCOUNTED = """
            select m::date from generate_series(
                       date_trunc('month', (least((select min(created_at) from ticket),
                                                  (select min(offered_at) from assignment)) at time zone ?)),
                       date_trunc('month', ? at time zone ?), interval '1 month') m
             where not exists (select 1 from rate_period r where r.grain = 'M' and r.period = m::date)
             order by m desc""";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    HubTime time;

    /** One round. @return true when more is waiting (a full batch, or months still to fill) */
    public boolean recount() {
        return QuarkusTransaction.requiringNew().timeout(ROUND_TIMEOUT_S).call(this::recountInTransaction);
    }

    /**
     * The first day whose rows are kept: the first of the hotline month holding the first day of the rates' default
     * period ({@link RateQuery#DEFAULT_PERIOD}, 90 days: three to four months back), so that the default period is
     * read from days and months, never counted live by the day; and at least the previous month's first.
     */
    LocalDate windowStart() {
        LocalDate today = time.today();
        LocalDate defaultFrom = today.minusDays(RateQuery.DEFAULT_PERIOD.toDays()).withDayOfMonth(1);
        LocalDate previous = today.withDayOfMonth(1).minusMonths(1);
        return defaultFrom.isBefore(previous) ? defaultFrom : previous;
    }

    private boolean recountInTransaction() throws SQLException {
        OffsetDateTime now = OffsetDateTime.ofInstant(time.now(), ZoneOffset.UTC);
        LocalDate window = windowStart();
        try (Connection c = dataSource.getConnection()) {
            if (!locked(c)) {
                return false;
            }
            TreeSet<LocalDate> days = new TreeSet<>();
            TreeSet<LocalDate> windowMonths = new TreeSet<>();
            TreeSet<LocalDate> oldMonths = new TreeSet<>();
            long taken = 0;
            Map<LocalDate, Set<Long>> touched = new HashMap<>(); // a changed day's tickets, null when unknown
            boolean moreDays = false;
            TreeSet<LocalDate> corrected = new TreeSet<>();
            try (PreparedStatement st = c.prepareStatement(TAKE_DIRTY)) {
                SqlParameters.bind(c, st, 1, List.of(DIRTY_A_ROUND, time.zone().getId(), time.zone().getId()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        LocalDate day = rs.getObject(1, LocalDate.class);
                        taken = rs.getLong(2);
                        if (day.isBefore(window)) {
                            oldMonths.add(day.withDayOfMonth(1));
                        } else {
                            days.add(day);
                            Array tickets = rs.getArray(3);
                            boolean unknown = touched.containsKey(day) && touched.get(day) == null;
                            if (tickets == null) {
                                touched.put(day, null);
                            } else if (!unknown) {
                                Set<Long> known = touched.computeIfAbsent(day, k -> new TreeSet<>());
                                for (Object id : (Object[]) tickets.getArray()) {
                                    known.add(((Number) id).longValue());
                                }
                            }
                        }
                    }
                }
            }
            // a month's worth of changed days a round, the newest first; the others are marked again, with their
            // tickets, so a bulk change of many days never makes a round longer than its time limit
            while (days.size() > DAYS_A_ROUND) {
                LocalDate day = days.pollFirst();
                Set<Long> known = touched.get(day);
                try (PreparedStatement st = c.prepareStatement(MARK_AGAIN)) {
                    SqlParameters.bind(c, st, 1, List.of(day.toString(), time.zone().getId(), day.toString(),
                            time.zone().getId(), known == null
                                    ? (Object) null
                                    : ids(known)));
                    st.execute();
                }
                moreDays = true;
            }
            // a counted day changed by known tickets is corrected by them, not counted again whole: a surge's day is
            // changed every round, and counting it whole every round cost in proportion to the day (V134)
            try (PreparedStatement st = c.prepareStatement("select rate_correct(?::date, ?::bigint[], ?, ?)")) {
                for (LocalDate day : correctable(c, days, touched, now)) {
                    SqlParameters.bind(c, st, 1, List.of(day.toString(), ids(touched.get(day)), time.zone().getId(),
                            now));
                    st.execute();
                    days.remove(day);
                    corrected.add(day);
                }
            }
            int stale = 0;
            int staleDays = 0;
            try (PreparedStatement st = c.prepareStatement(STALE)) {
                SqlParameters.bind(c, st, 1, List.of(time.zone().getId(), now, now, BATCH));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        stale++;
                        LocalDate period = rs.getObject(2, LocalDate.class);
                        if (period.isBefore(window)) {
                            oldMonths.add(period.withDayOfMonth(1)); // a day left behind by the window: its month
                        } else if ("D".equals(rs.getString(1))) {
                            // a month's worth a round, the newest first; the rest stay stale for the next rounds
                            // (V134 left all the window's days stale: 153 in one round took 6-8 minutes at 10 M)
                            if (staleDays++ < DAYS_A_ROUND) {
                                days.add(period);
                            } else {
                                moreDays = true;
                            }
                        } else {
                            windowMonths.add(period);
                        }
                    }
                }
            }
            List<LocalDate> uncounted = dates(c, UNCOUNTED, List.of(time.zone().getId(), now, time.zone().getId()));
            boolean moreUncounted = false;
            for (LocalDate month : uncounted) {
                if (!month.isBefore(window)) {
                    windowMonths.add(month);
                } else if (oldMonths.isEmpty()) {
                    oldMonths.add(month); // one old month a round: its count reads every row of the month
                } else {
                    moreUncounted = true;
                }
            }
            for (LocalDate day : days) {
                windowMonths.add(day.withDayOfMonth(1));
            }
            // a corrected day's month was corrected with it when it is the sum of its days; else it is summed again
            windowMonths.addAll(unsummedMonths(c, corrected));
            // a window month is the sum of its days: every day of it needs its rows, a month's worth a round
            List<LocalDate> missing = uncountedDays(c, windowMonths);
            List<LocalDate> later = missing.subList(Math.min(missing.size(), DAYS_A_ROUND), missing.size());
            days.addAll(missing.subList(0, missing.size() - later.size()));
            TreeSet<LocalDate> unsummed = new TreeSet<>();
            for (LocalDate day : later) {
                unsummed.add(day.withDayOfMonth(1)); // summed once all its days are counted
            }
            windowMonths.removeAll(unsummed);
            if (!unsummed.isEmpty()) {
                // until then its days answer (or are counted live), never a sum of days counted before
                forget(c, "grain = 'M' and period = any(?::date[])", texts(unsummed));
            }
            // days of unchanged window months that have no rows (a month that entered the window as it moved, or a
            // wider window): counted in what is left of the round's month's worth; their months' rows still hold
            TreeSet<LocalDate> unchanged = new TreeSet<>();
            for (LocalDate m = window; !m.isAfter(time.today()); m = m.plusMonths(1)) {
                unchanged.add(m);
            }
            unchanged.removeAll(windowMonths);
            unchanged.removeAll(unsummed);
            List<LocalDate> idle = uncountedDays(c, unchanged);
            int room = Math.max(0, DAYS_A_ROUND - missing.size());
            days.addAll(idle.subList(0, Math.min(room, idle.size())));
            if (!days.isEmpty()) {
                count(c, "D", days, now);
            }
            if (!windowMonths.isEmpty()) {
                try (PreparedStatement st = c.prepareStatement("select rate_sum_months(?::date[], ?)")) {
                    SqlParameters.bind(c, st, 1, List.of(texts(windowMonths), now));
                    st.execute();
                }
            }
            // old months are counted from every row of the month: a few a round, the rest marked again for the next
            TreeSet<LocalDate> laterMonths = new TreeSet<>();
            while (oldMonths.size() > OLD_MONTHS_A_ROUND) {
                laterMonths.add(oldMonths.pollFirst());
            }
            if (!laterMonths.isEmpty()) {
                try (PreparedStatement st = c.prepareStatement("""
                        insert into rate_dirty (lo, hi)
                        select m::timestamp at time zone ?, (m + interval '1 month')::timestamp at time zone ?
                                                            - interval '1 microsecond'
                          from unnest(?::date[]) m""")) {
                    SqlParameters.bind(c, st, 1, List.of(time.zone().getId(), time.zone().getId(), texts(laterMonths)));
                    st.execute();
                }
            }
            if (!oldMonths.isEmpty()) {
                count(c, "M", oldMonths, now);
            }
            forget(c, "grain = 'D' and period < ?::date", window.toString());
            return taken >= DIRTY_A_ROUND || stale >= BATCH || moreUncounted || !later.isEmpty()
                    || !laterMonths.isEmpty() || idle.size() > room || moreDays;
        }
    }

    /**
     * The changed days a round corrects by their tickets: counted in this zone, with their facts, for a "now" that
     * still holds, and changed by known tickets, not too many of them.
     */
    private List<LocalDate> correctable(Connection c, TreeSet<LocalDate> days, Map<LocalDate, Set<Long>> touched,
            OffsetDateTime now) throws SQLException {
        List<String> known = new ArrayList<>();
        for (LocalDate day : days) {
            Set<Long> tickets = touched.get(day);
            if (tickets != null && tickets.size() <= CORRECTED_TICKETS) {
                known.add(day.toString());
            }
        }
        if (known.isEmpty()) {
            return List.of();
        }
        return dates(c, """
                select period from rate_period
                 where grain = 'D' and period = any(?::date[]) and facts_kept
                   and zone = ? and valid_from <= ? and ? < valid_until""",
                List.of(known.toArray(String[]::new), time.zone().getId(), now, now));
    }

    /** The months of the given days that are not the sum of days with their facts (so not corrected with them). */
    private static List<LocalDate> unsummedMonths(Connection c, TreeSet<LocalDate> days) throws SQLException {
        if (days.isEmpty()) {
            return List.of();
        }
        TreeSet<LocalDate> months = new TreeSet<>();
        for (LocalDate day : days) {
            months.add(day.withDayOfMonth(1));
        }
        return dates(c, """
                select m::date from unnest(?::date[]) m
                 where not exists (select 1 from rate_period r
                                    where r.grain = 'M' and r.period = m and r.facts_kept)""",
                List.of((Object) texts(months)));
    }

    /** Deletes the counts and the counted periods that {@code where} (one parameter) names. */
    private static void forget(Connection c, String where, Object param) throws SQLException {
        for (String table : new String[]{"rate_agg", "rate_pending", "rate_counted", "rate_period"}) {
            try (PreparedStatement st = c.prepareStatement("delete from " + table + " where " + where)) {
                SqlParameters.bind(c, st, 1, List.of(param));
                st.execute();
            }
        }
    }

    private static boolean locked(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            st.setLong(1, LOCK);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The days of the given months that have no counts yet. */
    private static List<LocalDate> uncountedDays(Connection c, TreeSet<LocalDate> months) throws SQLException {
        if (months.isEmpty()) {
            return List.of();
        }
        return dates(c, """
                select d::date from unnest(?::date[]) m(month)
                 cross join generate_series(m.month, m.month + interval '1 month' - interval '1 day',
                                            interval '1 day') d
                 where not exists (select 1 from rate_period r where r.grain = 'D' and r.period = d::date)""",
                List.of((Object) texts(months)));
    }

    private void count(Connection c, String grain, TreeSet<LocalDate> periods, OffsetDateTime now)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select rate_count(?, ?::date[], ?, ?)")) {
            SqlParameters.bind(c, st, 1, List.of(grain, texts(periods), time.zone().getId(), now));
            st.execute();
        }
    }

    private static List<LocalDate> dates(Connection c, String sql, List<Object> params) throws SQLException {
        List<LocalDate> dates = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            SqlParameters.bind(c, st, 1, params);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    dates.add(rs.getObject(1, LocalDate.class));
                }
            }
        }
        return dates;
    }

    /** Ticket ids as a {@code ?::bigint[]} parameter. */
    private static String[] ids(Set<Long> tickets) {
        return tickets.stream().map(String::valueOf).toArray(String[]::new);
    }

    private static String[] texts(TreeSet<LocalDate> dates) {
        return dates.stream().map(LocalDate::toString).toArray(String[]::new);
    }
}
