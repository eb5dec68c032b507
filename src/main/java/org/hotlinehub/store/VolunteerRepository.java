package org.hotlinehub.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class VolunteerRepository implements PanacheRepository<VolunteerEntity> {

    /** A volunteer who could take an offer, with how near home they are and how much they carry now. */
    public record Candidate(long id, int tier, long openLoad) {
    }

    public Optional<VolunteerEntity> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /**
     * Active volunteers with every required skill, not marked unavailable at {@code now}, homed in one of
     * {@code gridIds} (all grids when empty), nearest tier first (0 the ticket's grid, 1 its community, 2 its
     * street), then the lightest open load, then whoever was offered least recently — so equals take turns.
     */
    @SuppressWarnings("unchecked")
    public List<Candidate> candidates(List<String> skills, long gridId, long communityId, long streetId,
            Collection<Long> gridIds, Collection<Long> excluded, Instant now, int limit) {
        String sql = "select v.id, case when v.grid_id = :grid then 0 when g.parent_id = :community then 1"
                + " when c.parent_id = :street then 2 else 3 end as tier,"
                + " (select count(*) from assignment a where a.volunteer_id = v.id"
                + "  and a.state in ('OFFERED', 'ACCEPTED', 'IN_PROGRESS', 'RETURNED')) as load"
                // One grid holds a few hundred volunteers at most: read them by the grid index and test the skills on
                // each (OFFSET 0 keeps the planner from also scanning the skills index, whose common skills match a
                // large share of the whole table). Wider rings leave the choice of index to the planner.
                + " from " + (gridIds.size() == 1
                        ? "(select * from volunteer where active and grid_id in (:grids) offset 0)"
                        : "volunteer")
                + " v"
                + " left join place g on g.id = v.grid_id left join place c on c.id = g.parent_id"
                + " where v.active and v.skills @> cast(:skills as text[])"
                + (gridIds.isEmpty() ? "" : " and v.grid_id in (:grids)")
                + (excluded.isEmpty() ? "" : " and v.id not in (:excluded)")
                + " and not exists (select 1 from volunteer_unavailability u where u.volunteer_id = v.id"
                + "  and u.starts_at <= :now and u.ends_at > :now)"
                + " order by tier, load, v.last_offered_at nulls first, v.code limit :limit";
        var query = getEntityManager().createNativeQuery(sql)
                .setParameter("grid", gridId).setParameter("community", communityId).setParameter("street", streetId)
                .setParameter("skills", skills.toArray(String[]::new)).setParameter("now", now)
                .setParameter("limit", limit);
        if (!gridIds.isEmpty()) {
            query.setParameter("grids", gridIds);
        }
        if (!excluded.isEmpty()) {
            query.setParameter("excluded", excluded);
        }
        return ((List<Object[]>) query.getResultList()).stream()
                .map(r -> new Candidate(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                        ((Number) r[2]).longValue()))
                .toList();
    }
}
