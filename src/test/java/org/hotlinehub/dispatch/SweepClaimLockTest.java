package org.hotlinehub.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;

import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A sweep's claim on an assignment keeps other sweeps off it but must not hold up a transaction that inserts a row
 * pointing at it (an outbox row: partner news, a delivery): with a plain {@code for update} claim the insert's foreign-key
 * check waited on the sweep, and an intake batch holding the ticket the sweep was about to update deadlocked with it.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class SweepClaimLockTest {

    @Inject
    AssignmentRepository assignments;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Sql sql;

    @Test
    void shouldLetARowReferringToAClaimedOfferBeInsertedWhileTheSweepHoldsIt() throws Exception {
        long offer = Reports.fileAndAwaitOffer(sql, "HY-GARDEN", "property-repair", "认领锁测试：楼道水管滴水");
        long partner = ((Number) sql.one("select partner_id from assignment where id = ?", offer)).longValue();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean mine = new AtomicBoolean();
        CompletableFuture<Void> sweep = CompletableFuture.runAsync(() -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    // due in this transaction only, so no running sweep sees it; rolled back at the end
                    assignments.getEntityManager().createNativeQuery(
                            "update assignment set accept_by = now() - interval '1 minute' where id = ?1")
                            .setParameter(1, offer).executeUpdate();
                    mine.set(assignments.lockOffersDue(Instant.now(), 10_000).stream().anyMatch(a -> a.id == offer));
                    claimed.countDown();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    QuarkusTransaction.setRollbackOnly();
                });
            } catch (QuarkusTransactionException e) {
                if (!(e.getCause() instanceof RollbackException)) {
                    throw e;
                }
            }
        });
        try {
            assertTrue(claimed.await(20, TimeUnit.SECONDS), "the sweep's claim was not taken");
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("set local lock_timeout = '2s'");
                }
                try (PreparedStatement insert = c.prepareStatement("insert into outbox (stream, channel, recipient,"
                        + " idempotency_key, topic, body, partner_id, assignment_id, status, next_attempt_at,"
                        + " give_up_at) values ('partner', 'WEBHOOK', 'claim-lock', ?, 'test.claim-lock', '{}', ?, ?,"
                        + " 'DELIVERED', now(), now())")) {
                    insert.setString(1, "claim-lock-" + System.nanoTime());
                    insert.setLong(2, partner);
                    insert.setLong(3, offer);
                    assertEquals(1, insert.executeUpdate());
                }
                try (Statement s = c.createStatement()) {
                    // the outbox's key to assignment is checked at commit (V79): check it now, as intake's commit does;
                    // with a plain FOR UPDATE claim this waits for the sweep: lock_timeout, SQLState 55P03
                    s.execute("set constraints all immediate");
                }
                c.rollback();
            }
        } finally {
            release.countDown();
        }
        sweep.get(30, TimeUnit.SECONDS);
        assertTrue(mine.get(), "the sweep claimed the offer");
    }
}
