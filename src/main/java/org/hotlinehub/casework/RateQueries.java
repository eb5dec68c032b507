package org.hotlinehub.casework;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.RateDimension;
import org.hotlinehub.model.RateQuery;
import org.hotlinehub.model.RateRow;
import org.hotlinehub.model.port.Rates;
import org.hotlinehub.store.SqlParameters;

import io.agroal.api.AgroalDataSource;

/**
 * The three rates as three grouped queries — assignments (response), tickets with their current lead (resolution),
 * survey answers with the assignment they judge (satisfaction) — merged by group key. Each is one pass with
 * {@code count(*) filter (...)} over the period's rows; communities and grids come from the {@code place_area} view
 * (the place tree resolved once), so no query walks the tree per ticket.
 */
@ApplicationScoped
public class RateQueries implements Rates {

    /** Joins shared by the three queries: {@code t} ticket, {@code p}/{@code v} the assignee, places, category. */
    private static final String PLACES = """
            left join place_area pa on pa.place_id = t.place_id
            left join place pc on pc.id = pa.community_id
            left join place pg on pg.id = pa.grid_id
            left join catalog_entry c on c.id = t.category_id""";

    private static final String RESPONSE = """
            select %1$s as k, %2$s as n, count(*) as offered,
                   count(*) filter (where a.accepted_at is not null and a.accepted_at <= a.accept_by) as in_time,
                   count(*) filter (where a.overdue_at is not null) as overdue
              from assignment a
              join ticket t on t.id = a.ticket_id
              left join partner p on p.id = a.partner_id
              left join volunteer v on v.id = a.volunteer_id
            """ + PLACES + """

            where a.offered_at >= ? and a.offered_at < ?
              and not (a.state = 'OFFERED' and (a.accept_by > ? or a.paused_at is not null))
              and not (a.state = 'CANCELLED' and a.accepted_at is null)
              %3$s
            group by 1, 2""";

    private static final String RESOLUTION = """
            select %1$s as k, %2$s as n, count(*) as tickets,
                   count(*) filter (where (t.status = 'CLOSED' and t.survey_outcome in
                                           ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'NOT_SOLVED')
                                           and not t.survey_excluded)
                                       or (t.status not in ('CLOSED', 'CANCELLED', 'MERGED') and l.resolve_by <= ?
                                           and (l.resolved_at is null or l.resolved_at > l.resolve_by)
                                           and (l.paused_at is null or l.resolve_by <= l.paused_at))) as judged,
                   count(*) filter (where t.status = 'CLOSED' and not t.survey_excluded and t.survey_outcome in
                                           ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')) as solved
              from ticket t
              left join lateral (select la.partner_id, la.volunteer_id, la.resolve_by, la.resolved_at, la.paused_at
                                   from assignment la where la.ticket_id = t.id and la.role = 'lead'
                                  order by la.id desc limit 1) l on true
              left join partner p on p.id = l.partner_id
              left join volunteer v on v.id = l.volunteer_id
            """ + PLACES + """

            where t.created_at >= ? and t.created_at < ? and t.status not in ('CANCELLED', 'MERGED')
              %3$s
            group by 1, 2""";

    private static final String SATISFACTION = """
            select %1$s as k, %2$s as n,
                   count(*) filter (where not s.excluded and s.outcome in
                                    ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'NOT_SOLVED')) as answers,
                   count(*) filter (where not s.excluded and s.outcome = 'SATISFIED') as satisfied,
                   count(*) filter (where not s.excluded and s.outcome = 'BASICALLY_SATISFIED') as basically,
                   count(*) filter (where not s.excluded and s.outcome = 'DISSATISFIED') as dissatisfied,
                   count(*) filter (where not s.excluded and s.outcome = 'NOT_SOLVED') as not_solved,
                   count(*) filter (where s.outcome = 'NO_REPLY') as no_reply,
                   count(*) filter (where s.outcome = 'NOT_ASKED') as not_asked,
                   count(*) filter (where s.excluded) as excluded
              from survey_answer s
              join ticket t on t.id = s.ticket_id
              left join assignment a on a.id = s.assignment_id
              left join partner p on p.id = a.partner_id
              left join volunteer v on v.id = a.volunteer_id
            """ + PLACES + """

            where t.created_at >= ? and t.created_at < ?
              %3$s
            group by 1, 2""";

