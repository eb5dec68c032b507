package org.hotlinehub.store;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class PartnerRepository implements PanacheRepository<PartnerEntity> {

    /** One party type's nearest eligible partner; the query unites one of these per type, in order. */
    private static final String NEAREST_OF_TYPE = "(select p.id, pa.place_id, p.code, p.type from partner_area pa"
            + " join partner p on p.id = pa.partner_id"
            + " where pa.place_id = any(?) and pa.partner_type = ? and p.active and p.id <> all(?)"
            + " and (not exists (select 1 from partner_service s where s.partner_id = p.id)"
            + "  or exists (select 1 from partner_service s where s.partner_id = p.id and s.catalog_code = ?))"
            + " order by array_position(?, pa.place_id), p.code limit 1)";

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
     * <p>One round trip for the party type and its fallbacks, read on every dispatch decision (target P6): a
     * {@code UNION ALL} of one indexed lookup per type (the chain's areas of that type by partner_area's (place, type)
     * index, each of those partners by its key), under a {@code LIMIT 1}. PostgreSQL runs the branches in order and
     * stops at the first row, so a fallback type is read only when the types before it had nobody. The lists go in
     * as arrays, so there is one statement text per number of types and the server keeps its plan; plain JDBC on the
     * transaction's connection, as Hibernate's native-query machinery cost more than the query.
     */
    public Optional<NearestPartner> nearestServing(List<String> types, String service, List<Long> placeIdsNearestFirst,
            Collection<Long> excluded) {
        if (placeIdsNearestFirst.isEmpty() || types.isEmpty()) {
            return Optional.empty();
        }
        String sql = "select * from (" + String.join(" union all ", Collections.nCopies(types.size(), NEAREST_OF_TYPE))
                + ") nearest limit 1";
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                Array chain = connection.createArrayOf("bigint", placeIdsNearestFirst.toArray());
                Array tried = connection.createArrayOf("bigint", excluded.toArray());
                int i = 0;
                for (String type : types) {
                    query.setArray(++i, chain);
                    query.setString(++i, type);
                    query.setArray(++i, tried);
                    query.setString(++i, service);
                    query.setArray(++i, chain);
                }
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
