package org.hotlinehub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import jakarta.persistence.EntityManager;

/**
 * Binds the parameters of the read-side SQL queries: by position on a JDBC statement, where a {@code String[]} becomes a
 * {@code text[]} for {@code any(?)}, or numbered from 1 on a native query.
 */
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

    /** The rows of a native query whose parameters are numbered from 1 in the order of {@code params}. */
    public static List<Object[]> rows(EntityManager em, String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }
}