    /** The group a row falls in when it has none (no assignee, no place, no category). */
    public static final String NONE = "-";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    HubConfig config;

    @Override
    public List<RateRow> rates(RateQuery q) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            String filters = filters(q);
            run(c, RESPONSE, q, "a.offered_at", filters, List.of(q.from(), q.to(), q.asOf()), 0, 3, counts, names);
            run(c, RESOLUTION, q, "t.created_at", filters, List.of(q.asOf(), q.from(), q.to()), 3, 3, counts, names);
            run(c, SATISFACTION, q, "t.created_at", filters, List.of(q.from(), q.to()), 6, 8, counts, names);
        } catch (SQLException e) {
            throw new IllegalStateException("rates query failed: " + e.getMessage(), e);
        }
        List<RateRow> rows = new ArrayList<>();
        counts.forEach((key, n) -> rows.add(new RateRow(key, names.get(key), n[0], n[1], n[2], RateRow.rate(n[1],
                n[0]), n[3], n[4], n[5], RateRow.rate(n[5], n[4]), n[6], n[7], n[8], n[9], n[10], n[11], n[12], n[13],
                RateRow.rate(n[7] + n[8], n[6]))));
        return rows;
    }

    private void run(Connection c, String template, RateQuery q, String timeColumn, String filters,
            List<Object> leading, int offset, int width, Map<String, long[]> counts, Map<String, String> names)
            throws SQLException {
        String[] keyName = keyAndName(q.by(), timeColumn);
        String sql = template.formatted(keyName[0], keyName[1], filters);
        try (PreparedStatement st = c.prepareStatement(sql)) {
            List<Object> params = new ArrayList<>();
            for (Object p : leading) {
                params.add(OffsetDateTime.ofInstant((Instant) p, ZoneOffset.UTC));
            }
            params.addAll(filterParams(q));
            SqlParameters.bind(c, st, 1, params);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1) == null ? NONE : rs.getString(1);
                    names.putIfAbsent(key, rs.getString(2) == null ? key : rs.getString(2));
                    long[] n = counts.computeIfAbsent(key, k -> new long[14]);
                    for (int i = 0; i < width; i++) {
                        n[offset + i] += rs.getLong(3 + i);
                    }
                }
            }
        }
    }

    /** SQL for the group key and its display name. */
    private String[] keyAndName(RateDimension by, String timeColumn) {
        String zone = "'" + config.deadlines().zone().replace("'", "") + "'";
        return switch (by) {
            case PARTNER -> new String[]{"coalesce(p.code, v.code)", "coalesce(p.name_zh, v.name)"};
            case PARTY_TYPE -> new String[]{PARTY_TYPE_SQL, PARTY_TYPE_SQL};
            case COMMUNITY -> new String[]{"pc.code", "pc.name_zh"};
            case GRID -> new String[]{"pg.code", "coalesce(pg.name_zh, pg.code)"};
            case CATEGORY -> new String[]{"c.code", "c.name_zh"};
            case CHANNEL -> new String[]{"t.channel", "t.channel"};
            case WEEK -> {
                String week = "to_char(date_trunc('week', " + timeColumn + " at time zone " + zone
                        + "), 'YYYY-MM-DD')";
                yield new String[]{week, week};
            }
            case MONTH -> {
                String month = "to_char(" + timeColumn + " at time zone " + zone + ", 'YYYY-MM')";
                yield new String[]{month, month};
            }
            case ALL -> new String[]{"'all'", "'all'"};
        };
    }

    private static final String PARTY_TYPE_SQL = "case when p.id is not null then p.type"
            + " when v.id is not null then 'volunteer' end";

    private static String filters(RateQuery q) {
        StringBuilder s = new StringBuilder();
        if (q.partner() != null) {
            s.append(" and coalesce(p.code, v.code) = ?");
        }
        if (q.partyType() != null) {
            s.append(" and (").append(PARTY_TYPE_SQL).append(") = ?");
        }
        if (q.street() != null) {
            // the street's id once (code is unique), not a join per row
            s.append(" and pa.street_id = (select st.id from place st where st.code = ?)");
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
            s.append(" and t.channel = ?");
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
