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
    private static final Pattern REPORTERS = Pattern.compile("\"reporters\":(\\d+)");

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
        // the hub's defaults, incident detection included: the twenty reports of one stairwell light below become
        // one incident, so the partner gets one offer and a reporter-added follow-up for each other report
        env = Map.of("HUB_REFERENCE_DATA_FILES", "config/demo," + partners);
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
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.to("/hooks/PF-HAIYUN").stream()
                    .anyMatch(r -> "assignment.offered".equals(r.header("X-Hub-Event"))
                            && r.bodyText().contains("\"reference\":\"" + queued + "\"")));
            for (int i = 0; i < 20; i++) {
                acknowledged.add(report(running, String.format("1370000%04d", 100 + i), light(i)));
            }
            running.kill();
        }

        try (HubProcess restarted = HubProcess.start(data, env, log)) {
            restarted.awaitReady(Duration.ofSeconds(120));
            // the twenty reports are one incident: those that joined it before it was offered are counted in its
            // offer's "reporters", each later one comes as a reporter-added follow-up with its words (contract.md).
            // Which is which depends on how far the killed hub got; together they must be all twenty, each once.
            await().atMost(Duration.ofSeconds(60)).until(() -> carried() == 20);
            for (int i = 0; i < 20; i++) {
                String reference = acknowledged.get(i);
                var status = http.send(HttpRequest.newBuilder(URI.create(restarted.url("/status?reference="
                        + reference + "&phone=" + String.format("1370000%04d", 100 + i)))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, status.statusCode(), "ticket " + reference + " exists");
            }
            Thread.sleep(2000);
            assertEquals(20, carried(), "each report reached the partner once: in the offer's count or as a follow-up");
            assertEquals(1, receiver.to("/hooks/PF-HAIYUN").stream()
                    .filter(r -> "assignment.offered".equals(r.header("X-Hub-Event")))
                    .filter(r -> r.bodyText().contains("楼道灯不亮了")).map(r -> r.header("Idempotency-Key")).distinct()
                    .count(), "the twenty reports of one light are one incident with one offer");
        }
    }

    /** Twenty residents' words for one broken light: the same sentence, each signed by its resident. */
    private static String light(int i) {
        return "三号楼二单元楼道灯不亮了晚上很黑老人上下楼很不方便，住户" + i;
    }

    /**
     * The light's reports that reached the partner: the reporters counted in the incident's offer plus its distinct
     * reporter-added follow-ups (by idempotency key) whose words are one of the reports'. A report lost, or sent twice
     * under two keys, makes it other than twenty.
     */
    private int carried() {
        var deliveries = receiver.to("/hooks/PF-HAIYUN");
        int counted = deliveries.stream().filter(r -> "assignment.offered".equals(r.header("X-Hub-Event")))
                .filter(r -> r.bodyText().contains("楼道灯不亮了")).map(r -> REPORTERS.matcher(r.bodyText()))
                .filter(Matcher::find).mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
        long followUps = deliveries.stream().filter(r -> "assignment.reporter-added".equals(r.header("X-Hub-Event")))
                .filter(r -> r.bodyText().contains("楼道灯不亮了")).map(r -> r.header("Idempotency-Key")).distinct()
                .count();
        return counted + (int) followUps;
    }

    private Map<String, String> withPausedIntake() {
        var paused = new java.util.HashMap<>(env);
        paused.put("HUB_INTAKE_PAUSED", "true");
        return paused;
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
