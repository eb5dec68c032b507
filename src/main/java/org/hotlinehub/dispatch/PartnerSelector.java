package org.hotlinehub.dispatch;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.PartnerType;
import org.hotlinehub.model.SystemReason;
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
 * is one query for the party type and its fallbacks (target P6); the chosen partner is referenced, not loaded. The
 * choice carries the catalog version the rules were read from, from the same memory (no query).
 *
 * <p>A dry run of a catalog draft ({@code referencedata/CatalogVersions}) calls this same method inside a transaction
 * that has written the draft and is rolled back, so its predictions are this rule's decisions, not a copy of it.
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
        return choose(category, place, tried, null);
    }

    /** As above, inside a dispatch chunk whose own offers are not written yet (see {@link ChunkOffers}). */
    Optional<Choice> choose(CatalogEntryEntity category, PlaceEntity place, Tried tried, ChunkOffers chunk) {
        CatalogRule rule = directory.rule(category);
        List<PlaceNode> chain = directory.chain(place);
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        int version = directory.catalogVersion();
        List<String> types = rule.partyTypes();
        int i = 0;
        while (i < types.size()) {
            boolean volunteer = isVolunteer(types.get(i));
            int end = volunteer ? i + 1 : endOfPartnerTypes(types, i);
            Optional<Choice> choice = volunteer
                    ? volunteers.choose(rule, chain, tried, clock.instant(), chunk)
                    : nearestPartner(rule, chain, tried, types, i, end);
            if (choice.isPresent()) {
                return Optional.of(choice.get().byVersion(version));
            }
            i = end;
        }
        return Optional.empty();
    }

    private static boolean isVolunteer(String type) {
        return PartnerType.VOLUNTEER.code().equals(type);
    }

    /** Where the partner types starting at {@code from} end: at the next volunteer entry, or the list's end. */
    private static int endOfPartnerTypes(List<String> types, int from) {
        int end = from;
        while (end < types.size() && !isVolunteer(types.get(end))) {
            end++;
        }
        return end;
    }

    /** The partner types {@code types[from, to)} looked up together, in order (one round trip). */
    private Optional<Choice> nearestPartner(CatalogRule rule, List<PlaceNode> chain, Tried tried, List<String> types,
            int from, int to) {
        List<Long> chainIds = chain.stream().map(PlaceNode::id).toList();
        List<String> run = types.subList(from, to);
        return partners.nearestServing(run, rule.code(), chainIds, tried.partners()).map(found -> {
            PartnerEntity partner = partners.getEntityManager().getReference(PartnerEntity.class, found.partnerId());
            PlaceNode area = chain.get(chainIds.indexOf(found.areaId()));
            int typeIndex = from + run.indexOf(found.type());
            return Choice.partner(partner, Choice.Party.of(found),
                    reason(rule, chain.get(0), area, found, types, typeIndex));
        });
    }

    private static String reason(CatalogRule rule, PlaceNode place, PlaceNode area, NearestPartner partner,
            List<String> types, int typeIndex) {
        String typeName = PartnerType.fromCode(partner.type()).map(t -> t.nameEn().toLowerCase())
                .orElse(partner.type());
        StringBuilder why = new StringBuilder(
                SystemReason.OFFER_BY_CATALOG.text(place.type(), place.code(), typeName, partner.code(), rule.code()));
        if (area.id() != place.id()) {
            why.append(SystemReason.SERVES_AREA.text(area.type(), area.code()));
        }
        if (typeIndex > 0) {
            why.append(SystemReason.FALLBACK_AFTER.text(String.join(", ", types.subList(0, typeIndex))));
        }
        return why.toString();
    }
}
