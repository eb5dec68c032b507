package org.hotlinehub.outbound;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.MovableClock;
import org.hotlinehub.testsupport.PartnerReceiver;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A partner whose endpoint is down costs the hub a probe now and then, not a refused call per row and retry: after a
 * few failures in a row its circuit opens, its other rows wait untried, and the first probe that gets through brings
 * them all back at once, each delivered once (RELIABILITY.md, R3). In the test profile the first retry waits 100 ms and
 * the longest backoff is 1 s, so without the circuit every row would be tried several times within the wait below.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class OutboxCircuitTest {

    private static final String PATH = "/hooks/PF-FLAKY";
    private static final int ROWS = 60;

    @Inject
    Sql sql;
    @Inject
    MovableClock clock;

    private List<String> enqueue(String prefix) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp giveUp = Timestamp.from(clock.instant().plus(Duration.ofHours(24)));
        for (int i = 0; i < ROWS; i++) {
            sql.update("insert into outbox (stream, channel, recipient, idempotency_key, topic, body, partner_id,"
                    + " status, next_attempt_at, give_up_at) select 'partner', 'WEBHOOK', 'PF-FLAKY', ?,"
                    + " 'assignment.offered', '{\"n\": " + i + "}', id, 'PENDING', ?, ? from partner where code ="
                    + " 'PF-FLAKY'", prefix + "-" + i, now, giveUp);
        }
        return sql.column("select idempotency_key from outbox where idempotency_key like ? order by id", prefix + "-%")
                .stream().map(String.class::cast).toList();
    }

    private long calls(List<String> keys) {
        return HubTestResources.receiver.to(PATH).stream().filter(r -> keys.contains(r.header("Idempotency-Key")))
                .count();
    }

    @Test
    void aPartnerThatIsDownIsProbedNotHammeredAndGetsItsBacklogOnceWhenItIsBack() throws InterruptedException {
        PartnerReceiver receiver = HubTestResources.receiver;
        receiver.answerNext(PATH, Collections.nCopies(10_000, 503).toArray(Integer[]::new));
        String prefix = "circuit-" + System.nanoTime();
        try {
            List<String> keys = enqueue(prefix);
            await().atMost(Duration.ofSeconds(20)).until(() -> calls(keys) >= OutboxWorker.OPEN_AFTER);
            Thread.sleep(3000);

            long whileDown = calls(keys);
            // the failures that opened the circuit, the sends in flight then, and a probe every second at most
            assertTrue(whileDown <= OutboxWorker.OPEN_AFTER + 4 + 5, "calls while the partner was down: " + whileDown);
            long untried = sql.count("select count(*) from outbox where idempotency_key like ? and status = 'PENDING'"
                    + " and attempts = 0", prefix + "-%");
            assertTrue(untried >= ROWS - whileDown, "rows held untried: " + untried);
            assertEquals(0, sql.count("select count(*) from outbox where idempotency_key like ? and status <>"
                    + " 'PENDING'", prefix + "-%"));

            receiver.answerNext(PATH);
            // the next probe (within the longest backoff, 1 s) closes the circuit and brings the held rows back
            await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from outbox where"
                    + " idempotency_key like ? and status = 'DELIVERED'", prefix + "-%") == ROWS);
            Map<String, Long> delivered = receiver.to(PATH).stream().filter(r -> r.answered() == 200)
                    .map(r -> r.header("Idempotency-Key")).filter(keys::contains)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertEquals(ROWS, delivered.size());
            assertTrue(delivered.values().stream().allMatch(n -> n == 1), "each delivered once: " + delivered);
        } finally {
            receiver.answerNext(PATH);
        }
    }
}
