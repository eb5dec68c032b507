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

    private static List<SystemReason> reasons(String text) {
        return SystemReason.find(text).stream().map(SystemReason.Found::reason).toList();
    }

    @Test
    void shouldFindWhyAPartyOrVolunteerWasOfferedTheTicketPartByPart() {
        String partner = SystemReason.OFFER_BY_CATALOG.text("compound", "HY-GARDEN", "residents' committee",
                "RC-GUANHAI", "property-repair") + SystemReason.SERVES_AREA.text("community", "SN-01-03")
                + SystemReason.FALLBACK_AFTER.text("property-firm") + "; " + SystemReason.PICKED_UP.text();
        assertEquals("compound HY-GARDEN → residents' committee RC-GUANHAI by catalog property-repair (serves community"
                + " SN-01-03), fallback after property-firm; picked up in the portal / partner API", partner);
        List<SystemReason.Found> found = SystemReason.find(partner);
        assertEquals(List.of(SystemReason.OFFER_BY_CATALOG, SystemReason.SERVES_AREA, SystemReason.FALLBACK_AFTER,
                SystemReason.PICKED_UP), found.stream().map(SystemReason.Found::reason).toList());
        assertEquals(List.of("compound", "HY-GARDEN", "residents' committee", "RC-GUANHAI", "property-repair"),
                found.get(0).values());
        assertEquals(List.of("community", "SN-01-03"), found.get(1).values());

        String volunteer = SystemReason.OFFER_BY_CATALOG.text("compound", "TEST-VOL-COURT", "volunteer", "V-LI",
                "errand") + SystemReason.VOLUNTEER_NEAR_SKILLS.text("grid", "driving, lifting", 2);
        assertEquals("compound TEST-VOL-COURT → volunteer V-LI by catalog errand (same grid; skills driving, lifting;"
                + " open load 2)", volunteer);
        found = SystemReason.find(volunteer);
        assertEquals(List.of(SystemReason.OFFER_BY_CATALOG, SystemReason.VOLUNTEER_NEAR_SKILLS),
                found.stream().map(SystemReason.Found::reason).toList());
        assertEquals(List.of("grid", "driving, lifting", "2"), found.get(1).values());
        assertEquals(List.of(SystemReason.CALL_ASSURANCE_REPLACING),
                reasons(SystemReason.CALL_ASSURANCE_REPLACING.text(volunteer)), "the replaced offer is its value");
    }

    @Test
    void shouldFindAnIncidentLinkWithItsScoreAndTheReasonsInsideIt() {
        String detected = SystemReason.DETECTED_SAME_PLACE.text("0.72", "HY-GARDEN", SystemReason.SAME_CATEGORY.text());
        String linked = SystemReason.INCIDENT_LINKED.text("100000123", SystemReason.INCIDENT_SCORE.text("0.72",
                SystemReason.CONFIRMED_BY.text("staff:operator", detected)));
        assertEquals("linked to incident 100000123 (score 0.72: confirmed by staff:operator (intake: text 0.72, same"
                + " place HY-GARDEN, same category))", linked);
        List<SystemReason.Found> found = SystemReason.find(linked);
        assertEquals(List.of(SystemReason.INCIDENT_LINKED), found.stream().map(SystemReason.Found::reason).toList());
        String score = found.get(0).values().get(1);
        assertEquals(List.of("0.72", SystemReason.CONFIRMED_BY.text("staff:operator", detected)),
                SystemReason.find(score).get(0).values());
        assertEquals(List.of("staff:operator", detected),
                SystemReason.find(SystemReason.find(score).get(0).values().get(1)).get(0).values());
        assertEquals(List.of("0.72", "HY-GARDEN", "same category"), SystemReason.find(detected).get(0).values());
        assertEquals(List.of(SystemReason.DETECTED_SAME_AREA), reasons(SystemReason.DETECTED_SAME_AREA.text("0.66",
                "grid", "SN-01-03-G07", SystemReason.RELATED_CATEGORY.text())));

        String triage = SystemReason.LIKELY_SAME_INCIDENT.text("100000123",
                SystemReason.INCIDENT_SCORE.text("0.66", detected)) + "; " + SystemReason.LINK_OR_KEEP_APART.text();
        assertEquals(List.of(SystemReason.LIKELY_SAME_INCIDENT, SystemReason.LINK_OR_KEEP_APART), reasons(triage));
        String joined = SystemReason.REPORTER_JOINED.text("100000456", "web",
                SystemReason.INCIDENT_SCORE.text("1.00", SystemReason.LINKED_BY.text("staff:operator")), 2);
        assertEquals("report 100000456 (web) joined: score 1.00: linked by staff:operator; 2 reporters", joined);
        assertEquals(List.of("100000456", "web", "score 1.00: linked by staff:operator", "2"),
                SystemReason.find(joined).get(0).values());
        assertEquals(List.of(SystemReason.NOT_SAME_INCIDENT), reasons(SystemReason.NOT_SAME_INCIDENT.text("100000123",
                SystemReason.KEPT_SEPARATE_BY.text("staff:operator"))));
    }

    @Test
    void shouldFindCallBackAndAppealDetailsWithTheSupervisorsNoteLeftAsWritten() {
        String rejected = SystemReason.APPEAL_REJECTED.text("PF-HAIYUN", "dissatisfied") + " — 回访记录显示是维修质量问题";
        List<SystemReason.Found> found = SystemReason.find(rejected);
        assertEquals(List.of(SystemReason.APPEAL_REJECTED), found.stream().map(SystemReason.Found::reason).toList());
        assertEquals(List.of("PF-HAIYUN", "dissatisfied"), found.get(0).values());
        assertEquals(" — 回访记录显示是维修质量问题", rejected.substring(found.get(0).end()));
        assertEquals(List.of("not_solved", "不是我们的问题"),
                SystemReason.find(SystemReason.APPEAL_FILED.text("not_solved", "不是我们的问题")).get(0).values());

        String answered = SystemReason.SURVEY_ANSWER_BOTH.text("基本满意", "basically satisfied")
                + SystemReason.SURVEY_OF_INCIDENT.text("100000123");
        found = SystemReason.find(answered);
        assertEquals(List.of(SystemReason.SURVEY_ANSWER_BOTH, SystemReason.SURVEY_OF_INCIDENT),
                found.stream().map(SystemReason.Found::reason).toList());
        assertEquals(List.of("基本满意", "basically satisfied"), found.get(0).values());
        assertEquals(List.of(), reasons("物业 / 居委会"), "a person's slash is no call-back result");
    }

    @Test
    void shouldStillFindTheOldMergesEntryOnAPrimaryWithTheResidentLeftAsWritten() {
        String old = "ticket 100000017 merged into this one (王大爷, +86139****0002): 同一部电梯";
        List<SystemReason.Found> found = SystemReason.find(old);
        assertEquals(List.of(SystemReason.DUPLICATE_MERGED_HERE), reasons(old));
        assertEquals(List.of("100000017", " (王大爷, +86139****0002)"), found.get(0).values());
        assertEquals(": 同一部电梯", old.substring(found.get(0).end()));
        assertEquals(List.of(SystemReason.DUPLICATE_MERGED_HERE), reasons("ticket 100000018 merged into this one"));
    }
}
