package org.hotlinehub.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

/** Which failures pass (retried without a deadline) and which are poison (dead-lettered after a few tries). */
class FailuresTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException("route failed", new IllegalStateException("bean failed", cause));
    }

    @Test
    void shouldTreatAnUnreachableOrRestartingDatabaseAndLockConflictsAsPassing() {
        assertTrue(Failures.isTransient(wrapped(new SQLException("I/O error", "08006"))));
        assertTrue(Failures.isTransient(wrapped(new SQLException("terminating connection", "57P01"))));
        assertTrue(Failures.isTransient(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertTrue(Failures.isTransient(wrapped(new SQLException("could not serialize", "40001"))));
        assertTrue(Failures.isTransient(wrapped(new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(Failures.isTransient(wrapped(new SQLTransientConnectionException("pool closed"))));
        assertTrue(Failures.isTransient(wrapped(new RetryLaterException("no ticket yet"))));
        assertTrue(Failures.isTransient(new IntakeUnavailableException("broker away", null)));
    }

    @Test
    void shouldTreatBadDataAndBugsAsPoison() {
        assertFalse(Failures.isTransient(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(Failures.isTransient(wrapped(new SQLException("invalid byte sequence", "22021"))));
        assertFalse(Failures.isTransient(new IllegalStateException("a bug")));
        assertFalse(Failures.isTransient(new IllegalArgumentException("not a contact")));
    }

    @Test
    void shouldNameTheInnermostCause() {
        SQLException cause = new SQLException("deadlock detected", "40P01");
        assertEquals(cause, Failures.rootCause(wrapped(cause)));
    }
}
