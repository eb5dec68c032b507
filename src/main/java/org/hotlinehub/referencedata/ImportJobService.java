package org.hotlinehub.referencedata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.hotlinehub.model.ImportJob;
import org.hotlinehub.model.ImportReport;
import org.hotlinehub.model.port.AuditTrail;
import org.hotlinehub.model.port.ImportJobs;
import org.hotlinehub.model.port.ReferenceAdmin.Kind;
import org.jboss.logging.Logger;

/**
 * Runs uploads from the console in the managed executor: read (10 %), check the whole document (30 %), write entry
 * by entry (30–100 %) in one transaction, or nothing when any check fails. Jobs live in this instance's memory for an
 * hour, which is enough for the page that polls them.
 */
@ApplicationScoped
public class ImportJobService implements ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobService.class);
    private static final Duration KEEP = Duration.ofHours(1);

    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();

    @Inject
    ManagedExecutor executor;
    @Inject
    ReferenceDataLoader loader;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    @Override
    public String start(String source, Kind csvKind, String content, String actor, String client) {
        Instant now = clock.instant();
        jobs.values().removeIf(j -> j.finished() && j.startedAt().isBefore(now.minus(KEEP)));
        String id = UUID.randomUUID().toString();
        jobs.put(id, new ImportJob(id, source, actor, now, ImportJob.State.RUNNING, 0, "queued", null));
        executor.execute(() -> run(id, source, csvKind, content, actor, client));
        return id;
    }

    @Override
    public Optional<ImportJob> status(String id) {
        return Optional.ofNullable(id == null ? null : jobs.get(id));
    }

    private void run(String id, String source, Kind csvKind, String content, String actor, String client) {
        try {
            progress(id, 5, "reading");
            ReferenceDataFile file = csvKind == null
                    ? loader.parse(source, content)
                    : CsvReferenceData.parse(source, csvKind, content);
            progress(id, 10, "checking");
            var counts = loader.apply(source, file, true, (done, total) -> progress(id,
                    30 + (int) (70L * done / Math.max(total, 1)) - (done == total ? 1 : 0), "writing"),
                    written -> audit.record(actor, "reference-data.import", "reference-data", source,
                            "applied: " + written, client));
            Map<String, Integer> byKind = new java.util.LinkedHashMap<>();
            byKind.put("places", counts.places());
            byKind.put("catalog", counts.catalog());
            byKind.put("partners", counts.partners());
            byKind.put("volunteers", counts.volunteers());
            byKind.put("residents", counts.residents());
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

    private void progress(String id, int percent, String phase) {
        jobs.computeIfPresent(id, (k, j) -> new ImportJob(j.id(), j.source(), j.actor(), j.startedAt(), j.state(),
                Math.max(j.percent(), percent), phase, null));
    }

    private void finish(String id, ImportJob.State state, ImportReport report) {
        jobs.computeIfPresent(id, (k, j) -> new ImportJob(j.id(), j.source(), j.actor(), j.startedAt(), state, 100,
                "done", report));
    }
}
