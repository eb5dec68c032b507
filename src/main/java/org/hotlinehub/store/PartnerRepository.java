package org.hotlinehub.store;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class PartnerRepository implements PanacheRepository<PartnerEntity> {

    public Optional<PartnerEntity> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public Optional<PartnerEntity> findActiveByApiKeyHash(String hash) {
        return find("apiKeyHash = ?1 and active = true", hash).firstResultOptional();
    }

    /**
     * Active partners of a type whose areas include one of the given places, with the area they matched; ordered by
     * how near that area is (the index in {@code placeIdsNearestFirst}), then by code for a stable choice.
     */
    public List<PartnerEntity> activeOfTypeServing(String type, List<Long> placeIdsNearestFirst) {
        if (placeIdsNearestFirst.isEmpty()) {
            return List.of();
        }
        // One round trip: the candidates with their areas and services, which the choice needs next.
        List<PartnerEntity> found = getEntityManager()
                .createQuery("select distinct p from PartnerEntity p left join fetch p.areas left join fetch p.services"
                        + " where p.type = :type and p.active = true and p.id in (select q.id from PartnerEntity q"
                        + " join q.areas a where a.id in :places)", PartnerEntity.class)
                .setParameter("type", type)
                .setParameter("places", placeIdsNearestFirst)
                .getResultList();
        found = new java.util.ArrayList<>(found);
        found.sort((a, b) -> {
            int byDistance = Integer.compare(placeIdsNearestFirst.indexOf(nearestArea(a, placeIdsNearestFirst).id),
                    placeIdsNearestFirst.indexOf(nearestArea(b, placeIdsNearestFirst).id));
            return byDistance != 0 ? byDistance : a.code.compareTo(b.code);
        });
        return found;
    }

    /** The partner's area that is nearest the place whose chain (itself first, then its ancestors) is given. */
    public static PlaceEntity nearestArea(PartnerEntity partner, List<Long> placeIdsNearestFirst) {
        return partner.areas.stream().filter(a -> placeIdsNearestFirst.contains(a.id))
                .min(Comparator.comparingInt(a -> placeIdsNearestFirst.indexOf(a.id))).orElseThrow();
    }
}
