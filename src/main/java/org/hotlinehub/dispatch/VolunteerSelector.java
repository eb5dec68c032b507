package org.hotlinehub.dispatch;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.PlaceType;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.WeeklyCalendar;
import org.hotlinehub.store.CatalogRule;
import org.hotlinehub.store.DispatchDirectory;
import org.hotlinehub.store.PlaceNode;
import org.hotlinehub.store.VolunteerEntity;
import org.hotlinehub.store.VolunteerRepository;
import org.hotlinehub.store.VolunteerRepository.Candidate;

/**
 * Picks a registered volunteer: every skill the catalog entry asks for; on duty now (weekly calendar) and not marked
 * unavailable; nearest home first (the ticket's grid, then the rest of its community, then its street, then anywhere
 * in the district); then the lightest open load; then whoever was offered least recently, so equals take turns.
 */
@ApplicationScoped
public class VolunteerSelector {

    private static final String[] TIER_NAMES = {"grid", "community", "street", "district"};
    /** How an offer's reason names a volunteer (partners by their type). */
    private static final String VOLUNTEER = "volunteer";
    private static final int CANDIDATES_NEARBY = 50;
    private static final int CANDIDATES_ANYWHERE = 200;

    @Inject
    VolunteerRepository volunteers;
    @Inject
    DispatchDirectory directory;
    /** The zone of the volunteers' on-duty calendars (hub.deadlines.zone). */
    @Inject
    ZoneId zone;

    /** Chooses for the ticket's place, given with every place above it (nearest first). */
    public Optional<Choice> choose(CatalogRule rule, List<PlaceNode> chain, Tried tried, Instant now) {
        return choose(rule, chain, tried, now, null);
    }

    /**
     * As above, inside a dispatch chunk whose own offers are not written yet ({@code chunk}; null: write everything
     * first, as for a single re-offer).
     */
    Optional<Choice> choose(CatalogRule rule, List<PlaceNode> chain, Tried tried, Instant now, ChunkOffers chunk) {
        return nearest(rule, chain, tried.volunteers(), now, 1, true, chunk).stream().findFirst();
    }

    /**
     * Up to {@code wanted} volunteers on duty, nearest first, none of {@code excluded}; {@code districtWide} false
     * stops at the ticket's street (an emergency needs someone who can be there in minutes).
     */
    List<Choice> nearest(CatalogRule rule, List<PlaceNode> chain, Collection<Long> excluded, Instant now,
            int wanted, boolean districtWide, ChunkOffers chunk) {
        Optional<PlaceNode> grid = ofType(chain, PlaceType.GRID);
        if (grid.isEmpty() || wanted <= 0) {
            return List.of();
        }
        Optional<PlaceNode> community = ofType(chain, PlaceType.COMMUNITY);
        Optional<PlaceNode> street = ofType(chain, PlaceType.STREET);
        long gridId = grid.get().id();
        long communityId = community.map(PlaceNode::id).orElse(-1L);
        long streetId = street.map(PlaceNode::id).orElse(-1L);
        // Rings outward: the ticket's grid, its community, its street, the whole district. A narrow ring is a cheap
        // indexed query, and most tickets find someone there; the wider rings are looked up only when it is empty.
        List<Supplier<List<Long>>> rings = new ArrayList<>();
        rings.add(() -> List.of(gridId));
        community.ifPresent(c -> rings.add(() -> directory.gridIdsUnder(c.id())));
        street.ifPresent(s -> rings.add(() -> directory.gridIdsUnder(s.id())));
        if (districtWide) {
            rings.add(List::of);
        }
        List<Choice> found = new ArrayList<>(wanted);
        Collection<Long> skip = excluded;
        for (Supplier<List<Long>> ring : rings) {
            List<Long> grids = ring.get();
            pick(rule, chain.get(0), skip, now, gridId, communityId, streetId, grids,
                    grids.isEmpty() ? CANDIDATES_ANYWHERE : CANDIDATES_NEARBY, wanted - found.size(), chunk, found);
            if (found.size() >= wanted) {
                break;
            }
            // a wider ring holds the nearer ones again: leave out those already found
            Set<Long> more = new HashSet<>(excluded);
            found.forEach(c -> more.add(c.volunteer().id));
            skip = more;
        }
        return found;
    }

    private static Optional<PlaceNode> ofType(List<PlaceNode> chain, PlaceType type) {
        return chain.stream().filter(p -> p.type().equals(type.code())).findFirst();
    }

    /** Adds up to {@code wanted} on-duty candidates of the ring to {@code found}. */
    private void pick(CatalogRule rule, PlaceNode place, Collection<Long> excluded, Instant now, long grid,
            long community, long street, List<Long> grids, int limit, int wanted, ChunkOffers chunk,
            List<Choice> found) {
        var at = now.atZone(zone);
        List<Candidate> candidates = chunk == null
                ? volunteers.candidates(rule.skills(), grid, community, street, grids, excluded, now, limit)
                : chunk.reorder(volunteers.candidates(rule.skills(), grid, community, street, grids,
                        excluded, now, limit + chunk.volunteersOffered(), false));
        int added = 0;
        for (var candidate : candidates) {
            if (added >= wanted) {
                return;
            }
            if (WeeklyCalendar.parse(candidate.onDuty()).isOnDuty(at)) {
                VolunteerEntity v = volunteers.getEntityManager().getReference(VolunteerEntity.class,
                        candidate.id());
                String tier = TIER_NAMES[Math.min(candidate.tier(), 3)];
                String near = rule.skills().isEmpty()
                        ? SystemReason.VOLUNTEER_NEAR.text(tier, candidate.openLoad())
                        : SystemReason.VOLUNTEER_NEAR_SKILLS.text(tier, String.join(", ", rule.skills()),
                                candidate.openLoad());
                found.add(Choice.volunteer(v, candidate.code(),
                        SystemReason.OFFER_BY_CATALOG.text(place.type(), place.code(),
                                VOLUNTEER, candidate.code(), rule.code()) + near));
                added++;
            }
        }
    }
}
