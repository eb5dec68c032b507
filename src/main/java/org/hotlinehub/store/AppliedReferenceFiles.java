package org.hotlinehub.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/**
 * What each reference-data file held when it was last applied at start (table reference_file_applied), so that an
 * unchanged file need not be written again. Edits through the console or the API are audited
 * ({@code reference-data.*}, {@code user.*}); after one, no file counts as still applied, and the files win again as
 * they always did.
 */
@ApplicationScoped
public class AppliedReferenceFiles {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AgroalDataSource dataSource;

    /** The advisory lock that nodes starting together take in turn, so the files are applied by one at a time. */
    public static final long START_LOCK = 0x6875625f72656631L; // "hub_ref1"

    /** What the start's loading does, which may throw what reading a file throws. */
    public interface Loading<T> {

        T run() throws java.io.IOException;
    }

    /**
     * Runs a start's loading while this node holds the reference-data advisory lock (a session lock on a connection of
     * its own, released by the database if the node dies): nodes starting together load one after the other, and the
     * later ones find the files already applied.
     */
    public <T> T whileHoldingStartLock(Loading<T> loading) throws java.io.IOException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_advisory_lock(" + START_LOCK + ")");
            try {
                return loading.run();
            } finally {
                s.execute("select pg_advisory_unlock(" + START_LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the reference-data start lock", e);
        }
    }

    /** File name → digest of every file whose content is still what the database holds from it. */
    @Transactional
    public Map<String, String> stillApplied() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select f.name, f.digest from reference_file_applied f"
                + " where not exists (select 1 from audit_log a where a.id > f.audit_mark"
                + " and (a.action like 'reference-data.%' or a.action like 'user.%'))").getResultList();
        Map<String, String> result = new HashMap<>();
        for (Object[] row : rows) {
            result.put((String) row[0], (String) row[1]);
        }
        return result;
    }

    /** Records, in the caller's transaction, that {@code name} was applied with {@code digest}. */
    public void record(String name, String digest) {
        em.createNativeQuery("insert into reference_file_applied (name, digest, audit_mark, applied_at)"
                + " values (?1, ?2, (select coalesce(max(id), 0) from audit_log), ?3)"
                + " on conflict (name) do update set digest = excluded.digest, audit_mark = excluded.audit_mark,"
                + " applied_at = excluded.applied_at").setParameter(1, name).setParameter(2, digest)
                .setParameter(3, clock.instant()).executeUpdate();
    }

    /** The schema's version: a migration may change what applying a file writes, so it counts as a change. */
    @Transactional
    public String schemaVersion() {
        Object rank = em.createNativeQuery("select coalesce(max(installed_rank), 0) from flyway_schema_history")
                .getSingleResult();
        return String.valueOf(rank);
    }
}
