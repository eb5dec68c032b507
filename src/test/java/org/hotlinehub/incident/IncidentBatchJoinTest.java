package org.hotlinehub.incident;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.hotlinehub.dispatch.DeliveryOutbox;
import org.hotlinehub.intake.IntakeService;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.IntakeContacts;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.WechatApiStub;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * An intake batch whose reports join several incidents joins them together (issue 21 item 6), and two batches that
 * join the same two incidents in opposite orders at the same time neither deadlock nor lose a count or a follow-up:
 * each incident counts every reporter once, and its partner gets one follow-up per report under keys numbered without
 * a gap or a repeat.
 */
@QuarkusTest
@TestProfile(IncidentTest.On.class)
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
@QuarkusTestResource(WechatApiStub.class)
class IncidentBatchJoinTest {

    static final String GARAGE = "事件二号苑地下车库积水很深，车都开不出去";
    static final String FENCE = "事件二号苑北门铁栅栏倒了，把路堵住了";
    static final int ROUNDS = 8;

    @Inject
    IntakeService intake;
    @Inject
    IntakeContacts contacts;
    @Inject
    Sql sql;

    @Test
    void shouldJoinABatchsReportsToTheirIncidentsTogetherWithoutDeadlockingAnotherBatch() throws Exception {
        String garage = IncidentTest.form("INC-COURT2", GARAGE);
        String fence = IncidentTest.form("INC-COURT2", FENCE);
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.count("select count(*) from ticket t join assignment a"
                + " on a.ticket_id = t.id where t.reference = any(?) and t.status = 'DISPATCHED'",
                (Object) new String[]{garage, fence}) == 2);

        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                // one batch has the garage first, the other the fence: they lock the two incidents in opposite orders
                // unless the locks are taken in one order
                Future<?> a = two.submit(() -> accept(together, List.of(report(GARAGE), report(FENCE))));
                Future<?> b = two.submit(() -> accept(together, List.of(report(FENCE), report(GARAGE))));
                a.get(60, TimeUnit.SECONDS);
                b.get(60, TimeUnit.SECONDS);
            }
        } finally {
            two.shutdownNow();
        }

        for (String incident : List.of(garage, fence)) {
            int reporters = 1 + 2 * ROUNDS;
            assertEquals(reporters, ((Number) sql.one("select reporter_count from ticket where reference = ?",
                    incident)).intValue(), "every report counted once on " + incident);
            assertEquals(2L * ROUNDS, sql.count("select count(*) from incident_link l join ticket i on i.id ="
                    + " l.incident_id where i.reference = ? and l.state = 'LINKED'", incident));
            assertEquals(2L * ROUNDS, sql.count("select count(*) from timeline_event e join ticket t on t.id ="
                    + " e.ticket_id where t.reference = ? and e.kind = 'REPORTER_ADDED'", incident));
            long assignment = ((Number) sql.one("select a.id from assignment a join ticket t on t.id = a.ticket_id"
                    + " where t.reference = ?", incident)).longValue();
            @SuppressWarnings("unchecked")
            List<String> keys = (List<String>) (List<?>) sql.column("select idempotency_key from outbox where"
                    + " assignment_id = ? and topic = ? order by id", assignment, DeliveryOutbox.EVENT_REPORTER_ADDED);
            // the first follow-up takes the event's key, the next ones -2, -3 … in the order the reports joined
            List<String> expected = new ArrayList<>();
            String first = "asg-" + assignment + "-" + DeliveryOutbox.EVENT_REPORTER_ADDED;
            expected.add(first);
            for (int n = 2; n <= 2 * ROUNDS; n++) {
                expected.add(first + "-" + n);
            }
            assertEquals(expected, keys, "one follow-up per report on " + incident);
            String last = (String) sql.one("select body from outbox where idempotency_key = ?",
                    expected.get(expected.size() - 1));
            assertTrue(last.contains("\"reporters\":" + reporters), last);
        }
    }

    private void accept(CyclicBarrier together, List<InboundContact> batch) {
        try {
            together.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        intake.acceptAll(batch);
    }

    private InboundContact report(String text) {
        return contacts.repair("batch-join", null, Reports.uniquePhone(), "INC-COURT2", text);
    }
}
