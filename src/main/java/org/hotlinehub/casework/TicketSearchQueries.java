package org.hotlinehub.casework;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.TicketDetail;
import org.hotlinehub.model.TicketExportRow;
import org.hotlinehub.model.TicketFilter;
import org.hotlinehub.model.TicketListItem;
import org.hotlinehub.model.TicketReference;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineItem;
import org.hotlinehub.model.port.TicketSearch;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.EvidenceQueries;
import org.hotlinehub.store.SqlParameters;
import org.hotlinehub.store.TicketRepository;
import org.hotlinehub.store.TimelineRepository;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/**
 * The ticket list with plain SQL (keyset on id, filters on indexed columns, full-text search through the generated
 * {@code search_vector} and the trigram index on {@code search_text}); one ticket in full through the entities.
 */
@ApplicationScoped
public class TicketSearchQueries implements TicketSearch {

    private static final String SELECT = """
            select t.id, t.reference, t.status, t.channel, t.priority, c.code as category_code, c.name_zh,
                   p.code as place_code, p.name_zh as place_name, t.description, t.created_at, t.updated_at,
                   (select pa.code from assignment a join partner pa on pa.id = a.partner_id
                     where a.ticket_id = t.id and a.role = 'lead' order by a.id desc limit 1) as lead_partner
              from ticket t
              left join catalog_entry c on c.id = t.category_id
              left join place p on p.id = t.place_id
             where true""";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    TicketRepository tickets;
    @Inject
    TimelineRepository timeline;
    @Inject
    AssignmentRepository assignments;
    @Inject
    ObjectMapper json;
    @Inject
    EvidenceQueries evidence;

