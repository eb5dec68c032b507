package org.hotlinehub.dispatch;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.PlaceType;
import org.hotlinehub.model.WeeklyCalendar;
import org.hotlinehub.store.CatalogEntryEntity;
import org.hotlinehub.store.PlaceEntity;
import org.hotlinehub.store.PlaceRepository;
import org.hotlinehub.store.VolunteerEntity;
import org.hotlinehub.store.VolunteerRepository;

/**
 * Picks a registered volunteer: every skill the catalog entry asks for; on duty now (weekly calendar) and not marked
 * unavailable; nearest home first (the ticket's grid, then the rest of its community, then its street, then anywhere
 * in the district); then the lightest open load; then whoever was offered least recently, so equals take turns.
 */
@ApplicationScoped
public class VolunteerSelector {

    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final String[] TIER_NAMES = {"same grid", "same community", "same street", "same district"};
    private static final int CANDIDATES_NEARBY = 50;
    private static final int CANDIDATES_ANYWHERE = 200;

    @Inject
    VolunteerRepository volunteers;
    @Inject
    PlaceRepository places;

    public Optional<Choice> choose(CatalogEntryEntity category, PlaceEntity place, Tried tried, Instant now) {
        Optional<PlaceEntity> grid = places.ancestorOfType(place, PlaceType.GRID.code());
        if (grid.isEmpty()) {
            return Optional.empty();
        }
        Optional<PlaceEntity> community = places.ancestorOfType(place, PlaceType.COMMUNITY.code());
        Optional<PlaceEntity> street = places.ancestorOfType(place, PlaceType.STREET.code());
        long communityId = community.map(p -> p.id).orElse(-1L);
        long streetId = street.map(p -> p.id).orElse(-1L);
        // Rings outward: the ticket's grid, its community, its street, the whole district. A narrow ring is a cheap
        // indexed query, and most tickets find someone there; the wider rings are looked up only when it is empty.
        List<Supplier<List<Long>>> rings = new ArrayList<>();
        rings.add(() -> List.of(grid.get().id));
        community.ifPresent(c -> rings.add(() -> places.gridIdsUnder(c)));
        street.ifPresent(s -> rings.add(() -> places.gridIdsUnder(s)));
        rings.add(List::of);
        for (Supplier<List<Long>> ring : rings) {
            List<Long> grids = ring.get();
            Optional<Choice> found = pick(category, place, tried, now, grid.get().id, communityId, streetId, grids,
                    grids.isEmpty() ? CANDIDATES_ANYWHERE : CANDIDATES_NEARBY);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<Choice> pick(CatalogEntryEntity category, PlaceEntity place, Tried tried, Instant now, long grid,
            long community, long street, List<Long> grids, int limit) {
        var at = now.atZone(LOCAL);
        for (var candidate : volunteers.candidates(category.skills, grid, community, street, grids,
                tried.volunteers(), now, limit)) {
            if (WeeklyCalendar.parse(candidate.onDuty()).isOnDuty(at)) {
                VolunteerEntity v = volunteers.findById(candidate.id());
                String skills = category.skills.isEmpty() ? "" : "; skills " + String.join(", ", category.skills);
                return Optional.of(Choice.volunteer(v, place.type + " " + place.code + " → volunteer " + v.code
                        + " by catalog " + category.code + " (" + TIER_NAMES[Math.min(candidate.tier(), 3)]
                        + skills + "; open load " + candidate.openLoad() + ")"));
            }
        }
        return Optional.empty();
    }
}
