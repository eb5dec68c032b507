package org.hotlinehub.model.port;

import java.util.Optional;

import org.hotlinehub.model.ImportJob;
import org.hotlinehub.model.port.ReferenceAdmin.Kind;

/** Reference-data imports that run in the background while the console shows their progress. */
public interface ImportJobs {

    /**
     * Starts an import of a YAML document ({@code csvKind} null) or of one kind as CSV; the whole document is checked
     * before anything is written, and the outcome goes to the audit log.
     *
     * @return the job's id
     */
    String start(String source, Kind csvKind, String content, String actor, String client);

    Optional<ImportJob> status(String id);
}
