package org.hotlinehub.casework;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.IntakeUnavailableException;
import org.hotlinehub.model.Open311Submission;
import org.hotlinehub.model.ServiceRequestQuery;
import org.hotlinehub.model.ServiceRequestRecord;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.port.ServiceRequests;
import org.hotlinehub.store.SqlParameters;

import io.agroal.api.AgroalDataSource;

/**
 * Tickets as Open311 service requests, read with plain SQL: one row per ticket with its category, place, lead
 * partner, latest public timeline entry and first media URL.
 */
@ApplicationScoped
public class ServiceRequestQueries implements ServiceRequests {

    private static final String[] PUBLIC_KINDS = Arrays.stream(TimelineKind.values())
            .filter(TimelineKind::publicToResident).map(Enum::name).toArray(String[]::new);
    private static final String[] OPEN_STATUSES = Arrays.stream(TicketStatus.values())
            .filter(ServiceRequestQueries::isOpen).map(Enum::name).toArray(String[]::new);
    private static final String[] CLOSED_STATUSES = Arrays.stream(TicketStatus.values())
            .filter(s -> !isOpen(s)).map(Enum::name).toArray(String[]::new);
    private static final String[] LEAD_STATES = Arrays.stream(AssignmentState.values())
            .filter(s -> s.isActive() || s == AssignmentState.RESOLVED).map(Enum::name).toArray(String[]::new);

    private static final String SELECT = """
            select t.reference, t.status, t.channel, c.code as service_code, c.name_zh, c.name_en, t.description,
                   t.created_at, greatest(t.updated_at, (select max(e.at) from timeline_event e
                       where e.ticket_id = t.id)) as updated_at,
                   t.address, p.code as place_code, p.name_zh as place_name, t.lat, t.lon,
                   lead.name_zh as agency, lead.resolve_by,
                   (select e.kind from timeline_event e where e.ticket_id = t.id and e.kind = any(?)
                       order by e.id desc limit 1) as last_kind,
                   (select a.url from attachment a where a.ticket_id = t.id and a.url is not null
                       order by a.id limit 1) as media_url
              from ticket t
              left join catalog_entry c on c.id = t.category_id
              left join place p on p.id = t.place_id
              left join lateral (select pa.name_zh, a.resolve_by from assignment a
                                   join partner pa on pa.id = a.partner_id
                                  where a.ticket_id = t.id and a.state = any(?)
                                  order by a.id desc limit 1) lead on true
            """;

    @Inject
    AgroalDataSource dataSource;

    /** Open311 knows two states: resolved, closed, cancelled and merged tickets are "closed". */
    static boolean isOpen(TicketStatus status) {
        return status.isOpen() && status != TicketStatus.RESOLVED;
    }

