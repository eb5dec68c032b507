package org.hotlinehub.referencedata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.hotlinehub.config.NodeName;
import org.hotlinehub.model.ImportJob;
import org.hotlinehub.model.ImportReport;
import org.hotlinehub.model.SqlTimes;
import org.hotlinehub.model.port.AuditTrail;
import org.hotlinehub.model.port.ImportJobs;
import org.hotlinehub.model.port.ReferenceAdmin.Kind;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs uploads from the console in the managed executor: read (10 %), check the whole document (30 %), write entry
 * by entry (30–100 %) in one transaction, or nothing when any check fails. Jobs are rows of {@code import_job}, so the
 * page that polls one finds it on any node; each step's progress is written in its own short transaction. A running
 * job not refreshed for {@link #STALE} belongs to a node that died and reads as failed. Finished jobs are kept for an
 * hour.
 */
@ApplicationScoped
public class ImportJobService implements ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobService.class);
    private static final Duration KEEP = Duration.ofHours(1);
    static final Duration STALE = Duration.ofMinutes(10);

    @Inject
    ManagedExecutor executor;
    @Inject
    ReferenceDataLoader loader;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    @Override
    public String start(String source, Kind csvKind, String content, String actor, String client) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from import_job where started_at < ?1 and (state <> ?2 or updated_at < ?1)")
                    .setParameter(1, now.minus(KEEP)).setParameter(2, ImportJob.State.RUNNING.name()).executeUpdate();
            em.createNativeQuery("insert into import_job (id, source, actor, node, started_at, updated_at, state,"
                    + " percent, phase) values (?1, ?2, ?3, ?4, ?5, ?5, ?6, 0, 'queued')").setParameter(1, id)
                    .setParameter(2, source).setParameter(3, actor).setParameter(4, NodeName.of())
                    .setParameter(5, now).setParameter(6, ImportJob.State.RUNNING.name()).executeUpdate();
        });
        executor.execute(() -> run(id, source, csvKind, content, actor, client));
        return id;
    }

    @Override
    public Optional<ImportJob> status(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant stale = clock.instant().minus(STALE);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select id, source,"
                + " actor, started_at, updated_at, state, percent, phase, report::text from import_job where id = ?1")
                .setParameter(1, id).getResultList());
        return rows.stream().findFirst().map(r -> job(r, stale));
    }

    private ImportJob job(Object[] r, Instant stale) {
        ImportJob.State state = ImportJob.State.valueOf((String) r[5]);
        Instant updated = SqlTimes.instant(r[4]);
        if (state == ImportJob.State.RUNNING && updated.isBefore(stale)) {
            return new ImportJob((String) r[0], (String) r[1], (String) r[2], SqlTimes.instant(r[3]),
                    ImportJob.State.FAILED,
                    100, "done", new ImportReport((String) r[1], false, Map.of(), List.of(
                            "the import was interrupted (its hub node stopped) and nothing was applied")));
        }
        ImportReport report;
        try {
            report = r[8] == null ? null : json.readValue((String) r[8], ImportReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("import job " + r[0] + " has an unreadable report", e);
        }
        return new ImportJob((String) r[0], (String) r[1], (String) r[2], SqlTimes.instant(r[3]), state,
                ((Number) r[6]).intValue(), (String) r[7], report);
    }

    private void run(String id, String source, Kind csvKind, String content, String actor, String client) {
        try {
            progress(id, 5, "reading");
            ReferenceDataFile file = csvKind == null
                    ? loader.parse(source, content)
                    : CsvReferenceData.parse(source, csvKind, content);
            progress(id, 10, "checking");
            int[] shown = {-1};
            var counts = loader.apply(source, file, true, (done, total) -> {
                int percent = 30 + (int) (70L * done / Math.max(total, 1)) - (done == total ? 1 : 0);
                if (percent != shown[0]) { // at most one row update per percent, not one per entry
                    shown[0] = percent;
                    progress(id, percent, "writing");
                }
            },
                    written -> audit.record(actor, "reference-data.import", "reference-data", source,
                            "applied: " + written, client));
            Map<String, Integer> byKind = counts.byKind();
            byKind.put("users", counts.users());
            byKind.values().removeIf(n -> n == 0);
            finish(id, ImportJob.State.APPLIED, new ImportReport(source, true, byKind, List.of()));
        } catch (ReferenceDataException e) {
            List<String> problems = csvKind == null ? e.problems() : CsvReferenceData.asRows(csvKind, e.problems());
            audit.record(actor, "reference-data.import-rejected", "reference-data", source,
                    problems.size() + " problem(s); nothing applied", client);
            finish(id, ImportJob.State.REJECTED, new ImportReport(source, false, Map.of(), problems));
        } catch (RuntimeException e) {
            LOG.errorf(e, "import %s of %s failed", id, source);
            finish(id, ImportJob.State.FAILED, new ImportReport(source, false, Map.of(),
                    List.of("the import failed and nothing was applied: " + e.getClass().getSimpleName())));
        }
    }

    /** Raises the job's percentage (never lowers it), in a transaction of its own beside the import's. */
    private void progress(String id, int percent, String phase) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update import_job set percent ="
                + " greatest(percent, ?2), phase = ?3, updated_at = ?4 where id = ?1 and state = ?5")
                .setParameter(1, id).setParameter(2, percent).setParameter(3, phase).setParameter(4, clock.instant())
                .setParameter(5, ImportJob.State.RUNNING.name()).executeUpdate());
    }

    private void finish(String id, ImportJob.State state, ImportReport report) {
        String text;
        try {
            text = json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update import_job set state = ?2,"
                + " percent = 100, phase = 'done', report = cast(?3 as jsonb), updated_at = ?4 where id = ?1")
                .setParameter(1, id).setParameter(2, state.name()).setParameter(3, text)
                .setParameter(4, clock.instant()).executeUpdate());
    }
}
