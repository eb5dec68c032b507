package org.hotlinehub.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.hotlinehub.store.CatalogEntryEntity;
import org.hotlinehub.store.CatalogRule;
import org.hotlinehub.store.DispatchDirectory;
import org.hotlinehub.store.PartnerRepository;
import org.hotlinehub.store.PlaceEntity;
import org.hotlinehub.store.PlaceNode;
import org.hotlinehub.store.VolunteerEntity;
import org.hotlinehub.testsupport.Fakes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order in which the partner selector asks for parties: the catalog entry's party type, then its fallback types,
 * volunteers where the list names them, the partners already tried left out; and the reason it gives. The nearest
 * partner of a run of types is the store's query (its rule is the fake's here, as PartnerRepository documents it).
 */
class PartnerSelectorTest {

    static final Instant NOW = Instant.parse("2025-03-07T08:30:00Z");
    static final PlaceNode STREET = new PlaceNode(10, null, "street", "SN-01", true);
    static final PlaceNode COMMUNITY = new PlaceNode(20, 10L, "community", "SN-01-03", true);
    static final PlaceNode COMPOUND = new PlaceNode(30, 20L, "compound", "HY-GARDEN", true);
    static final List<PlaceNode> CHAIN = List.of(COMPOUND, COMMUNITY, STREET);

    /** A partner of a type serving an area, for the fake store. */
    record Row(long id, String code, String type, long areaId) {
    }

    /** One question put to the store. */
    record Asked(List<String> types, String service, List<Long> chain, Collection<Long> excluded) {
    }

    final List<Row> rows = new ArrayList<>();
    final List<Asked> asked = new ArrayList<>();
    final List<Instant> volunteerAsks = new ArrayList<>();
    Optional<Choice> volunteerAnswer = Optional.empty();
    CatalogRule rule;
    List<PlaceNode> chain = CHAIN;
    final PartnerSelector selector = new PartnerSelector();

    @BeforeEach
    void wire() {
        selector.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        selector.directory = new DispatchDirectory() {

            @Override
            public CatalogRule rule(CatalogEntryEntity category) {
                return rule;
            }

            @Override
            public List<PlaceNode> chain(PlaceEntity place) {
                return chain;
            }

            @Override
            public int catalogVersion() {
                return 7;
            }
        };
        selector.partners = new PartnerRepository() {

            @Override
            public Optional<NearestPartner> nearestServing(List<String> types, String service, List<Long> placeIds,
                    Collection<Long> excluded) {
                asked.add(new Asked(List.copyOf(types), service, List.copyOf(placeIds), excluded));
                // the store's rule: the first type that has one, then the nearest area, then by code
                for (String type : types) {
                    for (long area : placeIds) {
                        Optional<Row> row = rows.stream().filter(r -> r.type().equals(type) && r.areaId() == area
                                && !excluded.contains(r.id())).min((a, b) -> a.code().compareTo(b.code()));
                        if (row.isPresent()) {
                            Row r = row.get();
                            return Optional
                                    .of(new NearestPartner(r.id(), r.areaId(), r.code(), r.type(), "webhook", null));
                        }
                    }
                }
                return Optional.empty();
            }

            @Override
            public EntityManager getEntityManager() {
                return Fakes.references();
            }
        };
        selector.volunteers = new VolunteerSelector() {

            @Override
            Optional<Choice> choose(CatalogRule r, List<PlaceNode> c, Tried tried, Instant now, ChunkOffers chunk) {
                volunteerAsks.add(now);
                return volunteerAnswer;
            }
        };
    }

    private Optional<Choice> choose(String partyType, List<String> fallbacks, Tried tried) {
        rule = new CatalogRule(7, "property-repair", partyType, fallbacks, List.of());
        return selector.choose(new CatalogEntryEntity(), new PlaceEntity(), tried);
    }

