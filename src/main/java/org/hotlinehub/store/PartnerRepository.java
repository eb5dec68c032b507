package org.hotlinehub.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class PartnerRepository implements PanacheRepository<PartnerEntity> {

    /** Lookups held per generation of the reference cache at most; beyond, the others are read each time. */
    static final int NEAREST_HELD = 20_000;

    @Inject
    ReferenceCache cache;

    private volatile NearestHeld nearestHeld = new NearestHeld(-1);

    /** What {@link #nearestServing} found with nobody excluded, for one generation of the reference cache. */
    private static final class NearestHeld {

        final long generation;
        final Map<NearestKey, Optional<NearestPartner>> found = new ConcurrentHashMap<>();

        NearestHeld(long generation) {
            this.generation = generation;
        }
    }

    private record NearestKey(List<String> types, String service, List<Long> chain) {
    }

    public Optional<PartnerEntity> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public Optional<PartnerEntity> findActiveByApiKeyHash(String hash) {
        return find("apiKeyHash = ?1 and active = true", hash).firstResultOptional();
    }

    /**
     * The active partner of the first of {@code types} that has one, not among {@code excluded}, whose area is
     * nearest the place whose chain (itself first, then its ancestors) is given and who offers the service (a partner
     * listing no services offers all); equals by code, so the choice is stable. Returns the partner's id, code and
     * type and the matched area's id.
     *
     * <p>Read on every dispatch decision (target P6): one round trip to {@code dispatch_nearest_partner} (V68), which
     * looks the types up in order by partner_area's (place, type) index and stops at the first that answers, with
     * a plan kept per connection. Plain JDBC on the transaction's connection. What a lookup with nobody excluded
     * found (a new ticket's first offer) is held in memory until the {@link ReferenceCache} changes generation: any
     * committed change to partners, their areas or services, places or catalog entries (V67, V80). While the cache
     * holds nothing (not listening, or this transaction changed reference data) every lookup reads the database.
     */
    public Optional<NearestPartner> nearestServing(List<String> types, String service, List<Long> placeIdsNearestFirst,
            Collection<Long> excluded) {
        if (placeIdsNearestFirst.isEmpty() || types.isEmpty()) {
            return Optional.empty();
        }
        if (!excluded.isEmpty() || cache.current().isEmpty()) {
            return nearestFromDatabase(types, service, placeIdsNearestFirst, excluded);
        }
        // the generation is read before the query: a change committed meanwhile starts a new generation, and what
        // was read goes into the old one, which nobody reads again
        long generation = cache.generation();
        NearestHeld held = nearestHeld;
        if (held.generation != generation) {
            held = new NearestHeld(generation);
            nearestHeld = held;
        }
        NearestKey key = new NearestKey(List.copyOf(types), service, List.copyOf(placeIdsNearestFirst));
        Optional<NearestPartner> found = held.found.get(key);
        if (found == null) {
            found = nearestFromDatabase(types, service, placeIdsNearestFirst, excluded);
            if (held.found.size() < NEAREST_HELD) {
                held.found.put(key, found);
            }
        }
        return found;
    }

    private Optional<NearestPartner> nearestFromDatabase(List<String> types, String service,
            List<Long> placeIdsNearestFirst, Collection<Long> excluded) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select d.partner_id, d.area_id, d.partner_code, d.partner_type, p.delivery_channel,"
                            + " p.give_up_after_s from dispatch_nearest_partner(?, ?, ?, ?) d"
                            + " join partner p on p.id = d.partner_id")) {
                query.setArray(1, connection.createArrayOf("text", types.toArray()));
                query.setString(2, service);
                query.setArray(3, connection.createArrayOf("bigint", placeIdsNearestFirst.toArray()));
                query.setArray(4, connection.createArrayOf("bigint", excluded.toArray()));
                try (ResultSet row = query.executeQuery()) {
                    return row.next()
                            ? Optional.of(new NearestPartner(row.getLong(1), row.getLong(2), row.getString(3),
                                    row.getString(4), row.getString(5), (Long) row.getObject(6)))
                            : Optional.<NearestPartner>empty();
                }
            }
        });
    }

    /**
     * A partner chosen by {@link #nearestServing}, with their code, type, delivery channel and own give-up time (null:
     * the hub's), and the area of theirs that matched.
     */
    public record NearestPartner(long partnerId, long areaId, String code, String type, String deliveryChannel,
            Long giveUpAfterSeconds) {
    }
}
