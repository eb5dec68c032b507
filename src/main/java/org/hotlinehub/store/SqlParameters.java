package org.hotlinehub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Binds the parameters of the read-side SQL queries; a {@code String[]} becomes a {@code text[]} for {@code any(?)}. */
public final class SqlParameters {

    private SqlParameters() {
    }

    /** @return the next free parameter index */
    public static int bind(Connection c, PreparedStatement st, int first, List<Object> params) throws SQLException {
        int i = first;
        for (Object p : params) {
            if (p instanceof String[] values) {
                st.setArray(i++, c.createArrayOf("text", values));
            } else {
                st.setObject(i++, p);
            }
        }
        return i;
    }
}