    @Override
    public String record(Open311Submission s) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into open311_request (token, reference, client_code, service_code, requested_at,
                        description, address, address_id, lat, lon, media_url)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (reference) do nothing""")) {
                insert.setString(1, s.token());
                insert.setString(2, s.reference());
                insert.setString(3, s.clientCode());
                insert.setString(4, s.serviceCode());
                insert.setTimestamp(5, Timestamp.from(s.requestedAt()));
                insert.setString(6, s.description());
                insert.setString(7, s.address());
                insert.setString(8, s.addressId());
                insert.setObject(9, s.lat());
                insert.setObject(10, s.lon());
                insert.setString(11, s.mediaUrl());
                if (insert.executeUpdate() == 1) {
                    return s.token();
                }
            }
            try (PreparedStatement select = c.prepareStatement(
                    "select token from open311_request where reference = ?")) {
                select.setString(1, s.reference());
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        } catch (SQLException e) {
            throw new IntakeUnavailableException("cannot record the request: database unavailable", e);
        }
    }

    @Override
    public List<ServiceRequestRecord> find(ServiceRequestQuery q) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where ");
        List<Object> params = new ArrayList<>();
        if (!q.references().isEmpty()) {
            sql.append("t.reference = any(?)");
            params.add(q.references().toArray(String[]::new));
        } else {
            sql.append("t.created_at >= ? and t.created_at <= ?");
            params.add(Timestamp.from(q.start()));
            params.add(Timestamp.from(q.end()));
            if (!q.serviceCodes().isEmpty()) {
                sql.append(" and c.code = any(?)");
                params.add(q.serviceCodes().toArray(String[]::new));
            }
            q.open().ifPresent(open -> {
                sql.append(" and t.status = any(?)");
                params.add(open ? OPEN_STATUSES : CLOSED_STATUSES);
            });
        }
        if (q.filedThroughOpen311Only()) {
            sql.append(" and t.channel = ?");
            params.add(Channel.OPEN311.name());
        }
        sql.append(" order by t.created_at desc, t.id desc limit ?");
        params.add(q.limit());
        return query(sql.toString(), params);
    }

    @Override
    public Optional<ServiceRequestRecord> find(String reference) {
        List<ServiceRequestRecord> found = query(SELECT + " where t.reference = ? or t.id = (select ticket_id from"
                + " ticket_alias where reference = ?)", List.of(reference, reference));
        return found.isEmpty() ? pending(reference) : Optional.of(found.get(0));
    }

    @Override
    public Optional<TokenState> token(String token) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                select o.reference, exists (select 1 from ticket t where t.reference = o.reference) or exists (
                       select 1 from ticket_alias a where a.reference = o.reference) as made
                  from open311_request o where o.token = ?""")) {
            st.setString(1, token);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TokenState(token, rs.getBoolean("made")
                        ? Optional.of(rs.getString("reference"))
                        : Optional.empty()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read tokens", e);
        }
    }

    /** Filed through Open311 and acknowledged, but intake has not made the ticket yet: it is open and received. */
    private Optional<ServiceRequestRecord> pending(String reference) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                select o.service_code, c.name_zh, c.name_en, o.description, o.requested_at, o.address, o.address_id,
                       o.lat, o.lon, o.media_url
                  from open311_request o left join catalog_entry c on c.code = o.service_code
                 where o.reference = ?""")) {
            st.setString(1, reference);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                var requested = rs.getTimestamp("requested_at").toInstant();
                return Optional.of(new ServiceRequestRecord(reference, true, notes(TimelineKind.RECEIVED),
                        rs.getString("service_code"), name(rs), rs.getString("description"), null, requested,
                        requested, null, rs.getString("address"), rs.getString("address_id"),
                        (Double) rs.getObject("lat"), (Double) rs.getObject("lon"), rs.getString("media_url"), true));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read service requests", e);
        }
    }

    private List<ServiceRequestRecord> query(String sql, List<Object> params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            List<Object> all = new ArrayList<>();
            all.add(PUBLIC_KINDS);
            all.add(LEAD_STATES);
            all.addAll(params);
            SqlParameters.bind(c, st, 1, all);
            List<ServiceRequestRecord> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(toRecord(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read service requests", e);
        }
    }

    private static ServiceRequestRecord toRecord(ResultSet rs) throws SQLException {
        boolean filedHere = Channel.OPEN311.name().equals(rs.getString("channel"));
        String lastKind = rs.getString("last_kind");
        Timestamp resolveBy = rs.getTimestamp("resolve_by");
        Timestamp updated = rs.getTimestamp("updated_at");
        return new ServiceRequestRecord(
                rs.getString("reference"),
                isOpen(TicketStatus.valueOf(rs.getString("status"))),
                lastKind == null ? null : notes(TimelineKind.valueOf(lastKind)),
                rs.getString("service_code"),
                name(rs),
                filedHere ? rs.getString("description") : null,
                rs.getString("agency"),
                rs.getTimestamp("created_at").toInstant(),
                updated == null ? rs.getTimestamp("created_at").toInstant() : updated.toInstant(),
                resolveBy == null ? null : resolveBy.toInstant(),
                filedHere && rs.getString("address") != null ? rs.getString("address") : rs.getString("place_name"),
                rs.getString("place_code"),
                (Double) rs.getObject("lat"),
                (Double) rs.getObject("lon"),
                rs.getString("media_url"),
                filedHere);
    }

    private static String name(ResultSet rs) throws SQLException {
        String zh = rs.getString("name_zh");
        String en = rs.getString("name_en");
        return zh == null ? null : en == null ? zh : zh + " / " + en;
    }

    private static String notes(TimelineKind kind) {
        return kind.labelZh() + " / " + kind.labelEn();
    }
}
