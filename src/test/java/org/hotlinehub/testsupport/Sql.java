package org.hotlinehub.testsupport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/** Plain SQL against the test database, for asserting on rows without going through the code under test. */
@ApplicationScoped
public class Sql {

    @Inject
    AgroalDataSource dataSource;

    public long count(String sql, Object... params) {
        return ((Number) one(sql, params)).longValue();
    }

    public Object one(String sql, Object... params) {
        List<Object> rows = column(sql, params);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row from " + sql + " but got " + rows.size());
        }
        return rows.get(0);
    }

    /** Moves rows into a state a test needs (a closed ticket, an old one) without the code under test. */
    public int update(String sql, Object... params) {
        try (var c = dataSource.getConnection(); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Object> column(String sql, Object... params) {
        try (var c = dataSource.getConnection(); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            List<Object> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
