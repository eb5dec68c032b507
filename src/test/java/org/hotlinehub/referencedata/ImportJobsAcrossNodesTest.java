package org.hotlinehub.referencedata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hotlinehub.model.ImportJob;
import org.hotlinehub.model.port.ImportJobs;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Import jobs live in the database: the progress page finds a job that another node runs (or ran), and a job whose
 * node died reads as interrupted instead of running for ever.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class ImportJobsAcrossNodesTest {

    @Inject
    ImportJobs jobs;
    @Inject
    Sql sql;
    /** The hub's clock, which earlier tests have moved ahead: a job's age is judged by it. */
    @Inject
    Clock clock;

    @Test
    void shouldShowAJobRunningOnAnotherNode() {
        String id = UUID.randomUUID().toString();
        insert(id, "other-node:4242", clock.instant(), 40, "writing");
        ImportJob job = jobs.status(id).orElseThrow();
        assertEquals(ImportJob.State.RUNNING, job.state());
        assertEquals(40, job.percent());
        assertEquals("writing", job.phase());
        assertEquals("places.yaml", job.source());
    }

    @Test
    void shouldReportAJobWhoseNodeStoppedAsInterrupted() {
        String id = UUID.randomUUID().toString();
        insert(id, "dead-node:1", clock.instant().minus(ImportJobService.STALE).minus(Duration.ofMinutes(1)), 55,
                "writing");
        ImportJob job = jobs.status(id).orElseThrow();
        assertEquals(ImportJob.State.FAILED, job.state());
        assertEquals(100, job.percent());
        assertTrue(job.report().problems().get(0).contains("interrupted"), job.report().problems().toString());
    }

    @Test
    void shouldFinishAJobStartedHereForAnyNodeToRead() throws Exception {
        String id = jobs.start("one.yaml", null, "places: []\n", "admin", "127.0.0.1");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!jobs.status(id).orElseThrow().finished() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        ImportJob job = jobs.status(id).orElseThrow();
        assertEquals(ImportJob.State.APPLIED, job.state(), String.valueOf(job.report()));
        assertEquals(1L, sql.count("select count(*) from import_job where id = ? and state = 'APPLIED'"
                + " and report is not null and node <> ''", id), "stored, with its report, where every node reads it");
        assertEquals(true, jobs.status("no-such-job").isEmpty());
    }

    private void insert(String id, String node, Instant updated, int percent, String phase) {
        sql.update("insert into import_job (id, source, actor, node, started_at, updated_at, state, percent, phase)"
                + " values (?, 'places.yaml', 'admin', ?, ?, ?, 'RUNNING', ?, ?)", id, node,
                java.sql.Timestamp.from(updated.minusSeconds(5)), java.sql.Timestamp.from(updated), percent, phase);
    }
}
