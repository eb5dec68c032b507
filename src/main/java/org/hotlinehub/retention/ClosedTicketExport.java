package org.hotlinehub.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.port.TicketExport;

import io.agroal.api.AgroalDataSource;

/**
 * The closed tickets for the data platform, read by keyset pages of {@link #PAGE} on (closed_at, id) (index
 * {@code ticket_closed_idx}), each page a short read of its own: an export of millions of rows holds no connection,
 * snapshot or memory beyond one page. The columns are the anonymised ones only ({@link TicketExport.Row}); a building
 * or unit is given as the place above it, as the retention rule keeps it.
 */
@ApplicationScoped
public class ClosedTicketExport implements TicketExport {

    static final int PAGE = 500;
    private static final String NOT_HOME = "not in ('building', 'unit')";
    private static final String SQL = "select t.id, t.closed_at, t.reference, t.channel, t.status, c.code,"
            + " t.priority, case when p.type " + NOT_HOME + " then p.code when p1.type " + NOT_HOME + " then p1.code"
            + " else p2.code end, community.code, grid.code, t.created_at, lead.partner, lead.accepted_at,"
            + " lead.resolved_at, t.survey_outcome, t.survey_excluded, t.anonymised_at is not null"
            + " from ticket t"
            + " left join catalog_entry c on c.id = t.category_id"
            + " left join place p on p.id = t.place_id"
            + " left join place p1 on p1.id = p.parent_id"
            + " left join place p2 on p2.id = p1.parent_id"
            + " left join place_area area on area.place_id = t.place_id"
            + " left join place community on community.id = area.community_id"
            + " left join place grid on grid.id = area.grid_id"
            + " left join lateral (select pa.code as partner, a.accepted_at, a.resolved_at from assignment a"
            + " left join partner pa on pa.id = a.partner_id where a.ticket_id = t.id and a.role = 'lead'"
            + " order by a.id desc limit 1) lead on true"
            + " where t.closed_at is not null and t.closed_at >= ? and t.closed_at < ?"
            + " and (t.closed_at, t.id) > (?, ?) order by t.closed_at, t.id limit ?";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public long write(Instant from, Instant to, Position after, long limit, Consumer<Row> sink) {
        Position at = after == null ? new Position(from, 0) : after;
        long written = 0;
        while (written < limit) {
            int page = (int) Math.min(PAGE, limit - written);
            int n = 0;
            try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(SQL)) {
                st.setTimestamp(1, Timestamp.from(from));
                st.setTimestamp(2, Timestamp.from(to));
                st.setTimestamp(3, Timestamp.from(at.closedAt()));
                st.setLong(4, at.id());
                st.setInt(5, page);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Row row = row(rs);
                        sink.accept(row);
                        at = row.position();
                        n++;
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("export of closed tickets failed", e);
            }
            written += n;
            if (n < page) {
                break;
            }
        }
        return written;
    }

    private static Row row(ResultSet rs) throws SQLException {
        Instant closedAt = instant(rs, 2);
        return new Row(new Position(closedAt, rs.getLong(1)), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                instant(rs, 11), closedAt, rs.getString(12), instant(rs, 13), instant(rs, 14), rs.getString(15),
                rs.getBoolean(16), rs.getBoolean(17));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