    @Test
    void shouldOfferToThePartyTypeOfTheEntryAndSayWhy() {
        rows.add(new Row(1, "PF-HAIYUN", "property-firm", 30));
        rows.add(new Row(2, "RC-GUANHAI", "residents-committee", 30));
        Choice choice = choose("property-firm", List.of("residents-committee"), Tried.none()).orElseThrow();
        assertEquals(1L, choice.partner().id);
        assertNull(choice.volunteer());
        assertEquals("compound HY-GARDEN → property firm PF-HAIYUN by catalog property-repair", choice.reason());
        assertEquals(7, choice.catalogVersion(), "the decision carries the catalog version its rules came from");
        assertEquals(List.of(new Asked(List.of("property-firm", "residents-committee"), "property-repair",
                List.of(30L, 20L, 10L), Set.of())), asked,
                "the partner types in one question, the place chain nearest first");
    }

    @Test
    void shouldNameTheAreaServedWhenItIsAboveTheTicketsPlace() {
        rows.add(new Row(3, "SP-STREET", "service-provider", 10));
        Choice choice = choose("service-provider", List.of(), Tried.none()).orElseThrow();
        assertEquals("compound HY-GARDEN → service provider SP-STREET by catalog property-repair (serves street SN-01)",
                choice.reason());
    }

    @Test
    void shouldFallBackToTheNextTypeAndSaySo() {
        rows.add(new Row(2, "RC-GUANHAI", "residents-committee", 20));
        Choice choice = choose("property-firm", List.of("owners-committee", "residents-committee"), Tried.none())
                .orElseThrow();
        assertEquals(2L, choice.partner().id);
        assertTrue(choice.reason().endsWith(" (serves community SN-01-03), fallback after property-firm,"
                + " owners-committee"), choice.reason());
    }

    @Test
    void shouldLeaveOutThePartnersAlreadyTried() {
        rows.add(new Row(1, "PF-HAIYUN", "property-firm", 30));
        rows.add(new Row(2, "RC-GUANHAI", "residents-committee", 30));
        Choice choice = choose("property-firm", List.of("residents-committee"), new Tried(Set.of(1L), Set.of()))
                .orElseThrow();
        assertEquals(2L, choice.partner().id);
        assertEquals(Set.of(1L), asked.get(0).excluded());
        assertEquals(Optional.empty(), choose("property-firm", List.of(), new Tried(Set.of(1L), Set.of())));
    }

    @Test
    void shouldAskForVolunteersWhereTheListNamesThemAndNotBeforeTheTypesAhead() {
        rows.add(new Row(2, "RC-GUANHAI", "residents-committee", 30));
        VolunteerEntity volunteer = new VolunteerEntity();
        volunteerAnswer = Optional.of(Choice.volunteer(volunteer, "a volunteer"));
        Choice choice = choose("property-firm", List.of("volunteer", "residents-committee"), Tried.none())
                .orElseThrow();
        assertEquals(volunteer, choice.volunteer());
        assertEquals(List.of(List.of("property-firm")), asked.stream().map(Asked::types).toList(),
                "the types after the volunteer entry are not asked once a volunteer is found");
        assertEquals(List.of(NOW), volunteerAsks, "volunteers are asked as of the hub's clock");
    }

    @Test
    void shouldGoOnAfterTheVolunteersWhenNoneIsFound() {
        rows.add(new Row(2, "RC-GUANHAI", "residents-committee", 30));
        Choice choice = choose("volunteer", List.of("residents-committee", "mediation"), Tried.none()).orElseThrow();
        assertEquals(1, volunteerAsks.size());
        assertEquals(List.of(List.of("residents-committee", "mediation")), asked.stream().map(Asked::types).toList());
        assertTrue(choice.reason().endsWith("residents' committee RC-GUANHAI by catalog property-repair, fallback"
                + " after volunteer"), choice.reason());
    }

    @Test
    void shouldFindNobodyForAPlaceOutsideTheHierarchy() {
        rows.add(new Row(1, "PF-HAIYUN", "property-firm", 30));
        chain = List.of();
        assertEquals(Optional.empty(), choose("property-firm", List.of("volunteer"), Tried.none()));
        assertEquals(List.of(), asked);
        assertEquals(List.of(), volunteerAsks);
    }
}
