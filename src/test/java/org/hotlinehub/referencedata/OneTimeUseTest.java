package org.hotlinehub.referencedata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.hotlinehub.model.port.OneTimeUses;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.MovableClock;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A one-time value: first use wins, a retry with the same body passes, a replay fails; expired uses are purged. */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class OneTimeUseTest {

    @Inject
    OneTimeUses uses;
    @Inject
    MovableClock clock;
    @Inject
    Sql sql;

    @Test
    void shouldLetTheFirstUseAndItsRetriesThroughAndRefuseAReplay() {
        String key = "test:" + System.nanoTime();
        Instant keep = clock.instant().plus(Duration.ofHours(1));
        assertTrue(uses.claim(key, "body-a", keep), "first use");
        assertTrue(uses.claim(key, "body-a", keep), "the sender's retry with the same body");
        assertFalse(uses.claim(key, "body-b", keep), "the same value with another body is a replay");
    }

    @Test
    void shouldPurgeExpiredUsesNoMoreThanOnceASecond() {
        String expired = "test-expired:" + System.nanoTime();
        uses.claim(expired, "x", clock.instant().minusSeconds(1));
        // the purge of this claim's second ran already (or ran before the row was expired): a second later it goes
        clock.advance(Duration.ofMillis(OneTimeUseQueries.PURGE_EVERY_MS + 1));
        uses.claim("test-other:" + System.nanoTime(), "y", clock.instant().plusSeconds(60));
        assertEquals(0L, sql.count("select count(*) from one_time_use where use_key = ?", expired));

        String next = "test-expired:" + System.nanoTime();
        uses.claim(next, "x", clock.instant().minusSeconds(1));
        uses.claim("test-other:" + System.nanoTime(), "y", clock.instant().plusSeconds(60));
        assertEquals(1L, sql.count("select count(*) from one_time_use where use_key = ?", next),
                "within the same second no second purge");
    }
}
