package org.hotlinehub.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotlinehub.testsupport.PartnerReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Durability across restarts of the packaged hub, on its embedded PostgreSQL and Artemis: acknowledged work survives a
 * stop and a kill -9, and is carried through once.
 */
class HubRestartIT {

    private static final Pattern REFERENCE = Pattern.compile("\"reference\":\"(\\d+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private PartnerReceiver receiver;
    private Path dir;
    private Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new PartnerReceiver();
        dir = Files.createTempDirectory("hub-it-");
        String template;
        try (var in = HubRestartIT.class.getResourceAsStream("/test-partners.yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path partners = dir.resolve("partners.yaml");
        Files.writeString(partners, template.replace("${receiver}", receiver.url("")));
        // twenty reports of one stairwell light would be linked as one incident (one offer): this test counts an
        // offer per acknowledged report, so each is a ticket of its own here
        env = Map.of("HUB_REFERENCE_DATA_FILES", "config/demo," + partners, "HUB_INCIDENT_ENABLED", "false");
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void shouldCarryQueuedContactsThroughAfterARestartAndAcknowledgedOnesThroughAKill() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("hub.log");
        String queued;
        try (HubProcess paused = HubProcess.start(data, withPausedIntake(), log)) {
            paused.awaitReady(Duration.ofSeconds(120));
            queued = report(paused, "13700000001", "电梯坏了，重启测试");
            Thread.sleep(1000);
            assertTrue(receiver.to("/hooks/PF-HAIYUN").isEmpty(), "intake is paused: nothing dispatched yet");
        }

        List<String> acknowledged = new ArrayList<>();
        try (HubProcess running = HubProcess.start(data, env, log)) {
            running.awaitReady(Duration.ofSeconds(120));
            await().atMost(Duration.ofSeconds(30)).until(() -> offered(queued));
            for (int i = 0; i < 20; i++) {
                acknowledged.add(report(running, String.format("1370000%04d", 100 + i), "楼道灯不亮，第" + i + "号"));
            }
            running.kill();
        }

        try (HubProcess restarted = HubProcess.start(data, env, log)) {
            restarted.awaitReady(Duration.ofSeconds(120));
            for (String reference : acknowledged) {
                await().atMost(Duration.ofSeconds(60)).until(() -> offered(reference));
            }
            for (int i = 0; i < 20; i++) {
                String reference = acknowledged.get(i);
                var status = http.send(HttpRequest.newBuilder(URI.create(restarted.url("/status?reference="
                        + reference + "&phone=" + String.format("1370000%04d", 100 + i)))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, status.statusCode(), "ticket " + reference + " exists");
            }
            Thread.sleep(2000);
            for (String reference : acknowledged) {
                long tickets = receiver.to("/hooks/PF-HAIYUN").stream()
                        .filter(r -> r.bodyText().contains("\"reference\":\"" + reference + "\""))
                        .map(r -> r.header("Idempotency-Key")).distinct().count();
                assertEquals(1, tickets, "one assignment for " + reference);
            }
        }
    }

    private Map<String, String> withPausedIntake() {
        var paused = new java.util.HashMap<>(env);
        paused.put("HUB_INTAKE_PAUSED", "true");
        return paused;
    }

    private boolean offered(String reference) {
        return receiver.to("/hooks/PF-HAIYUN").stream()
                .anyMatch(r -> r.bodyText().contains("\"reference\":\"" + reference + "\""));
    }

    private String report(HubProcess hub, String phone, String description) throws Exception {
        String form = "category=property-repair&compound=HY-GARDEN&phone=" + phone + "&description="
                + URLEncoder.encode(description, StandardCharsets.UTF_8);
        var response = http.send(HttpRequest.newBuilder(URI.create(hub.url("/report")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        Matcher m = REFERENCE.matcher(response.body());
        assertTrue(m.find(), response.body());
        return m.group(1);
    }
}
