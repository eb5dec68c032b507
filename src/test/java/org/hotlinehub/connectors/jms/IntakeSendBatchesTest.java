package org.hotlinehub.connectors.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ContactIntent;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.IntakeUnavailableException;
import org.hotlinehub.model.port.IntakeQueue;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The edge's durable sends go to the broker in batches, one transaction each (issue 16: contacts that arrive together
 * share a commit). A batch with a repeat of a contact the broker already has (a sender's retry whose first send
 * reached the journal late) is rolled back whole by the broker's duplicate detection; the sender threads then send
 * its contacts one by one, so the others are stored and only the repeat is dropped.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class IntakeSendBatchesTest {

    private static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    @Inject
    PersistentSends sends;
    @Inject
    IntakeQueueSender sender;
    @Inject
    ConnectionFactory broker;
    @Inject
    IntakeQueue intake;
    @Inject
    CircuitBreakerMaintenance maintenance;

    @Test
    void shouldStoreNoneOfABatchThatRepeatsAStoredDuplicateId() {
        String queue = "test.intake-batches." + System.nanoTime();
        sends.send(queue, "first", Map.of(DUPLICATE_ID, queue + ":a"));

        assertThrows(PersistentSends.RolledBack.class, () -> sends.sendAll(queue,
                List.of(message(queue, "b"), message(queue, "a"), message(queue, "c"))));

        assertEquals(List.of("first"), drain(queue), "the rolled-back batch left nothing on the queue");
    }

    @Test
    void shouldStoreEveryOtherContactOfABatchThatRepeatsOne() throws Exception {
        String queue = "test.intake-batches." + System.nanoTime();
        sends.send(queue, "a", Map.of(DUPLICATE_ID, queue + ":a"));

        List<CompletableFuture<Void>> answers = sender.sendTogether(queue,
                List.of(message(queue, "b"), message(queue, "a"), message(queue, "c")));

        for (CompletableFuture<Void> answer : answers) {
            answer.get(5, TimeUnit.SECONDS); // every caller is told its contact is stored, the repeat's too
            assertFalse(answer.isCompletedExceptionally());
        }
        List<String> stored = drain(queue);
        stored.sort(null);
        assertEquals(List.of("a", "b", "c"), stored, "each once: the broker dropped only the repeat");
    }

    @Test
    void shouldStoreABatchTogether() throws Exception {
        String queue = "test.intake-batches." + System.nanoTime();
        List<PersistentSends.Outgoing> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(message(queue, "m" + i));
        }

        for (CompletableFuture<Void> answer : sender.sendTogether(queue, batch)) {
            answer.get(5, TimeUnit.SECONDS);
        }

        List<String> stored = drain(queue);
        assertEquals(20, stored.size());
        assertEquals("m0", stored.get(0), "in the order they were handed over");
        assertEquals("m19", stored.get(19));
    }

    /**
     * A send the broker holds (a dead broker keeps it until the client's time-out) does not hold up the contacts
     * behind it: once two batches are held longer than {@link IntakeQueueSender#HELD_MS}, the next contact goes out
     * on another sender thread. With a fixed two sender threads, the third contact waited behind the two held sends
     * and its caller got a 503.
     */
    @Test
    void shouldSendPastBatchesTheBrokerHolds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        QuarkusMock.installMockForType(new PersistentSends() {

            @Override
            public void send(String queue, String body, Map<String, String> properties) {
                if (calls.incrementAndGet() <= 2) {
                    sleep(1500);
                }
            }

            @Override
            public void sendAll(String queue, List<Outgoing> messages) {
                send(queue, null, null);
            }
        }, PersistentSends.class);
        try {
            ExecutorService callers = Executors.newFixedThreadPool(2);
            List<Future<?>> held = new ArrayList<>();
            held.add(callers.submit(() -> trySubmit(contact())));
            Thread.sleep(100);
            held.add(callers.submit(() -> trySubmit(contact())));
            Thread.sleep(IntakeQueueSender.HELD_MS + 100);
            assertEquals(2, calls.get(), "both first sends are held by the broker");

            long t0 = System.nanoTime();
            intake.submit(contact()); // throws IntakeUnavailableException if it waited behind them
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 500, "sent in " + ms + " ms");
            for (Future<?> f : held) {
                f.get(5, TimeUnit.SECONDS);
            }
            callers.shutdown();
        } finally {
            maintenance.reset(IntakeSendBreaker.NAME); // the held sends counted as failures
        }
    }

    /**
     * Under a steady load, two sender threads take turns: a thread busy with one batch after another for longer than
     * {@link IntakeQueueSender#HELD_MS} is not held by the broker (each batch is timed from its own start). When the
     * time counted from the thread's first batch, every contact started one more thread after 200 ms of load.
     */
    @Test
    void shouldKeepToTwoSenderThreadsUnderASteadyLoad() throws Exception {
        QuarkusMock.installMockForType(new PersistentSends() {

            @Override
            public void send(String queue, String body, Map<String, String> properties) {
                sleep(20); // a healthy but busy broker
            }

            @Override
            public void sendAll(String queue, List<Outgoing> messages) {
                sleep(20);
            }
        }, PersistentSends.class);
        try {
            int startedBefore = sender.sendersStarted();
            ExecutorService callers = Executors.newFixedThreadPool(8);
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
            List<Future<?>> load = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                load.add(callers.submit(() -> {
                    while (System.nanoTime() < until) {
                        trySubmit(contact());
                    }
                }));
            }
            for (Future<?> f : load) {
                f.get(10, TimeUnit.SECONDS);
            }
            callers.shutdown();
            int started = sender.sendersStarted() - startedBefore;
            assertTrue(started <= IntakeQueueSender.SENDING_AT_ONCE, started + " sender threads started");
        } finally {
            maintenance.reset(IntakeSendBreaker.NAME);
        }
    }

    private void trySubmit(InboundContact contact) {
        try {
            intake.submit(contact);
        } catch (IntakeUnavailableException e) {
            // its send outlived the wait: the sender was answered 503
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InboundContact contact() {
        return new InboundContact(Channel.WEB, "batches-" + System.nanoTime(), "9" + System.nanoTime() % 100_000_000L,
                Instant.now(), Reports.uniquePhone(), null, "楼道灯坏了", "zh", null, null, null, null, null, List.of(),
                ContactIntent.REQUEST);
    }

    private static PersistentSends.Outgoing message(String queue, String body) {
        return new PersistentSends.Outgoing(body, Map.of(DUPLICATE_ID, queue + ":" + body));
    }

    private List<String> drain(String queue) {
        List<String> bodies = new ArrayList<>();
        try (JMSContext context = broker.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createQueue(queue))) {
            TextMessage m;
            while ((m = (TextMessage) consumer.receive(500)) != null) {
                bodies.add(textOf(m));
            }
        }
        return bodies;
    }

    private static String textOf(TextMessage m) {
        try {
            return m.getText();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
