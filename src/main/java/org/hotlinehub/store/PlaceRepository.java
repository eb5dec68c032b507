package org.hotlinehub.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Hibernate;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class PlaceRepository implements PanacheRepository<PlaceEntity> {

    public Optional<PlaceEntity> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public List<PlaceEntity> activeOfType(String type) {
        return list("type = ?1 and active = true order by code", type);
    }

    /** The place and every place above it, nearest first. */
    public List<PlaceEntity> selfAndAncestors(PlaceEntity place) {
        if (place != null && !Hibernate.isInitialized(place)) {
            // One round trip for the whole chain instead of one per level: the rows become managed entities, so
            // the parent links below resolve from the session. Each level is read by the primary key (the rows
            // travel up the recursion, nothing is joined afterwards).
            getEntityManager().createNativeQuery("with recursive chain as (select pl.*, 0 as depth from place pl"
                    + " where pl.id = cast(?1 as bigint) union all select p.*, c.depth + 1 from place p"
                    + " join chain c on p.id = c.parent_id where c.depth < 16) select * from chain order by depth",
                    PlaceEntity.class)
                    .setParameter(1, place.id).getResultList();
        }
        List<PlaceEntity> chain = new ArrayList<>();
        for (PlaceEntity p = place; p != null && chain.size() < 16; p = p.parent) {
            chain.add(p);
        }
        return chain;
    }

    /** The nearest place of the given type at or above this one. */
    public Optional<PlaceEntity> ancestorOfType(PlaceEntity place, String type) {
        return selfAndAncestors(place).stream().filter(p -> p.type.equals(type)).findFirst();
    }
}
