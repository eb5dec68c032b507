package org.hotlinehub.store;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class VolunteerRepository implements PanacheRepository<VolunteerEntity> {

    /** A volunteer who could take an offer, with how near home they are and how much they carry now. */
    public record Candidate(long id, String code, int tier, long openLoad, List<String> onDuty) {
    }

    public Optional<VolunteerEntity> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /**
     * Active volunteers with every required skill, not marked unavailable at {@code now}, homed in one of
     * {@code gridIds} (all grids when empty), nearest tier first (0 the ticket's grid, 1 its community, 2 its
     * street), then the lightest open load, then whoever was offered least recently — so equals take turns.
     */
    public List<Candidate> candidates(List<String> skills, long gridId, long communityId, long streetId,
            Collection<Long> gridIds, Collection<Long> excluded, Instant now, int limit) {
        // The lists go in as arrays, so there are three statement texts in all and the server keeps their plans;
        // plain JDBC on the transaction's connection, as Hibernate's native-query machinery cost more than the query.
        String sql = "select v.id, case when v.grid_id = ? then 0 when g.parent_id = ? then 1"
                + " when c.parent_id = ? then 2 else 3 end as tier,"
                + " (select count(*) from assignment a where a.volunteer_id = v.id"
                + "  and a.state in ('OFFERED', 'ACCEPTED', 'IN_PROGRESS', 'RETURNED')) as load, v.on_duty, v.code"
                // One grid holds a few hundred volunteers at most: read them by the grid index, which carries the
                // columns the choice reads (an index-only scan), and test the skills on each (OFFSET 0 keeps the
                // planner from also scanning the skills index, whose common skills match a large share of the whole
                // table). Wider rings leave the choice of index to the planner.
                + " from " + (gridIds.size() == 1
                        ? "(select id, grid_id, skills, on_duty, last_offered_at, code from volunteer"
                                + " where active and grid_id = any(?) offset 0)"
                        : "volunteer")
                + " v"
                + " left join place g on g.id = v.grid_id left join place c on c.id = g.parent_id"
                + " where v.skills @> ?" + (gridIds.size() == 1 ? "" : " and v.active")
                + (gridIds.size() > 1 ? " and v.grid_id = any(?)" : "")
                + " and v.id <> all(?)"
                + " and not exists (select 1 from volunteer_unavailability u where u.volunteer_id = v.id"
                + "  and u.starts_at <= ? and u.ends_at > ?)"
                + " order by tier, load, v.last_offered_at nulls first, v.code limit ?";
        Session session = getEntityManager().unwrap(Session.class);
        session.flush(); // the open load counts this transaction's own changes to assignments
        return session.doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                int i = 0;
                query.setLong(++i, gridId);
                query.setLong(++i, communityId);
                query.setLong(++i, streetId);
                Array grids = connection.createArrayOf("bigint", gridIds.toArray());
                if (gridIds.size() == 1) {
                    query.setArray(++i, grids);
                }
                query.setArray(++i, connection.createArrayOf("text", skills.toArray()));
                if (gridIds.size() > 1) {
                    query.setArray(++i, grids);
                }
                query.setArray(++i, connection.createArrayOf("bigint", excluded.toArray()));
                OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
                query.setObject(++i, at);
                query.setObject(++i, at);
                query.setInt(++i, limit);
                List<Candidate> candidates = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        Array onDuty = row.getArray(4);
                        candidates.add(new Candidate(row.getLong(1), row.getString(5), row.getInt(2), row.getLong(3),
                                onDuty == null ? List.of() : List.of((String[]) onDuty.getArray())));
                    }
                }
                return candidates;
            }
        });
    }
}
