package org.hotlinehub.store;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class VolunteerRepository implements PanacheRepository<VolunteerEntity> {

    private static final String CANDIDATES = "select volunteer_id, volunteer_code, tier, open_load, on_duty"
            + " from dispatch_volunteer_candidates(?, ?, ?, ?, ?, ?, ?, ?)";

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
    /**
     * Sets the volunteers' {@code last_offered_at}, all in this transaction: their rows are locked in id order first,
     * so two transactions that offer to some of the same volunteers wait for each other instead of deadlocking.
     */
    public void markOffered(SortedMap<Long, Instant> offeredAt) {
        if (offeredAt.isEmpty()) {
            return;
        }
        Long[] ids = offeredAt.keySet().toArray(Long[]::new);
        String[] at = offeredAt.values().stream().map(Instant::toString).toArray(String[]::new);
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = BatchSql.prepare(connection,
                    "select id from volunteer where id = any(?) order by id for no key update");
                    PreparedStatement update = BatchSql.prepare(connection, "update volunteer v set last_offered_at ="
                            + " x.at from unnest(?::bigint[], ?::timestamptz[]) as x(id, at) where v.id = x.id")) {
                lock.setArray(1, connection.createArrayOf("bigint", ids));
                lock.executeQuery().close();
                update.setArray(1, connection.createArrayOf("bigint", ids));
                update.setArray(2, connection.createArrayOf("text", at));
                update.executeUpdate();
            }
        });
    }

    public List<Candidate> candidates(List<String> skills, long gridId, long communityId, long streetId,
            Collection<Long> gridIds, Collection<Long> excluded, Instant now, int limit) {
        return candidates(skills, gridId, communityId, streetId, gridIds, excluded, now, limit, true);
    }

    /**
     * As above; with {@code flushFirst} false the query reads what is written so far, and the caller accounts for its
     * own unwritten offers (a dispatch chunk, which flushes once at its end).
     */
    public List<Candidate> candidates(List<String> skills, long gridId, long communityId, long streetId,
            Collection<Long> gridIds, Collection<Long> excluded, Instant now, int limit, boolean flushFirst) {
        // One round trip to dispatch_volunteer_candidates (V68): the ticket's grid by the covering grid index with a
        // plan kept per connection, the wider rings planned for their own grids. Plain JDBC on the transaction's
        // connection, as Hibernate's native-query machinery cost more than the query.
        Session session = getEntityManager().unwrap(Session.class);
        if (flushFirst) {
            session.flush(); // the open load counts this transaction's own changes to assignments
        }
        return session.doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(CANDIDATES)) {
                query.setArray(1, connection.createArrayOf("text", skills.toArray()));
                query.setLong(2, gridId);
                query.setLong(3, communityId);
                query.setLong(4, streetId);
                query.setArray(5, connection.createArrayOf("bigint", gridIds.toArray()));
                query.setArray(6, connection.createArrayOf("bigint", excluded.toArray()));
                query.setObject(7, now.atOffset(ZoneOffset.UTC));
                query.setInt(8, limit);
                List<Candidate> candidates = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        Array onDuty = row.getArray(5);
                        candidates.add(new Candidate(row.getLong(1), row.getString(2), row.getInt(3), row.getLong(4),
                                onDuty == null ? List.of() : List.of((String[]) onDuty.getArray())));
                    }
                }
                return candidates;
            }
        });
    }
}
