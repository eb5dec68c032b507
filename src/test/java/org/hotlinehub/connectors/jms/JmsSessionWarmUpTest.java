package org.hotlinehub.connectors.jms;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.testsupport.HubTestResources;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The senders' JMS sessions are opened at start: a burst of as many sends as the edge lets in at once opens none (a
 * session opened while the broker is away holds its sender until the broker is back, RELIABILITY.md R1).
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class JmsSessionWarmUpTest {

    @Inject
    PersistentSends sends;
    @Inject
    HubConfig config;

    @Test
    void shouldOpenTheSendersSessionsAtStartSoThatABurstOpensNone() throws Exception {
        int inFlight = config.intake().maxInFlight();
        int warmed = Math.min(JmsComponentProducer.SESSIONS, inFlight + config.delivery().parallelism());
        await().atMost(Duration.ofSeconds(30)).until(() -> HubTestResources.broker.openSessions() >= warmed);
        int before = HubTestResources.broker.openSessions();

        ExecutorService senders = Executors.newFixedThreadPool(inFlight);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < inFlight; i++) {
                String body = "burst " + i;
                sent.add(senders.submit(() -> {
                    go.await();
                    sends.send("hub.test.burst", body, Map.of());
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            senders.shutdownNow();
        }
        int after = HubTestResources.broker.openSessions();
        // the pipeline's consumers may open or close one or two meanwhile; a burst without the warm-up opens dozens
        assertTrue(after <= before + 4, "sessions before the burst " + before + ", after " + after);
    }
}
