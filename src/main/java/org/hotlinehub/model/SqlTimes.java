package org.hotlinehub.model;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Time columns read by native queries, which the driver hands over as Timestamp, OffsetDateTime or Instant. */
public final class SqlTimes {

    private SqlTimes() {
    }

    /** The column's instant; null for SQL NULL. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("not a time: " + value);
    }
}
