package org.hotlinehub.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The hub's own reasons are found again in stored text, values and all, with a person's words left alone. */
class SystemReasonTest {

    @Test
    void shouldWriteTheEnglishAsBefore() {
        assertEquals("no partner or volunteer left for property-repair at HY-GARDEN",
                SystemReason.NO_PARTY_LEFT.text("property-repair", "HY-GARDEN"));
        assertEquals("returned by PF-HAIYUN: not-our-duty", SystemReason.RETURNED.text("PF-HAIYUN", "not-our-duty"));
    }

    @Test
    void shouldFindEachReasonWithItsValues() {
        String text = "reopened: 居民说又坏了; it needs a place before the next party can be chosen";
        List<SystemReason.Found> found = SystemReason.find(text);
        assertEquals(List.of(SystemReason.REOPENED, SystemReason.NEEDS_PLACE),
                found.stream().map(SystemReason.Found::reason).toList());
        assertEquals(List.of("居民说又坏了"), found.get(0).values());
        assertEquals("; ", text.substring(found.get(0).end(), found.get(1).start()));

        List<SystemReason.Found> returned = SystemReason
                .find("returned by PF-HAIYUN (前台, portal): wrong-area — 不在我们小区; awaiting the hub's ruling");
        assertEquals(List.of("PF-HAIYUN (前台, portal)", "wrong-area — 不在我们小区"), returned.get(0).values());
        assertEquals(SystemReason.AWAITING_RULING, returned.get(1).reason());
        assertEquals(List.of(), SystemReason.find("居民来电说家里没水了"));
    }
}
