package org.hotlinehub.model;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a passing failure from one that will happen again. Passing: the database or the broker cannot be reached or
 * is shutting down, the connection pool had nothing free in time, a lock conflict or deadlock, or the message cannot
 * be handled yet ({@link RetryLaterException}). Work that failed for a passing reason is retried without a deadline,
 * never dead-lettered; anything else is retried a few times and then kept as a dead letter with its reason.
 */
public final class Failures {

    /** SQLSTATE classes and codes of passing trouble: connection (08), resources (53), operator (57), locks. */
    private static final Set<String> PASSING_STATES = Set.of("40001", "40P01", "55P03", "55006");
    private static final Set<String> PASSING_CLASSES = Set.of("08", "53", "57", "58");
    /** Exceptions of libraries we do not compile against, known by name. */
    private static final Set<String> PASSING_TYPES = Set.of("org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException", "org.hibernate.PessimisticLockException",
            "org.hibernate.exception.LockTimeoutException", "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException", "jakarta.jms.JMSException",
            "org.apache.activemq.artemis.api.core.ActiveMQException");

    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetryLaterException || t instanceof IntakeUnavailableException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && passingState(sql.getSQLState(), sql.getMessage())) {
                return true;
            }
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (PASSING_TYPES.contains(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean passingState(String state, String message) {
        if (state == null) {
            // Agroal's pool timeout carries no SQLSTATE
            return message != null && message.contains("acquisition timeout");
        }
        return PASSING_STATES.contains(state) || state.length() == 5 && PASSING_CLASSES.contains(state.substring(0, 2));
    }

    /** The innermost cause: the reason an operator needs. */
    public static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
