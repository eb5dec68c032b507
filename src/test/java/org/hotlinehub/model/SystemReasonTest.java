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

    @Test
    void shouldFindWhatTheHubWritesOnTheTimelineWithAPersonsNoteLeftAsWritten() {
        String chosen = SystemReason.CATEGORY_CHOSEN.text("property-repair", "operator:alice") + ": 来电确认";
        assertEquals("category property-repair chosen by operator:alice: 来电确认", chosen);
        List<SystemReason.Found> found = SystemReason.find(chosen);
        assertEquals(List.of(SystemReason.CATEGORY_CHOSEN), found.stream().map(SystemReason.Found::reason).toList());
        assertEquals(List.of("property-repair", "operator:alice"), found.get(0).values());
        assertEquals(": 来电确认", chosen.substring(found.get(0).end()), "the note stays the person's words");

        assertEquals(SystemReason.BY_SENDER,
                SystemReason.find(SystemReason.BY_SENDER.text("water-outage")).get(0).reason(),
                "the longer reason wins over 'chosen by {}'");
        assertEquals(List.of("ticket.offered", "PF-HAIYUN", "webhook", "2"), SystemReason.find(
                SystemReason.DELIVERED.text("ticket.offered", "PF-HAIYUN", "webhook", 2)).get(0).values());
        assertEquals(List.of("water-outage", "87", "停水, 没水"), SystemReason.find(
                SystemReason.BY_WORDS.text("water-outage", 87, "停水, 没水")).get(0).values());
    }

    @Test
    void shouldPreferTheReasonThatCoversMoreOfTheTextAndKeepTheOneInsideAsAValue() {
        String located = SystemReason.LOCATED.text("compound", "HY-GARDEN",
                SystemReason.PLACE_BY_COORDINATES.text(120), "SN-01-03-G07");
        assertEquals("compound HY-GARDEN (120 m from the coordinates sent) → grid SN-01-03-G07", located);
        List<SystemReason.Found> found = SystemReason.find(located);
        assertEquals(List.of(SystemReason.LOCATED), found.stream().map(SystemReason.Found::reason).toList());
        assertEquals(List.of("compound", "HY-GARDEN", "120 m from the coordinates sent", "SN-01-03-G07"),
                found.get(0).values());
        assertEquals(SystemReason.PLACE_BY_COORDINATES, SystemReason.find(found.get(0).values().get(2)).get(0)
                .reason());
    }

    @Test
    void shouldLeaveLoneWordsOutOfTheEnglishAChinesePageMustNotShow() {
        assertEquals(List.of("delivered to", "attempt(s)"), SystemReason.DELIVERED.englishParts());
        assertEquals(List.of("reopened:"), SystemReason.REOPENED.englishParts());
    }
}
