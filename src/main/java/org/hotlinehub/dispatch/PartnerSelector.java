package org.hotlinehub.dispatch;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.PartnerType;
import org.hotlinehub.store.CatalogEntryEntity;
import org.hotlinehub.store.CatalogRule;
import org.hotlinehub.store.DispatchDirectory;
import org.hotlinehub.store.PartnerEntity;
import org.hotlinehub.store.PartnerRepository;
import org.hotlinehub.store.PartnerRepository.NearestPartner;
import org.hotlinehub.store.PlaceEntity;
import org.hotlinehub.store.PlaceNode;

/**
 * The dispatch rule, from data: the catalog entry names a party type and fallback types; for each in turn, the
 * partner of that type whose area is nearest the ticket's place (the compound's own firm before a street-wide
 * provider) and who offers the service, skipping partners that already had this ticket; the type {@code volunteer}
 * picks a registered volunteer ({@link VolunteerSelector}).
 *
 * <p>The rule and the place hierarchy come from memory when the {@link DispatchDirectory} holds them, so a decision
 * is one query for the party type and its fallbacks (target P6); the chosen partner is referenced, not loaded.
 */
@ApplicationScoped
public class PartnerSelector {

    @Inject
    PartnerRepository partners;
    @Inject
    DispatchDirectory directory;
    @Inject
    VolunteerSelector volunteers;
    @Inject
    Clock clock;

    public Optional<Choice> choose(CatalogEntryEntity category, PlaceEntity place, Tried tried) {
        CatalogRule rule = directory.rule(category);
        List<PlaceNode> chain = directory.chain(place);
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        List<Long> chainIds = chain.stream().map(PlaceNode::id).toList();
        List<String> types = rule.partyTypes();
        int i = 0;
        while (i < types.size()) {
            if (PartnerType.VOLUNTEER.code().equals(types.get(i))) {
                Optional<Choice> volunteer = volunteers.choose(rule, chain, tried, clock.instant());
                if (volunteer.isPresent()) {
                    return volunteer;
                }
                i++;
                continue;
            }
            // the partner types up to the next volunteer entry are looked up together, in order
            int end = i;
            while (end < types.size() && !PartnerType.VOLUNTEER.code().equals(types.get(end))) {
                end++;
            }
            List<String> run = types.subList(i, end);
            Optional<NearestPartner> nearest = partners.nearestServing(run, rule.code(), chainIds, tried.partners());
            if (nearest.isPresent()) {
                NearestPartner found = nearest.get();
                PartnerEntity partner = partners.getEntityManager().getReference(PartnerEntity.class,
                        found.partnerId());
                PlaceNode area = chain.get(chainIds.indexOf(found.areaId()));
                int typeIndex = i + run.indexOf(found.type());
                return Optional.of(Choice.partner(partner, reason(rule, chain.get(0), area, found, types, typeIndex)));
            }
            i = end;
        }
        return Optional.empty();
    }

    private static String reason(CatalogRule rule, PlaceNode place, PlaceNode area, NearestPartner partner,
            List<String> types, int typeIndex) {
        String typeName = PartnerType.fromCode(partner.type()).map(t -> t.nameEn().toLowerCase())
                .orElse(partner.type());
        StringBuilder why = new StringBuilder()
                .append(place.type()).append(' ').append(place.code())
                .append(" → ").append(typeName).append(' ').append(partner.code())
                .append(" by catalog ").append(rule.code());
        if (area.id() != place.id()) {
            why.append(" (serves ").append(area.type()).append(' ').append(area.code()).append(')');
        }
        if (typeIndex > 0) {
            why.append(", fallback after ").append(String.join(", ", types.subList(0, typeIndex)));
        }
        return why.toString();
    }
}
