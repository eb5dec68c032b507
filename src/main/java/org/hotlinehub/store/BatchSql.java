package org.hotlinehub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.postgresql.PGStatement;

/**
 * The statements the pipeline's stages run once per batch, over arrays of up to a batch's rows ({@code unnest(?)},
 * {@code any(?)}): planned by PostgreSQL at every execution, with the arrays of that execution.
 *
 * <p>
 * The driver turns a statement run five times into a server-side prepared statement, and the server then keeps one
 * generic plan for it per connection. A generic plan made while a table was small (a new hub, or the first minutes of
 * the benchmark) scans the table whole, and the connection keeps using it as the table grows, until an analyze of the
 * table happens to invalidate it: in the intake benchmark the lookup of a batch's residents read the whole
 * {@code resident} table 1,800 times in a run, 68 ms a batch instead of under 1 ms (BENCHMARKS.md, round 17).
 * Planning once per batch costs a fraction of a millisecond, shared by the batch's rows.
 */
public final class BatchSql {

    private BatchSql() {
    }

    /** A statement of {@code sql} that is parsed and planned each time it runs. */
    public static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }
}
