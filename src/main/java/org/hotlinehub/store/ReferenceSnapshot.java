package org.hotlinehub.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The place hierarchy and the catalog's dispatch rules as committed at one moment, held in memory so a dispatch
 * decision does not read them from the database (target P6). Immutable; {@link ReferenceCache} replaces it whole.
 */
public final class ReferenceSnapshot {

    /** Deeper than any real hierarchy (district, street, community, grid, compound, building): stops a cycle. */
    static final int MAX_DEPTH = 16;
    private static final String GRID = "grid";
    /** A grid belongs to the rings of its parent, grandparent and great-grandparent (community, street, district). */
    private static final int GRID_RING_LEVELS = 3;

    private final Map<Long, PlaceNode> places;
    private final Map<Long, List<Long>> gridsUnder;
    private final Map<Long, CatalogRule> rules;
    private final int catalogVersion;

    ReferenceSnapshot(List<PlaceNode> places, List<CatalogRule> rules) {
        this(places, rules, 0);
    }

    ReferenceSnapshot(List<PlaceNode> places, List<CatalogRule> rules, int catalogVersion) {
        this.catalogVersion = catalogVersion;
        this.places = new HashMap<>(places.size() * 2);
        for (PlaceNode p : places) {
            this.places.put(p.id(), p);
        }
        this.gridsUnder = new HashMap<>();
        for (PlaceNode p : places) {
            if (p.active() && GRID.equals(p.type())) {
                PlaceNode above = p;
                for (int level = 0; level < GRID_RING_LEVELS && above.parentId() != null; level++) {
                    above = this.places.get(above.parentId());
                    if (above == null) {
                        break;
                    }
                    gridsUnder.computeIfAbsent(above.id(), k -> new ArrayList<>()).add(p.id());
                }
            }
        }
        gridsUnder.replaceAll((id, grids) -> List.copyOf(grids));
        this.rules = new HashMap<>();
        for (CatalogRule r : rules) {
            this.rules.put(r.id(), r);
        }
    }

    /** Reads both tables on a connection that sees only committed rows. */
    static ReferenceSnapshot read(Connection connection) throws SQLException {
        List<PlaceNode> places = new ArrayList<>();
        List<CatalogRule> rules = new ArrayList<>();
        int version = 0;
        try (Statement query = connection.createStatement()) {
            try (ResultSet row = query.executeQuery("select id, parent_id, type, code, active from place")) {
                while (row.next()) {
                    places.add(PlaceChainQuery.node(row));
                }
            }
            // the rules and the version they belong to in one statement, so one snapshot of the database: a
            // publication commits both together (referencedata/CatalogVersions)
            try (ResultSet row = query.executeQuery(CatalogVersionQuery.RULES_WITH_VERSION)) {
                while (row.next()) {
                    version = row.getInt(6);
                    if (row.getObject(1) != null) {
                        rules.add(new CatalogRule(row.getLong(1), row.getString(2), row.getString(3),
                                strings(row.getArray(4)), strings(row.getArray(5))));
                    }
                }
            }
        }
        return new ReferenceSnapshot(places, rules, version);
    }

    /** The place and every place above it, nearest first; empty when the place (or a parent) is not held. */
    public Optional<List<PlaceNode>> chain(long placeId) {
        List<PlaceNode> chain = new ArrayList<>(6);
        PlaceNode p = places.get(placeId);
        while (p != null && chain.size() < MAX_DEPTH) {
            chain.add(p);
            if (p.parentId() == null) {
                return Optional.of(List.copyOf(chain));
            }
            p = places.get(p.parentId());
        }
        return p == null ? Optional.empty() : Optional.of(List.copyOf(chain));
    }

    /** Active grids whose parent, grandparent or great-grandparent is the place; empty when the place is not held. */
    public Optional<List<Long>> gridIdsUnder(long placeId) {
        return places.containsKey(placeId)
                ? Optional.of(gridsUnder.getOrDefault(placeId, List.of()))
                : Optional.empty();
    }

    public Optional<CatalogRule> rule(long catalogEntryId) {
        return Optional.ofNullable(rules.get(catalogEntryId));
    }

    /** The catalog version these rules are (0 before the first publication). */
    public int catalogVersion() {
        return catalogVersion;
    }

    int places() {
        return places.size();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
