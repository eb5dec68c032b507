package org.hotlinehub.connectors.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL of the default run: real server binaries from a Maven artifact, data kept under the data directory
 * between runs, durability as in production (fsync and synchronous_commit on; the library's default turns the
 * latter off).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param settings further server settings, {@code name=value} separated by semicolons (a value may hold commas,
     *        as {@code shared_preload_libraries} does); applied after the hub's own, so they win
     */
    public static EmbeddedDatabase start(Path dir, int port, String settings) throws IOException {
        Files.createDirectories(dir);
        stopOrphanedServer(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // stopped by whoever started it, after the hub has stopped (HubMain), not by a hook racing its shutdown
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "128MB")
                // The planner's default prices a random page read at four sequential ones, as for a spinning disk: with
                // the data on SSD and mostly in memory it chose whole-table scans and hash joins over index lookups
                // for a batch's rows until the tables were large (BENCHMARKS.md, round 17). 1.1 is the usual SSD value.
                .setServerConfig("random_page_cost", "1.1")
                // A new hub's tables grow from nothing to tens of thousands of rows within its first minute under load;
                // an analyze, which also makes the connections plan their statements again, came once a minute.
                .setServerConfig("autovacuum_naptime", "10s");
        for (String setting : settings == null ? new String[0] : settings.split(";")) {
            int eq = setting.indexOf('=');
            if (setting.isBlank()) {
                continue;
            }
            if (eq <= 0) {
                throw new IllegalArgumentException("hub.embedded.postgres-settings: '" + setting.strip()
                        + "' is not name=value");
            }
            builder.setServerConfig(setting.substring(0, eq).strip(), setting.substring(eq + 1).strip());
        }
        if (port > 0) {
            builder.setPort(port);
        }
        return new EmbeddedDatabase(builder.start());
    }

    /**
     * After the hub was killed (-9) its PostgreSQL child lives on and holds the data directory: stop it (SIGTERM, a
     * smart shutdown: its clients are gone) before starting a new one. Crash recovery then replays the WAL.
     */
    private static void stopOrphanedServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (RuntimeException e) {
            return;
        }
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (process.isPresent()) {
            process.get().destroy();
            try {
                process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                process.get().destroyForcibly();
            }
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String username() {
        return "postgres";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
