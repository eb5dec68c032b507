package org.hotlinehub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.store.ReferenceLookup;
import org.hotlinehub.store.ReferenceLookup.Spot;
import org.junit.jupiter.api.Test;

/** Where the locator puts a request, on a place list held in the test (no database, no Quarkus). */
class LocatorTest {

    /** Huayuan and, 667 m north, Huayuan New Village, whose name contains the shorter one. */
    static final Spot HUAYUAN = compound(1, "HY-GARDEN", "华园", "Huayuan Garden", "学院路12号", List.of("桃源里"),
            31.2000, 121.4000);
    static final Spot NEW_VILLAGE = compound(2, "HY-NEW", "华园新村", "Huayuan New Village", "学院路40号", List.of(),
            31.2060, 121.4000);
    static final Spot ONE_LETTER = compound(3, "X-A", "甲", "A", null, List.of("B"), null, null);
    static final Spot CLOSED = new Spot(4, null, "OLD-COURT", "compound", false, "旧苑", "Old Court", null, List.of(),
            31.3000, 121.5000);
    static final Spot GRID = new Spot(5, null, "G-1", "grid", true, "华园新村网格", null, null, List.of(), null, null);
    static final Spot HOME = new Spot(6, null, "HY-GARDEN-B3", "building", true, "华园3号楼", null, null, List.of(),
            null, null);

    private static Spot compound(long id, String code, String zh, String en, String address, List<String> aliases,
            Double lat, Double lon) {
        return new Spot(id, null, code, "compound", true, zh, en, address, aliases, lat, lon);
    }

    private final Locator locator = new Locator();

    LocatorTest() {
        List<Spot> all = List.of(HUAYUAN, NEW_VILLAGE, ONE_LETTER, CLOSED, GRID, HOME);
        Map<String, Spot> byCode = all.stream().collect(Collectors.toMap(Spot::code, Function.identity()));
        locator.places = new ReferenceLookup() {

            @Override
            public Optional<Spot> place(long id) {
                return all.stream().filter(s -> s.id() == id).findFirst();
            }

            @Override
            public Optional<Spot> activePlace(String code) {
                return Optional.ofNullable(byCode.get(code)).filter(Spot::active);
            }

            @Override
            public List<Spot> activeOfType(String type) {
                // NEW_VILLAGE before HUAYUAN: the longer name must win by its length, not by coming first or last
                return all.stream().filter(s -> s.active() && s.type().equals(type))
                        .sorted((a, b) -> Long.compare(b.id(), a.id())).toList();
            }
        };
    }

    private static InboundContact contact(String placeCode, String address, String text, Double lat, Double lon) {
        return new InboundContact(Channel.WEB, "x", "1", Instant.EPOCH, null, null, text, "zh", null, placeCode,
                address, lat, lon, List.of(), null, Map.of());
    }

    private Optional<Locator.Location> locate(String placeCode, String address, String text, Double lat, Double lon,
            Long home) {
        return locator.locate(contact(placeCode, address, text, lat, lon), home);
    }

    private String code(Optional<Locator.Location> where) {
        return where.map(l -> l.place().code()).orElse("nowhere");
    }

    @Test
    void shouldTakeThePlaceTheSenderChoseBeforeAnythingNamedOrNear() {
        Optional<Locator.Location> where = locate("HY-NEW", "华园", "华园门口", 31.2000, 121.4000, HOME.id());
        assertEquals("HY-NEW", code(where));
        assertEquals("chosen by the sender", where.orElseThrow().how());
        assertEquals("HY-GARDEN", code(locate("NO-SUCH", null, "华园门口", null, null, null)),
                "an unknown code falls through to the text");
        assertEquals("HY-GARDEN", code(locate("OLD-COURT", null, "华园门口", null, null, null)),
                "an inactive place is not taken");
    }

    @Test
    void shouldTakeTheLongestNameMentionedInTheAddressOrText() {
        Optional<Locator.Location> where = locate(null, null, "华园新村5号楼漏水", null, null, null);
        assertEquals("HY-NEW", code(where));
        assertEquals("address mentions \"华园新村\"", where.orElseThrow().how());
        assertEquals("HY-GARDEN", code(locate(null, "华园7号楼", "楼道灯不亮", null, null, null)));
        assertEquals("HY-GARDEN", code(locate(null, null, "学院路12号对面华园新村门口", null, null, null)),
                "the longest name wins whichever compound comes first");
        assertEquals("HY-GARDEN", code(locate(null, "学院路12号", null, null, null, null)), "by its street address");
        assertEquals("HY-GARDEN", code(locate(null, null, "我住在桃源里", null, null, null)), "by an alias");
        assertEquals("HY-NEW", code(locate(null, "Huayuan New Village block 2", null, null, null, null)),
                "by its English name");
    }

    @Test
    void shouldLookOnlyAtActiveCompoundsAndNamesOfTwoCharactersOrMore() {
        assertEquals("nowhere", code(locate(null, "A B", "甲", null, null, null)));
        assertEquals("nowhere", code(locate(null, null, "旧苑漏水", null, null, null)), "an inactive compound");
        assertEquals("HY-NEW", code(locate(null, null, "华园新村网格员没来", null, null, null)),
                "a grid is not a compound, however well its name matches");
    }

    @Test
    void shouldTakeTheNearestCompoundWithinFiveHundredMetresOfTheCoordinates() {
        // 0.001° of latitude is about 111 m: 300 m north of Huayuan, 367 m south of the New Village (listed first)
        Optional<Locator.Location> near = locate(null, null, "路灯坏了", 31.2027, 121.4000, null);
        assertEquals("HY-GARDEN", code(near));
        assertEquals("300 m from the coordinates sent", near.orElseThrow().how());
        assertEquals("HY-NEW", code(locate(null, null, "路灯坏了", 31.2055, 121.4000, null)));
        // about 830 m from both: too far for either
        assertEquals("nowhere", code(locate(null, null, "路灯坏了", 31.2030, 121.4080, null)));
        assertEquals("HY-NEW", code(locate(null, null, "华园新村路灯坏了", 31.2000, 121.4000, null)),
                "a name in the text comes before the coordinates");
    }

    @Test
    void shouldFallBackToTheResidentsRegisteredHomeAndElseToNothing() {
        Optional<Locator.Location> home = locate(null, null, "路灯坏了", null, null, HOME.id());
        assertEquals("HY-GARDEN-B3", code(home));
        assertEquals("the resident's registered address", home.orElseThrow().how());
        assertTrue(locate(null, null, "路灯坏了", null, null, null).isEmpty());
        assertTrue(locate(null, "  ", "", null, 121.4, null).isEmpty(), "half a coordinate is none");
        assertEquals("HY-GARDEN", code(locate(null, null, "路灯坏了", 31.2000, 121.4000, HOME.id())),
                "coordinates come before the registered home");
    }

    @Test
    void shouldMeasureGreatCircleDistances() {
        assertEquals(111_195, Locator.metres(31.0, 121.0, 32.0, 121.0), 1);
        assertEquals(0, Locator.metres(31.2, 121.4, 31.2, 121.4), 1e-9);
    }
}
