package org.hotlinehub.store;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
