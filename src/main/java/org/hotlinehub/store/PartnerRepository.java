package org.hotlinehub.store;

import java.sql.Array;
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

    private static final String NEAREST_SERVING = "select p.id, pa.place_id, p.code, p.type from partner_area pa"
            + " join partner p on p.id = pa.partner_id"
            + " where pa.place_id = any(?) and pa.partner_type = ? and p.active and p.id <> all(?)"
            + " and (not exists (select 1 from partner_service s where s.partner_id = p.id)"
            + "  or exists (select 1 from partner_service s where s.partner_id = p.id and s.catalog_code = ?))"
            + " order by array_position(?, pa.place_id), p.code limit 1";

    public Optional<PartnerEntity> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public Optional<PartnerEntity> findActiveByApiKeyHash(String hash) {
        return find("apiKeyHash = ?1 and active = true", hash).firstResultOptional();
    }

    /**
     * The active partner of a type, not among {@code excluded}, whose area is nearest the place whose chain (itself
     * first, then its ancestors) is given and who offers the service (a partner listing no services offers all);
     * equals by code, so the choice is stable. Returns the partner's id, code and type and the matched area's id.
     *
     * <p>One indexed query, read on every dispatch decision (target P6): the chain's areas of that partner type by
     * partner_area's (place, type) index, each of those partners by its key. The lists go in as arrays so the
     * statement text never changes and the server keeps one plan for it; plain JDBC on the transaction's connection,
     * as Hibernate's native-query machinery cost more than the query. (One query for the party type and all its
     * fallbacks at once was measured too: it reads every area of the fallback types even when the first type answers,
     * and the median decision got slower.)
     */
    public Optional<NearestPartner> nearestServing(String type, String service, List<Long> placeIdsNearestFirst,
            Collection<Long> excluded) {
        if (placeIdsNearestFirst.isEmpty()) {
            return Optional.empty();
        }
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(NEAREST_SERVING)) {
                Array chain = connection.createArrayOf("bigint", placeIdsNearestFirst.toArray());
                query.setArray(1, chain);
                query.setString(2, type);
                query.setArray(3, connection.createArrayOf("bigint", excluded.toArray()));
                query.setString(4, service);
                query.setArray(5, chain);
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