    @Override
    public List<TicketListItem> list(TicketFilter f, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> params = new ArrayList<>();
        // Within a period, newest first by filing time: the time index then reads the period's newest rows first.
        // Ordered by id there, the list read back from the newest ticket past every ticket filed after the period
        // (a month ten days ago: 56 k rows, 200-300 ms at 10 M; BENCHMARKS.md "Reading at 10 million tickets",
        // round 4). Ids and filing times rise together, nearly: tickets filed within moments of each other may differ.
        boolean byTime = f.from() != null || f.to() != null;
        if (beforeId != null && byTime) {
            // the cursor's ticket's place in that order; the first condition lets the index start there
            sql.append(" and t.created_at <= (select b.created_at from ticket b where b.id = ?)"
                    + " and (t.created_at, t.id) < (select b.created_at, b.id from ticket b where b.id = ?)");
            params.add(beforeId);
            params.add(beforeId);
        } else if (beforeId != null) {
            sql.append(" and t.id < ?");
            params.add(beforeId);
        }
        where(f, sql, params);
        sql.append(byTime ? " order by t.created_at desc, t.id desc limit ?" : " order by t.id desc limit ?");
        params.add(limit);
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql.toString())) {
            SqlParameters.bind(c, st, 1, params);
            List<TicketListItem> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new TicketListItem(rs.getLong("id"), rs.getString("reference"),
                            TicketStatus.valueOf(rs.getString("status")), Channel.valueOf(rs.getString("channel")),
                            rs.getString("priority"), rs.getString("category_code"), rs.getString("name_zh"),
                            rs.getString("place_code"), rs.getString("place_name"), rs.getString("lead_partner"),
                            rs.getString("description"), rs.getTimestamp("created_at").toInstant(),
                            rs.getTimestamp("updated_at").toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list tickets", e);
        }
    }

    /** Appends the filter's conditions to a query over {@code ticket t} joined to {@code catalog_entry c}. */
    private static void where(TicketFilter f, StringBuilder sql, List<Object> params) {
        if (!f.statuses().isEmpty()) {
            sql.append(" and t.status = any(?)");
            params.add(f.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (!f.channels().isEmpty()) {
            sql.append(" and t.channel = any(?)");
            params.add(f.channels().stream().map(Enum::name).toArray(String[]::new));
        }
        if (!f.categories().isEmpty()) {
            sql.append(" and c.code = any(?)");
            params.add(f.categories().toArray(String[]::new));
        }
        if (f.place() != null) {
            sql.append(" and t.place_id in (with recursive below as (select id from place where code = ?"
                    + " union all select p2.id from place p2 join below on p2.parent_id = below.id)"
                    + " select id from below)");
            params.add(f.place());
        }
        if (f.partner() != null) {
            sql.append(" and exists (select 1 from assignment a join partner pa on pa.id = a.partner_id"
                    + " where a.ticket_id = t.id and pa.code = ?)");
            params.add(f.partner());
        }
        if (f.from() != null) {
            sql.append(" and t.created_at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and t.created_at < ?");
            params.add(Timestamp.from(f.to()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String text = f.text().strip();
            if (TicketReference.isTicketNumber(text)) {
                // a ticket number: that ticket, and those whose words name it; not the trigram substring search,
                // whose digit trigrams every reference shares (BENCHMARKS.md, "Reading at 10 million tickets")
                sql.append(" and (t.reference = ? or t.search_vector @@ plainto_tsquery('simple', ?))");
                params.add(text);
                params.add(text);
            } else {
                sql.append(" and (t.search_vector @@ plainto_tsquery('simple', ?) or t.search_text ilike ? escape"
                        + " '\\')");
                params.add(text);
                params.add("%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
    }

    private static final String EXPORT = """
            select t.reference, t.created_at, t.channel, t.status, t.priority, c.code as category_code,
                   c.name_zh as category_name, pc.name_zh as community, coalesce(pg.name_zh, pg.code) as grid,
                   p.name_zh as place_name, t.address, t.description,
                   coalesce(lp.code, lv.code) as lead, coalesce(lp.name_zh, lv.name) as lead_name, l.offered_at,
                   l.accept_by, l.accepted_at, l.resolve_by, l.resolved_at, l.overdue_at is not null as overdue,
                   coalesce(l.paused_s, 0) as paused_s, t.survey_outcome, t.survey_excluded
              from ticket t
              left join catalog_entry c on c.id = t.category_id
              left join place p on p.id = t.place_id
              left join place_area pa on pa.place_id = t.place_id
              left join place pc on pc.id = pa.community_id
              left join place pg on pg.id = pa.grid_id
              left join lateral (select * from assignment la where la.ticket_id = t.id and la.role = 'lead'
                                  order by la.id desc limit 1) l on true
              left join partner lp on lp.id = l.partner_id
              left join volunteer lv on lv.id = l.volunteer_id
             where true""";

    @Override
    public void export(TicketFilter f, Consumer<TicketExportRow> sink) {
        StringBuilder sql = new StringBuilder(EXPORT);
        List<Object> params = new ArrayList<>();
        where(f, sql, params);
        sql.append(" order by t.id");
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            // PostgreSQL streams with a cursor only inside a transaction
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement(sql.toString())) {
                st.setFetchSize(500);
                SqlParameters.bind(c, st, 1, params);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new TicketExportRow(rs.getString("reference"), instant(rs, "created_at"),
                                Channel.valueOf(rs.getString("channel")), TicketStatus.valueOf(rs.getString("status")),
                                rs.getString("priority"), rs.getString("category_code"), rs.getString("category_name"),
                                rs.getString("community"), rs.getString("grid"), rs.getString("place_name"),
                                rs.getString("address"), rs.getString("description"), rs.getString("lead"),
                                rs.getString("lead_name"), instant(rs, "offered_at"), instant(rs, "accept_by"),
                                instant(rs, "accepted_at"), instant(rs, "resolve_by"), instant(rs, "resolved_at"),
                                rs.getBoolean("overdue"), rs.getLong("paused_s"), rs.getString("survey_outcome"),
                                rs.getBoolean("survey_excluded")));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot export tickets", e);
        }
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    @Override
    @Transactional
    public Optional<TicketDetail> detail(String reference) {
        return tickets.findByReferenceOrAlias(reference).map(t -> new TicketDetail(t.reference, t.status, t.channel,
                t.priority, t.category == null ? null : t.category.code, t.category == null ? null : t.category.nameZh,
                t.description, t.language, t.place == null ? null : t.place.code,
                t.place == null ? null : t.place.nameZh, t.address, t.lat, t.lon, t.triageReason, t.createdAt,
                t.updatedAt,
                t.resident == null
                        ? null
                        : new TicketDetail.Resident(t.resident.name, Masks.phone(t.resident.phone),
                                List.copyOf(t.resident.flags)),
                t.answers(json),
                timeline.forTicket(t.id).stream()
                        .map(e -> new TimelineItem(e.at, e.kind, e.actor, e.channel, e.detail)).toList(),
                assignments.forTicket(t.id).stream()
                        .map(a -> new TicketDetail.AssignmentItem(a.id, a.assigneeCode(),
                                a.partner != null ? a.partner.nameZh : a.volunteer.name, a.role,
                                a.state, a.reason, a.offeredAt, a.acceptBy, a.resolveBy, a.acceptedAt,
                                a.closedReason, a.returnReason, a.pausedAt, a.pauseReason))
                        .toList(),
                evidence.files(t.id).stream()
                        .map(f -> new TicketDetail.AttachmentItem(f.id(), f.filename(), f.contentType(),
                                f.sizeBytes(), f.url(), TicketDetail.AttachmentItem.state(f.stored(), f.fetching(),
                                        f.fetchError()),
                                f.fetchError()))
                        .toList(),
                t.category == null ? null : t.category.nameEn, t.place == null ? null : t.place.nameEn));
    }
}
