package org.hotlinehub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads a place and its ancestors, nearest first, in one round trip (each level by the primary key). */
final class PlaceChainQuery {

    private static final String CHAIN = "with recursive chain as (select id, parent_id, type, code, active, 0 as depth"
            + " from place where id = ? union all select p.id, p.parent_id, p.type, p.code, p.active, c.depth + 1"
            + " from place p join chain c on p.id = c.parent_id where c.depth < " + (ReferenceSnapshot.MAX_DEPTH - 1)
            + ") select id, parent_id, type, code, active from chain order by depth";

    private PlaceChainQuery() {
    }

    static List<PlaceNode> read(Connection connection, long placeId) throws SQLException {
        List<PlaceNode> chain = new ArrayList<>(6);
        try (PreparedStatement query = connection.prepareStatement(CHAIN)) {
            query.setLong(1, placeId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    chain.add(node(row));
                }
            }
        }
        return chain;
    }

    /** Maps a row of (id, parent_id, type, code, active). */
    static PlaceNode node(ResultSet row) throws SQLException {
        long parentId = row.getLong(2);
        Long parent = row.wasNull() ? null : parentId; // wasNull speaks of the column read last
        return new PlaceNode(row.getLong(1), parent, row.getString(3), row.getString(4), row.getBoolean(5));
    }
}
