package org.hotlinehub.testsupport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.hotlinehub.connectors.db.EmbeddedDatabase;
import org.hotlinehub.connectors.jms.EmbeddedBroker;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real parts the tests run on: PostgreSQL and Artemis (the same embedded servers as the default run, in a
 * throw-away directory) and a partner receiver. The demo district is loaded, then test-partners.yaml points the
 * partners the tests use at the receiver.
 */
public class HubTestResources implements QuarkusTestResourceLifecycleManager {

    public static PartnerReceiver receiver;

    private Path dir;
    private EmbeddedDatabase database;
    /** The test broker, for tests that look at it from the broker's side. */
    public static EmbeddedBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("hub-test-");
            database = EmbeddedDatabase.start(dir.resolve("postgres"), 0, "");
            broker = EmbeddedBroker.start(dir.resolve("artemis"), 0);
            receiver = new PartnerReceiver();
            Path partners = dir.resolve("test-partners.yaml");
            String template;
            try (var in = HubTestResources.class.getResourceAsStream("/test-partners.yaml")) {
                template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Files.writeString(partners, template.replace("${receiver}", receiver.url("")));
            return Map.of(
                    "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                    "quarkus.datasource.username", database.username(),
                    "quarkus.artemis.url", EmbeddedBroker.IN_VM_URL,
                    "hub.reference-data.files", "config/demo," + partners,
                    "hub.reference-data.demo-files", "config/demo-access",
                    "hub.public-base-url", "http://hub.test",
                    "hub.data-dir", dir.toString());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test database and broker", e);
        }
    }

    @Override
    public void stop() {
        try {
            receiver.close();
            broker.close();
            database.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
