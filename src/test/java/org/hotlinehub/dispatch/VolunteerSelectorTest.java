package org.hotlinehub.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.hotlinehub.store.CatalogRule;
import org.hotlinehub.store.DispatchDirectory;
import org.hotlinehub.store.PlaceNode;
import org.hotlinehub.store.VolunteerRepository;
import org.hotlinehub.store.VolunteerRepository.Candidate;
import org.hotlinehub.testsupport.Fakes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the volunteer selector searches: rings outward from the ticket's grid (grid, community, street, district), each
 * asked only when the one inside it had nobody; whoever is on duty now in the hotline's zone; the volunteers already
 * tried and the skills of the entry handed to the store, which ranks within a ring (tier, load, turn).
 */
class VolunteerSelectorTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Saturday 10:00 in Shanghai (02:00 UTC). */
    static final Instant SATURDAY_MORNING = Instant.parse("2025-03-08T02:00:00Z");
    /** Monday 09:30 in Shanghai, still Monday 01:30 (and no duty hour) in UTC. */
    static final Instant MONDAY_MORNING = Instant.parse("2025-03-03T01:30:00Z");
    static final List<String> WEEKDAYS = List.of("mon-fri 08:00-12:00");

    static final PlaceNode DISTRICT = new PlaceNode(1, null, "district", "D-1", true);
    static final PlaceNode STREET = new PlaceNode(10, 1L, "street", "SN-01", true);
    static final PlaceNode COMMUNITY = new PlaceNode(20, 10L, "community", "SN-01-03", true);
    static final PlaceNode GRID = new PlaceNode(30, 20L, "grid", "SN-01-03-G07", true);
    static final PlaceNode COMPOUND = new PlaceNode(40, 30L, "compound", "TEST-VOL-COURT", true);
    static final CatalogRule ERRAND = new CatalogRule(5, "errand", "volunteer", List.of(), List.of("driving"));

    /** One question put to the store. */
    record Asked(List<String> skills, long grid, long community, long street, List<Long> grids,
            Collection<Long> excluded, Instant now, int limit) {
    }

    final List<Asked> asked = new ArrayList<>();
    /** The store's answer for a ring, by the grids asked (the district: no grids). */
    final Map<List<Long>, List<Candidate>> byRing = new HashMap<>();
    final VolunteerSelector selector = new VolunteerSelector();

    @BeforeEach
    void wire() {
        selector.zone = SHANGHAI;
        selector.directory = new DispatchDirectory() {

            @Override
            public List<Long> gridIdsUnder(long placeId) {
                return placeId == COMMUNITY.id() ? List.of(30L, 31L) : List.of(30L, 31L, 32L, 33L);
            }
        };
        selector.volunteers = new VolunteerRepository() {

            @Override
            public List<Candidate> candidates(List<String> skills, long gridId, long communityId, long streetId,
                    Collection<Long> gridIds, Collection<Long> excluded, Instant now, int limit, boolean flushFirst) {
                asked.add(new Asked(skills, gridId, communityId, streetId, List.copyOf(gridIds), excluded, now,
                        limit));
                return byRing.getOrDefault(List.copyOf(gridIds), List.of());
            }

            @Override
            public EntityManager getEntityManager() {
                return Fakes.references();
            }
        };
    }

    private static Candidate always(long id, String code, int tier, long load) {
        return new Candidate(id, code, tier, load, List.of());
    }

    private Optional<Choice> choose(List<PlaceNode> chain, Tried tried, Instant now) {
        return selector.choose(ERRAND, chain, tried, now);
    }

    private List<List<Long>> ringsAsked() {
        return asked.stream().map(Asked::grids).toList();
    }

    @Test
    void shouldTakeSomeoneFromTheTicketsGridFirstAndSayWhy() {
        byRing.put(List.of(30L), List.of(always(7, "V-LI", 0, 2)));
        Choice choice = choose(List.of(COMPOUND, GRID, COMMUNITY, STREET, DISTRICT), Tried.none(), SATURDAY_MORNING)
                .orElseThrow();
        assertEquals(7L, choice.volunteer().id);
        assertNull(choice.partner());
        assertEquals("compound TEST-VOL-COURT → volunteer V-LI by catalog errand (same grid; skills driving;"
                + " open load 2)", choice.reason());
        assertEquals(List.of(new Asked(List.of("driving"), 30, 20, 10, List.of(30L), Set.of(), SATURDAY_MORNING,
                50)), asked, "one question: the grid ring, the skills, nobody tried yet");
    }

    @Test
    void shouldWidenTheRingOnlyWhileTheInnerOneHasNobody() {
        byRing.put(List.of(30L, 31L, 32L, 33L), List.of(always(8, "V-WANG", 2, 0)));
        Choice choice = choose(List.of(COMPOUND, GRID, COMMUNITY, STREET, DISTRICT), Tried.none(), SATURDAY_MORNING)
                .orElseThrow();
        assertEquals(8L, choice.volunteer().id);
        assertEquals(List.of(List.of(30L), List.of(30L, 31L), List.of(30L, 31L, 32L, 33L)), ringsAsked());
        assertEquals("compound TEST-VOL-COURT → volunteer V-WANG by catalog errand (same street; skills driving;"
                + " open load 0)", choice.reason());
    }

    @Test
    void shouldSearchTheWholeDistrictLastWithALargerLimit() {
        byRing.put(List.of(), List.of(always(9, "V-ZHAO", 3, 1)));
        Choice choice = choose(List.of(COMPOUND, GRID, COMMUNITY, STREET, DISTRICT), Tried.none(), SATURDAY_MORNING)
                .orElseThrow();
        assertEquals(List.of(50, 50, 50, 200), asked.stream().map(Asked::limit).toList());
        assertEquals(List.of(), asked.get(3).grids());
        assertEquals("compound TEST-VOL-COURT → volunteer V-ZHAO by catalog errand (same district; skills driving;"
                + " open load 1)", choice.reason());
    }

    @Test
    void shouldSkipARingThePlaceHasNoLevelFor() {
        choose(List.of(COMPOUND, GRID, STREET, DISTRICT), Tried.none(), SATURDAY_MORNING);
        assertEquals(List.of(List.of(30L), List.of(30L, 31L, 32L, 33L), List.of()), ringsAsked());
        assertEquals(-1L, asked.get(0).community());
    }

    @Test
    void shouldFindNobodyForAPlaceWithoutAGrid() {
        assertEquals(Optional.empty(), choose(List.of(COMPOUND, COMMUNITY, STREET, DISTRICT), Tried.none(),
                SATURDAY_MORNING));
        assertEquals(List.of(), asked);
    }

    @Test
    void shouldPassOverWhoeverIsOffDutyInTheHotlinesZone() {
        byRing.put(List.of(30L), List.of(new Candidate(7, "V-LI", 0, 0, WEEKDAYS), always(8, "V-WANG", 0, 3)));
        assertEquals(8L, choose(List.of(GRID, COMMUNITY), Tried.none(), SATURDAY_MORNING).orElseThrow()
                .volunteer().id, "Saturday: the weekday volunteer is off duty");
        assertEquals(7L, choose(List.of(GRID, COMMUNITY), Tried.none(), MONDAY_MORNING).orElseThrow()
                .volunteer().id, "Monday 09:30 in Shanghai is on duty (01:30 in UTC would not be)");
        byRing.put(List.of(30L), List.of(new Candidate(7, "V-LI", 0, 0, WEEKDAYS)));
        asked.clear();
        assertEquals(Optional.empty(), choose(List.of(GRID, COMMUNITY), Tried.none(), SATURDAY_MORNING));
        assertEquals(3, asked.size(), "an off-duty volunteer does not stop the search from widening");
    }

    @Test
    void shouldLeaveOutTheVolunteersAlreadyTried() {
        choose(List.of(GRID), new Tried(Set.of(1L), Set.of(7L, 8L)), SATURDAY_MORNING);
        assertEquals(Set.of(7L, 8L), asked.get(0).excluded());
    }
}
