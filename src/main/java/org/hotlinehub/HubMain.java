package org.hotlinehub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.hotlinehub.connectors.db.EmbeddedDatabase;
import org.hotlinehub.connectors.db.SessionKeyFile;
import org.hotlinehub.connectors.jms.EmbeddedBroker;
import org.hotlinehub.connectors.web.StartingAnswer;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;

/**
 * Starts the hub (the jar's entry point, set by {@code quarkus.package.main-class}; deliberately not a
 * {@code @QuarkusMain}, so that Camel starts with Quarkus in the same way in tests and in production). When no external PostgreSQL ({@code quarkus.datasource.jdbc.url}) or broker
 * ({@code quarkus.artemis.url} other than the in-VM default) is configured, starts embedded ones under {@code hub.data-dir} first: the datasource
 * must be known before Quarkus boots.
 */
public final class HubMain {

    private static final Logger LOG = Logger.getLogger(HubMain.class);
    private static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key";

    private HubMain() {
    }

    public static void main(String... args) throws Exception {
        // What this process started itself, closed in reverse order once the hub has stopped (below).
        Deque<AutoCloseable> embedded = new ArrayDeque<>();
        // senders are told 503 "starting" rather than refused while the embedded services and Quarkus come up
        StartingAnswer.open(setting("quarkus.http.host").orElse("0.0.0.0"),
                Integer.parseInt(setting("quarkus.http.port").orElse("8080")));
        Path dataDir = Path.of(setting("hub.data-dir").orElse("./data")).toAbsolutePath().normalize();
        // the embedded broker and database start side by side (time to ready after a crash, issue 17)
        FutureTask<EmbeddedBroker> broker = null;
        int brokerPort = Integer.parseInt(setting("hub.embedded.broker-port").orElse("61616"));
        if (setting("quarkus.artemis.url").filter(url -> !url.startsWith("vm:")).isEmpty()) {
            long globalMaxMb = Long.parseLong(setting("hub.embedded.global-max-size-mb")
                    .orElse(String.valueOf(EmbeddedBroker.DEFAULT_GLOBAL_MAX_MB)));
            int compactMinFiles = Integer.parseInt(setting("hub.embedded.journal-compact-min-files")
                    .orElse(String.valueOf(EmbeddedBroker.DEFAULT_COMPACT_MIN_FILES)));
            broker = new FutureTask<>(() -> EmbeddedBroker.start(dataDir.resolve("artemis"), brokerPort,
                    globalMaxMb, compactMinFiles));
            new Thread(broker, "embedded-broker-start").start();
        }
        if (setting("quarkus.datasource.jdbc.url").isEmpty()) {
            EmbeddedDatabase db;
            try {
                db = EmbeddedDatabase.start(dataDir.resolve("postgres"),
                        Integer.parseInt(setting("hub.embedded.postgres-port").orElse("0")),
                        setting("hub.embedded.postgres-settings").orElse(""));
            } catch (IOException | RuntimeException e) {
                if (broker != null) {
                    closeQuietly(started(broker, embedded));
                }
                throw e;
            }
            embedded.push(db);
            System.setProperty("quarkus.datasource.jdbc.url", db.jdbcUrl());
            System.setProperty("quarkus.datasource.username", db.username());
            LOG.infof("embedded PostgreSQL started, data in %s", dataDir.resolve("postgres"));
            if (setting("hub.reference-data.demo-files").isEmpty() && withDemoDistrict(setting(
                    "hub.reference-data.files")) && Files.isDirectory(Path.of("config", "demo-access"))) {
                // Demo users and API clients (their passwords are in the README) only for the embedded demo run, and
                // only with the demo district: they name its partners, which another district does not have.
                System.setProperty("hub.reference-data.demo-files", "config/demo-access");
                LOG.info("demo users and API clients from config/demo-access (see the README)");
            }
            if (setting(SESSION_KEY).isEmpty()) {
                // Sign-in sessions survive a restart of the demo hub; production sets the key for all instances.
                System.setProperty(SESSION_KEY, SessionKeyFile.readOrCreate(dataDir.resolve("session.key")));
            }
        } else {
            List<String> unshared = Stream.of(SESSION_KEY, "hub.web.form-secret", "hub.dead-letters.key")
                    .filter(key -> setting(key).isEmpty()).toList();
            if (!unshared.isEmpty()) {
                // On a shared database there may be other nodes: without the same keys a session, a form token or a
                // dead letter made on one is worthless on another (docs/operations.md, Several instances).
                LOG.warnf("external database and no %s: this node makes up its own, which other nodes cannot read;"
                        + " give every node the same", String.join(", ", unshared));
            }
        }
        if (broker != null) {
            embedded.push(started(broker, embedded));
            System.setProperty("quarkus.artemis.url", EmbeddedBroker.IN_VM_URL);
            LOG.infof("embedded Artemis broker started, data in %s%s", dataDir.resolve("artemis"),
                    brokerPort > 0 ? ", TCP on 127.0.0.1:" + brokerPort : "");
        }
        CountDownLatch hubStopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterHub(hubStopped, embedded), "embedded-stop"));
        int[] exitCode = {0};
        try {
            Quarkus.run(null, (code, failure) -> {
                if (failure != null) {
                    LOG.error("the hub stopped because of a failure", failure);
                }
                exitCode[0] = code;
            }, args);
        } finally {
            hubStopped.countDown();
        }
        System.exit(exitCode[0]);
    }

    /** The broker started beside the database; if it failed, whatever started already is closed first. */
    private static EmbeddedBroker started(FutureTask<EmbeddedBroker> broker, Deque<AutoCloseable> embedded)
            throws Exception {
        try {
            return broker.get();
        } catch (ExecutionException e) {
            embedded.forEach(HubMain::closeQuietly);
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static void closeQuietly(AutoCloseable service) {
        try {
            service.close();
        } catch (Exception e) {
            LOG.warnf(e, "stopping %s", service.getClass().getSimpleName());
        }
    }

    /**
     * On SIGTERM the JVM runs every shutdown hook at once. The embedded broker and database must outlive the hub's own
     * shutdown (consumers finishing their batch, Camel's graceful stop), or in-flight work fails against a database
     * that is going away; so this hook waits for Quarkus to have stopped (bounded), then closes them, broker first.
     */
    private static void stopAfterHub(CountDownLatch hubStopped, Deque<AutoCloseable> embedded) {
        try {
            if (!hubStopped.await(60, TimeUnit.SECONDS)) {
                LOG.warn("the hub did not stop within 60 s; stopping the embedded broker and database anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        embedded.forEach(HubMain::closeQuietly);
    }

    /** Whether the reference data is the demo district: the default, or a list naming {@code config/demo}. */
    static boolean withDemoDistrict(Optional<String> referenceDataFiles) {
        Path demo = Path.of("config", "demo");
        return referenceDataFiles.map(files -> Arrays.stream(files.split(",")).map(String::strip)
                .filter(f -> !f.isEmpty()).anyMatch(f -> Path.of(f).normalize().equals(demo))).orElse(true);
    }

    /**
     * A setting from the places Quarkus will read it, checked before Quarkus runs: system properties, environment
     * variables, then {@code config/application.properties} in the working directory.
     */
    static Optional<String> setting(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        if (value == null) {
            value = fileSetting(Path.of("config", "application.properties"), key);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static String fileSetting(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        } catch (IOException e) {
            return null;
        }
        return props.getProperty(key);
    }
}
