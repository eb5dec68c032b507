package org.hotlinehub.dispatch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.PartnerType;
import org.hotlinehub.store.CatalogEntryEntity;
import org.hotlinehub.store.GenericPlans;
import org.hotlinehub.store.PartnerEntity;
import org.hotlinehub.store.PartnerRepository;
import org.hotlinehub.store.PlaceEntity;
import org.hotlinehub.store.PlaceRepository;

/**
 * The dispatch rule, from data: the catalog entry names a party type and fallback types; for each in turn, the
 * partner of that type whose area is nearest the ticket's place (the compound's own firm before a street-wide
 * provider) and who offers the service, skipping partners that already had this ticket; the type {@code volunteer}
 * picks a registered volunteer ({@link VolunteerSelector}).
 */
@ApplicationScoped
public class PartnerSelector {

    @Inject
    PartnerRepository partners;
    @Inject
    PlaceRepository places;

    @Inject
    VolunteerSelector volunteers;
    @Inject
    Clock clock;
    @Inject
    GenericPlans plans;

    public Optional<Choice> choose(CatalogEntryEntity category, PlaceEntity place, Tried tried) {
        return plans.during(() -> decide(category, place, tried));
    }

    private Optional<Choice> decide(CatalogEntryEntity category, PlaceEntity place, Tried tried) {
        List<PlaceEntity> chain = places.selfAndAncestors(place);
        List<Long> chainIds = chain.stream().map(p -> p.id).toList();
        List<String> types = new ArrayList<>();
        types.add(category.partyType);
        types.addAll(category.fallbackTypes);
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            if (PartnerType.VOLUNTEER.code().equals(type)) {
                Optional<Choice> volunteer = volunteers.choose(category, place, tried, clock.instant());
                if (volunteer.isPresent()) {
                    return volunteer;
                }
                continue;
            }
            var nearest = partners.nearestServing(type, category.code, chainIds, tried.partners());
            if (nearest.isPresent()) {
                PartnerEntity partner = partners.findById(nearest.get().partnerId());
                PlaceEntity area = chain.get(chainIds.indexOf(nearest.get().areaId()));
                return Optional.of(Choice.partner(partner, reason(category, place, area, partner, types, i)));
            }
        }
        return Optional.empty();
    }

    private static String reason(CatalogEntryEntity category, PlaceEntity place, PlaceEntity area,
            PartnerEntity partner, List<String> types, int typeIndex) {
        String typeName = PartnerType.fromCode(partner.type).map(t -> t.nameEn().toLowerCase()).orElse(partner.type);
        StringBuilder why = new StringBuilder()
                .append(place.type).append(' ').append(place.code)
                .append(" → ").append(typeName).append(' ').append(partner.code)
                .append(" by catalog ").append(category.code);
        if (area != place) {
            why.append(" (serves ").append(area.type).append(' ').append(area.code).append(')');
        }
        if (typeIndex > 0) {
            why.append(", fallback after ").append(String.join(", ", types.subList(0, typeIndex)));
        }
        return why.toString();
    }
}
