package org.hotlinehub.casework;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.QueueItem;
import org.hotlinehub.model.SurgeItem;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.port.WorkQueue;
import org.hotlinehub.store.IncidentRows;

import io.agroal.api.AgroalDataSource;

/**
 * The operators' queue in plain SQL: tickets in triage, and received, dispatched or reopened ones that no partner has
 * accepted yet (the status index finds them). Emergencies nobody took in their window come first (V96).
 */
@ApplicationScoped
public class WorkQueueQueries implements WorkQueue {

    private static final String IN_QUEUE = "t.status in ('TRIAGE', 'RECEIVED', 'DISPATCHED', 'REOPENED')";

    /** After the emergencies: the rank (V131's index holds the queue in this order), the contact's time, the id. */
    private static final String RANK_ORDER = "t.queue_rank, t.created_at, t.id";
    /** The order of the rows {@link #HEAD} read, which carry whether each is an emergency nobody took. */
    private static final String SHOWN_ORDER = "case when t.emergency then 0 else 1 end, " + RANK_ORDER;

    /**
     * The first {@code ?} tickets of the queue in its order, each with whether it is an emergency nobody took: those
     * first, then the rank (priority and the resident's vulnerability, V131's {@code queue_rank}), the contact's time
     * and the id. The rank's index hands the first ones over in that order; the emergencies are few.
     */
    private static final String HEAD = """
            with head as (
                select t.id, t.reference, t.status, t.channel, t.priority, t.category_id, t.place_id, t.resident_id,
                       t.triage_reason, t.description, t.created_at, t.queue_rank,
                       coalesce(e.state = 'ESCALATED' and t.status = 'TRIAGE', false) as emergency
                  from ((select t.id from ticket t join emergency e on e.ticket_id = t.id
                          where e.state = 'ESCALATED' and t.status = 'TRIAGE')
                        union
                        (select t.id from ticket t where %1$s order by %2$s limit ?)) h
                  join ticket t on t.id = h.id
                  left join emergency e on e.ticket_id = t.id
                 order by case when e.state = 'ESCALATED' and t.status = 'TRIAGE' then 0 else 1 end, %2$s
                 limit ?)
            """.formatted(IN_QUEUE, RANK_ORDER);

    private static final String ITEMS = HEAD + """
            select t.reference, t.status, t.channel, t.priority, c.code as category_code, c.name_zh as category_zh,
                   c.name_en as category_en, p.code as place_code, p.name_zh as place_zh, p.name_en as place_en,
                   r.name as resident_name, r.flags, t.triage_reason, t.description, t.created_at,
                   t.emergency
              from head t
              left join catalog_entry c on c.id = t.category_id
              left join place p on p.id = t.place_id
              left join resident r on r.id = t.resident_id
             order by %s""".formatted(SHOWN_ORDER);

    /** The open incidents' surges, with their reports per channel as {@code CHANNEL:n,…} (one statement). */
    private static final String SURGES = """
            select t.reference, p.name_zh, p.name_en, c.name_zh, c.name_en, s.declared_at, t.reporter_count,
                   s.confirmed_at is not null as confirmed, s.status_zh, s.status_en,
                   (select string_agg(r.channel || ':' || r.n, ',' order by r.channel)
                      from (select x.channel, count(*) as n
                              from (select t.channel
                                    union all
                                    select l.channel from incident_link l
                                     where l.incident_id = t.id and l.state = 'LINKED') x
                             group by x.channel) r) as channels
              from incident_surge s join ticket t on t.id = s.incident_id
              left join place p on p.id = t.place_id
              left join catalog_entry c on c.id = t.category_id
             where t.status in """ + IncidentRows.OPEN + """

            order by s.declared_at desc, t.id desc
            limit ?""";

    /**
     * The shown tickets in their order (what each row shows of its status, category, place, priority and rank), and
     * the open incidents' surges with their reporters and confirmation.
     */
    private static final String FINGERPRINT = HEAD + "select md5(coalesce((select string_agg(t.id || ':' || t.status"
            + " || ':' || coalesce(t.category_id, 0) || ':' || coalesce(t.place_id, 0) || ':' || t.priority || ':'"
            + " || t.queue_rank || ':' || t.emergency, ',' order by " + SHOWN_ORDER + ") from head t), '') || '|'"
            + " || coalesce((select"
            + " string_agg(s.incident_id || ':' || i.reporter_count || ':' || (s.confirmed_at is not null), ','"
            + " order by s.incident_id) from incident_surge s join ticket i on i.id = s.incident_id where i.status in "
            + IncidentRows.OPEN + "), ''))";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public List<QueueItem> items(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(ITEMS)) {
            st.setInt(1, limit);
            st.setInt(2, limit);
            List<QueueItem> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new QueueItem(rs.getString("reference"), TicketStatus.valueOf(rs.getString("status")),
                            Channel.valueOf(rs.getString("channel")), rs.getString("priority"),
                            rs.getString("category_code"), rs.getString("category_zh"), rs.getString("category_en"),
                            rs.getString("place_code"), rs.getString("place_zh"), rs.getString("place_en"),
                            rs.getString("resident_name"), flags(rs.getArray("flags")),
                            rs.getString("triage_reason"), rs.getString("description"),
                            rs.getTimestamp("created_at").toInstant(), rs.getBoolean("emergency")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the queue", e);
        }
    }

    @Override
    public List<SurgeItem> surges(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(SURGES)) {
            st.setInt(1, limit);
            List<SurgeItem> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Map<Channel, Long> channels = new LinkedHashMap<>();
                    String perChannel = rs.getString("channels");
                    for (String part : perChannel == null ? new String[0] : perChannel.split(",")) {
                        String[] kv = part.split(":");
                        channels.put(Channel.valueOf(kv[0]), Long.parseLong(kv[1]));
                    }
                    out.add(new SurgeItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getInt(7), channels,
                            rs.getBoolean(8), rs.getString(9), rs.getString(10)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the surges", e);
        }
    }

    @Override
    public String fingerprint(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(FINGERPRINT)) {
            st.setInt(1, limit);
            st.setInt(2, limit);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the queue", e);
        }
    }

    private static List<String> flags(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
