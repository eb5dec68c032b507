package org.hotlinehub.connectors.jms;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.hotlinehub.connectors.web.IntakeAdmission;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 16, overload: while the stages between a contact and its offer are too far behind, the edge refuses new
 * contacts with 503 and Retry-After instead of piling up a backlog it cannot work off soon, and takes them again once
 * the stages have caught up; the stages' lag is the age of the messages their batches take.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class PipelineLagTest {

    @Inject
    PipelineLag lag;
    @Inject
    ConnectionFactory factory;

    @AfterEach
    void off() {
        lag.limit(Duration.ZERO); // the test profile's setting
    }

    private static Response report() {
        return Reports.postJson("楼道灯坏了，积压测试");
    }

    @Test
    void shouldRefuseContactsWhileAStageIsTooFarBehindUntilItIsWithinHalfTheLimit() {
        lag.limit(Duration.ofSeconds(4));
        report().then().statusCode(202);
        long now = System.currentTimeMillis();
        lag.observed("test-stage", 5_000, now);
        long asked = System.nanoTime();
        Response refused = report();
        long tookMs = (System.nanoTime() - asked) / 1_000_000;
        assertEquals(503, refused.statusCode(), refused.body().asString());
        assertEquals("1", refused.header("Retry-After"), "the sender is told when to retry");
        // held a moment, so a client that asks again at once does not keep the hub busy with refusals
        assertTrue(tookMs >= IntakeAdmission.HOLD_WHILE_BEHIND_MS, "answered after " + tookMs + " ms");
        // back under the limit but not yet within half of it: still refusing, so the edge does not flap
        lag.observed("test-stage", 3_000, System.currentTimeMillis());
        assertEquals(503, report().statusCode());
        lag.observed("test-stage", 1_000, System.currentTimeMillis());
        report().then().statusCode(202);
    }

    /**
     * The edge accepted 1,000 contacts a second while the stage took 400: a message it takes 5 s after it was sent has
     * 5,000 contacts behind it, 12.5 s of the stage's work, so the stage is behind a 10 s limit already (by the age
     * alone it would not be, and the backlog would have grown twice as long).
     */
    @Test
    void shouldCountTheContactsAcceptedSinceWhatTheStageTakes() {
        lag.limit(Duration.ofSeconds(10));
        long at = anHourAheadOnASecond();
        for (long ms = at - 10_000; ms < at; ms++) {
            lag.accepted(ms); // 1,000 contacts a second
        }
        for (int quarter = 1; quarter <= 40; quarter++) {
            lag.taken("paced-stage", 100, at - quarter * 250L); // 400 a second
        }
        lag.observed("paced-stage", 3_000, at);
        assertFalse(lag.behindAt(at), "3,000 contacts ahead: 7.5 s of work");
        lag.observed("paced-stage", 5_000, at);
        assertTrue(lag.behindAt(at), "5,000 contacts ahead: 12.5 s of work");
        lag.observed("paced-stage", 2_500, at);
        assertTrue(lag.behindAt(at), "6.25 s of work: not yet within half the limit");
        lag.observed("paced-stage", 1_500, at);
        assertFalse(lag.behindAt(at), "3.75 s of work");
    }

    @Test
    void shouldJudgeAStagesPaceOnlyOverTheTimeItWasBusy() {
        lag.limit(Duration.ofSeconds(10));
        long at = anHourAheadOnASecond();
        // idle until two seconds ago, then a burst at 1,000 a second that the stage takes at 400 a second
        for (long ms = at - 2_000; ms < at; ms++) {
            lag.accepted(ms);
        }
        for (int quarter = 1; quarter <= 8; quarter++) {
            lag.taken("bursting-stage", 100, at - quarter * 250L);
        }
        lag.observed("bursting-stage", 2_000, at);
        assertFalse(lag.behindAt(at), "2,000 contacts ahead at 400 a second: 5 s of work, not 12.5 s");

        // a stage that took one contact two seconds ago, and five come at once: taken a few milliseconds later, they
        // are not 25 s of work (HubRestartIT's twenty reports after the queued one were refused so)
        lag.limit(Duration.ofSeconds(10));
        long later = at + 10_000;
        lag.taken("idle-stage", 1, later - 2_000);
        for (int i = 0; i < 5; i++) {
            lag.accepted(later + i);
        }
        for (int i = 0; i < 5; i++) {
            lag.observed("idle-stage", 6, later + 5 + i); // as JmsBatchConsumer does: the age first, then the count
            assertFalse(lag.behindAt(later + 5 + i), "contact " + i + " was taken 6 ms after it came");
            lag.taken("idle-stage", 1, later + 5 + i);
        }
    }

    /** A whole second an hour ahead: what the running hub counts is long past, and quarter seconds align. */
    private static long anHourAheadOnASecond() {
        return (System.currentTimeMillis() + 3_600_000) / 1000 * 1000;
    }

    @Test
    void shouldForgetAStageThatHasHadNothingToTake() {
        lag.limit(Duration.ofSeconds(4));
        long then = System.currentTimeMillis();
        lag.observed("test-stage", 9_000, then);
        assertTrue(lag.behind());
        // a stage reports only while it takes messages: silence means it has nothing waiting
        lag.decide(then + PipelineLag.STALE_MILLIS + 1);
        assertFalse(lag.behind());
    }

    @Test
    void shouldNotCountTheWaitBeforeTheStageStarted() throws Exception {
        String queue = "test-lag-queued-" + System.nanoTime();
        try (Connection c = factory.createConnection()) {
            Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage("queued while down"));
            Thread.sleep(1_500);
            List<Long> seen = new CopyOnWriteArrayList<>();
            try (JmsBatchConsumer consumer = JmsBatchConsumer.start(factory,
                    new JmsBatchConsumer.Settings(queue, queue, null, 1, 10, 5, 5).withLag(seen::add),
                    batch -> JmsBatchConsumer.Outcome.of(List.of()))) {
                await().atMost(Duration.ofSeconds(10)).until(() -> !seen.isEmpty());
                // queued before the hub (re)started or while intake was paused: a restarted hub is not behind
                assertTrue(seen.get(0) < 1_000, "counted from the stage's start: " + seen);
            }
        }
    }

    @Test
    void shouldTellHowLongTheBatchesMessagesWaited() throws Exception {
        String queue = "test-lag-" + System.nanoTime();
        try (Connection c = factory.createConnection()) {
            Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            List<Long> seen = new CopyOnWriteArrayList<>();
            java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
            try (JmsBatchConsumer consumer = JmsBatchConsumer.start(factory,
                    new JmsBatchConsumer.Settings(queue, queue, null, 1, 10, 5, 5).withLag(seen::add), batch -> {
                        held.await(); // the stage is busy with its first batch for 1.5 s
                        return JmsBatchConsumer.Outcome.of(List.of());
                    })) {
                producer.send(session.createTextMessage("first"));
                await().atMost(Duration.ofSeconds(10)).until(() -> !seen.isEmpty());
                producer.send(session.createTextMessage("waited"));
                Thread.sleep(1_500);
                held.countDown();
                await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() >= 2);
                assertTrue(seen.get(1) >= 1_500, "the message waited 1.5 s for the busy stage: " + seen);
                producer.send(session.createTextMessage("fresh"));
                await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() >= 3);
                assertTrue(seen.get(2) < 1_000, "a message taken at once is not behind: " + seen);
            }
        }
    }
}
