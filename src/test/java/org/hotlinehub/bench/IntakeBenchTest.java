package org.hotlinehub.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hotlinehub.model.TicketReference;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * bench/IntakeBench.java's closed loop against the hub's real form endpoint, with each of its clients: every request
 * gets an HTTP answer (no I/O error: the kept-alive socket client reads the hub's answers whole, one after another on
 * its connection), the reports are acknowledged with valid references, and the reference the bench kept names a
 * ticket the hub filed. A second or so from one client, so the shared test database gets a few dozen tickets.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class IntakeBenchTest {

    @Inject
    Sql sql;
    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"socket", "jdk"})
    void closedLoopClientGetsEveryAnswer(String client) throws Exception {
        Path out = Path.of("target", "intake-bench-test-" + client + ".jsonl");
        Files.deleteIfExists(out);
        Path log = Path.of("target", "intake-bench-test-" + client + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "bench/IntakeBench.java", "--url", "http://localhost:" + port + "/report",
                "--mode", "closed", "--concurrency", "1", "--duration", "1", "--warmup", "0", "--demo-dir",
                "config/demo", "--closed-client", client, "--json", out.toString(), "--quiet")
                .redirectErrorStream(true).redirectOutput(new File(log.toString())).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the bench finished in time");
        assertEquals(0, p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        JsonNode run = json.readTree(lines.get(lines.size() - 1));
        long sent = run.get("sent").asLong();
        assertTrue(run.get("accepted").asLong() > 0, run.toString());
        assertEquals(sent, run.get("completed").asLong(), "every request answered: " + run);
        assertEquals(0, run.get("errors").asLong(), "no error answer or I/O error: " + run);
        assertEquals(sent, run.get("outcomes").get("202").asLong(), "all acknowledged: " + run);
        String reference = run.get("last_reference").asText();
        assertTrue(TicketReference.isValid(reference), reference);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sql.count("select count(*) from ticket where reference = ?", reference) == 1);
        // the queue's pages show 200 items: the bench's tickets, filed and dispatched or in triage, are taken out of
        // it, so the console tests' own new items stay on its first page
        long accepted = run.get("accepted").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() -> sql.count("select count(*) from ticket where description"
                + " like '%[bench %' and status <> 'RECEIVED' and status <> 'CANCELLED'") >= accepted);
        sql.update("update assignment set state = 'CANCELLED' where state in ('OFFERED', 'ACCEPTED', 'IN_PROGRESS')"
                + " and ticket_id in (select id from ticket where description like '%[bench %')");
        sql.update("update ticket set status = 'CANCELLED' where description like '%[bench %'");
    }
}
