package org.hotlinehub.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

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
     * The active partner of the first of {@code types} that has one, not among {@code excluded}, whose area is
     * nearest the place whose chain (itself first, then its ancestors) is given and who offers the service (a partner
     * listing no services offers all); equals by code, so the choice is stable. Returns the partner's id, code and
     * type and the matched area's id.
     *
     * <p>Read on every dispatch decision (target P6): one round trip to {@code dispatch_nearest_partner} (V68), which
     * looks the types up in order by partner_area's (place, type) index and stops at the first that answers, with
     * a plan kept per connection. Plain JDBC on the transaction's connection.
     */
    public Optional<NearestPartner> nearestServing(List<String> types, String service, List<Long> placeIdsNearestFirst,
            Collection<Long> excluded) {
        if (placeIdsNearestFirst.isEmpty() || types.isEmpty()) {
            return Optional.empty();
        }
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select partner_id, area_id, partner_code, partner_type from dispatch_nearest_partner(?, ?, ?, ?)")) {
                query.setArray(1, connection.createArrayOf("text", types.toArray()));
                query.setString(2, service);
                query.setArray(3, connection.createArrayOf("bigint", placeIdsNearestFirst.toArray()));
                query.setArray(4, connection.createArrayOf("bigint", excluded.toArray()));
                try (ResultSet row = query.executeQuery()) {
                    return row.next()
                            ? Optional.of(new NearestPartner(row.getLong(1), row.getLong(2), row.getString(3),
                                    row.getString(4)))
                            : Optional.<NearestPartner>empty();
                }
            }
        });
    }

    /** A partner chosen by {@link #nearestServing}, with their code and type, and the area of theirs that matched. */
    public record NearestPartner(long partnerId, long areaId, String code, String type) {
    }
}
