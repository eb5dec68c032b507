package org.hotlinehub.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * What a dispatch decision reads about the ticket's category and place: from {@link ReferenceCache} when it holds a
 * current snapshot (no round trip), otherwise from the database in the decision's transaction.
 */
@ApplicationScoped
public class DispatchDirectory {

    @Inject
    ReferenceCache cache;
    @Inject
    EntityManager entityManager;

    /** The catalog entry's dispatch rule; reads the entry only when the cache cannot answer. */
    public CatalogRule rule(CatalogEntryEntity category) {
        long id = idOf(category);
        return cache.current().flatMap(s -> s.rule(id)).orElseGet(() -> CatalogRule.of(category));
    }

    /**
     * The catalog version the rules of {@link #rule} are: from the snapshot (no round trip), else the newest
     * published, read in the decision's transaction (only while the snapshot is stale).
     */
    public int catalogVersion() {
        return cache.current().map(ReferenceSnapshot::catalogVersion)
                .orElseGet(() -> ((Number) entityManager.createNativeQuery(CatalogVersionQuery.CURRENT)
                        .getSingleResult()).intValue());
    }

    /** The place and every place above it, nearest first. */
    public List<PlaceNode> chain(PlaceEntity place) {
        long id = idOf(place);
        return cache.current().flatMap(s -> s.chain(id)).orElseGet(() -> entityManager.unwrap(Session.class)
                .doReturningWork(connection -> PlaceChainQuery.read(connection, id)));
    }

    /** Ids of the active grids below a place (a street or community). */
    public List<Long> gridIdsUnder(long placeId) {
        return cache.current().flatMap(s -> s.gridIdsUnder(placeId)).orElseGet(() -> entityManager
                .createQuery("select g.id from PlaceEntity g left join g.parent p1 left join p1.parent p2"
                        + " left join p2.parent p3 where g.type = 'grid' and g.active"
                        + " and (p1.id = :p or p2.id = :p or p3.id = :p)", Long.class)
                .setParameter("p", placeId).getResultList());
    }

    /** The entity's id without loading it (a lazy reference stays unloaded). */
    private long idOf(Object entity) {
        return (Long) entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
    }
}
