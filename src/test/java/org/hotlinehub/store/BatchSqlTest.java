package org.hotlinehub.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A batch statement is planned at every execution: on the hub's own pooled connections it never becomes a
 * server-side prepared statement (whose generic plan the server would keep), while a plain one does after the driver's
 * five executions. Made on the real pool, so a wrapper that stopped passing the setting on would fail here.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class BatchSqlTest {

    private static final String SQL = "select count(*) from resident where phone = any(?) /* batch-sql-test %s */";

    @Inject
    AgroalDataSource db;

    @Test
    void shouldNeverPrepareABatchStatementOnTheServer() throws Exception {
        try (Connection c = db.getConnection()) {
            for (int i = 0; i < 12; i++) {
                try (PreparedStatement batch = BatchSql.prepare(c, SQL.formatted("batch"));
                        PreparedStatement plain = c.prepareStatement(SQL.formatted("plain"))) {
                    run(c, batch);
                    run(c, plain);
                }
            }
            assertEquals(0, serverPrepared(c, "batch"), "a batch statement kept on the server");
            assertEquals(1, serverPrepared(c, "plain"), "the check itself: a plain statement is kept after five runs");
        }
    }

    private static void run(Connection c, PreparedStatement st) throws SQLException {
        st.setArray(1, c.createArrayOf("text", new String[]{"+8613800000000", "+8613900000000"}));
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
        }
    }

    private static int serverPrepared(Connection c, String tag) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "select count(*) from pg_prepared_statements where statement like ?")) {
            st.setString(1, "%batch-sql-test " + tag + " %");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
