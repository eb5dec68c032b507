package org.hotlinehub.store;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * What intake classifies and locates a contact by, and what an offer names its place by: the active catalog entries with their keywords and every place
 * with its names, aliases and point, held in memory until either table changes ({@link ReferenceMemo}), so a batch of
 * contacts is classified and located without a database round trip.
 */
@ApplicationScoped
public class ReferenceLookup {

    /** An active catalog entry as the classifier reads it. */
    public record Term(long id, String code, String urgency, List<String> keywordsZh, List<String> keywordsEn) {
    }

    /** A place as the locator reads it. */
    public record Spot(long id, Long parentId, String code, String type, boolean active, String nameZh,
            String nameEn, String address, List<String> aliases, Double lat, Double lon) {
    }

    private record Snapshot(List<Term> terms, Map<String, Term> termsByCode, Map<Long, Spot> places,
            Map<String, Spot> placesByCode, Map<String, List<Spot>> activeByType, Map<Long, Long[]> relatedTerms,
            Map<Long, Long[]> within) {
    }

    @Inject
    EntityManager entityManager;
    @Inject
    ReferenceCache cache;

    private ReferenceMemo<Snapshot> memo;

    @PostConstruct
    void init() {
        memo = new ReferenceMemo<>(cache,
                () -> entityManager.unwrap(Session.class).doReturningWork(ReferenceLookup::read));
    }

    /** The active catalog entries, in the catalog's order (group, then code). */
    public List<Term> activeTerms() {
        return memo.get().terms();
    }

    public Optional<Term> activeTerm(String code) {
        return Optional.ofNullable(code).map(memo.get().termsByCode()::get);
    }

    public Optional<Spot> place(long id) {
        return Optional.ofNullable(memo.get().places().get(id));
    }

    public Optional<Spot> activePlace(String code) {
        return Optional.ofNullable(code).map(memo.get().placesByCode()::get).filter(Spot::active);
    }

    /** The active places of a type, in code order. */
    public List<Spot> activeOfType(String type) {
        return memo.get().activeByType().getOrDefault(type, List.of());
    }

    /** The nearest place of the given type at or above this one. */
    public Optional<Spot> ancestorOfType(Spot place, String type) {
        Map<Long, Spot> places = memo.get().places();
        Spot p = place;
        for (int depth = 0; p != null && depth < ReferenceSnapshot.MAX_DEPTH; depth++) {
            if (type.equals(p.type())) {
                return Optional.of(p);
            }
            p = p.parentId() == null ? null : places.get(p.parentId());
        }
        return Optional.empty();
    }

    /**
     * The active catalog entries of this one's group that may be one incident many residents report (catalog
     * {@code incidents: true}), itself included; none when this entry is not such a need (a household's own need, a
     * resident's call for help), which then never joins or becomes an incident.
     */
    public Long[] incidentCategoryIds(long categoryId) {
        return memo.get().relatedTerms().getOrDefault(categoryId, new Long[0]);
    }

    /** The ids of this place and of every place below it, worked out once per snapshot. */
    public Long[] placesWithin(Spot area) {
        Snapshot s = memo.get();
        return s.within().computeIfAbsent(area.id(), id -> s.places().values().stream()
                .filter(p -> isWithin(s.places(), p, id)).map(Spot::id).sorted().toArray(Long[]::new));
    }

    private static boolean isWithin(Map<Long, Spot> places, Spot place, long areaId) {
        Spot p = place;
        for (int depth = 0; p != null && depth < ReferenceSnapshot.MAX_DEPTH; depth++) {
            if (p.id() == areaId) {
                return true;
            }
            p = p.parentId() == null ? null : places.get(p.parentId());
        }
        return false;
    }

    /** The catalog entry as an association of an entity being written (no read). */
    public CatalogEntryEntity categoryReference(Term term) {
        return entityManager.getReference(CatalogEntryEntity.class, term.id());
    }

    /** The place as an association of an entity being written (no read). */
    public PlaceEntity placeReference(Spot spot) {
        return entityManager.getReference(PlaceEntity.class, spot.id());
    }

    private static Snapshot read(java.sql.Connection connection) throws SQLException {
        List<Term> terms = new ArrayList<>();
        Map<String, Term> termsByCode = new HashMap<>();
        Map<Long, Spot> places = new HashMap<>();
        Map<String, Spot> placesByCode = new HashMap<>();
        Map<String, List<Spot>> activeByType = new HashMap<>();
        Map<String, List<Long>> groups = new HashMap<>();
        Map<Long, String> groupOf = new HashMap<>();
        try (Statement query = connection.createStatement()) {
            try (ResultSet row = query.executeQuery("select id, code, urgency, keywords_zh, keywords_en, group_code,"
                    + " incidents from catalog_entry where active order by group_code, code")) {
                while (row.next()) {
                    Term t = new Term(row.getLong(1), row.getString(2), row.getString(3), strings(row.getArray(4)),
                            strings(row.getArray(5)));
                    terms.add(t);
                    termsByCode.put(t.code(), t);
                    if (row.getBoolean(7)) {
                        // only needs that many residents may report as one problem are compared (issue 21)
                        String group = row.getString(6) == null ? t.code() : row.getString(6);
                        groupOf.put(t.id(), group);
                        groups.computeIfAbsent(group, g -> new ArrayList<>()).add(t.id());
                    }
                }
            }
            try (ResultSet row = query.executeQuery("select id, parent_id, code, type, active, name_zh, name_en,"
                    + " address, aliases, lat, lon from place order by code")) {
                while (row.next()) {
                    long parent = row.getLong(2);
                    Long parentId = row.wasNull() ? null : parent;
                    double lat = row.getDouble(10);
                    Double latOrNull = row.wasNull() ? null : lat;
                    double lon = row.getDouble(11);
                    Double lonOrNull = row.wasNull() ? null : lon;
                    Spot s = new Spot(row.getLong(1), parentId, row.getString(3), row.getString(4),
                            row.getBoolean(5), row.getString(6), row.getString(7), row.getString(8),
                            strings(row.getArray(9)), latOrNull, lonOrNull);
                    places.put(s.id(), s);
                    placesByCode.put(s.code(), s);
                    if (s.active()) {
                        activeByType.computeIfAbsent(s.type(), k -> new ArrayList<>()).add(s);
                    }
                }
            }
        }
        activeByType.replaceAll((type, list) -> List.copyOf(list));
        Map<Long, Long[]> related = new HashMap<>();
        groupOf.forEach((id, group) -> related.put(id, groups.get(group).toArray(Long[]::new)));
        return new Snapshot(List.copyOf(terms), Collections.unmodifiableMap(termsByCode),
                Collections.unmodifiableMap(places), Collections.unmodifiableMap(placesByCode),
                Collections.unmodifiableMap(activeByType), Collections.unmodifiableMap(related),
                new ConcurrentHashMap<>());
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return java.util.Arrays.stream((String[]) array.getArray()).filter(java.util.Objects::nonNull).toList();
    }
}
