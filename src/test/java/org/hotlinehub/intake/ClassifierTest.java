package org.hotlinehub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.hotlinehub.store.ReferenceLookup;
import org.hotlinehub.store.ReferenceLookup.Term;
import org.junit.jupiter.api.Test;

/** The keyword rule of the classifier, on a catalog held in the test (no database, no Quarkus). */
class ClassifierTest {

    private static Term term(String code, String urgency, List<String> zh, List<String> en) {
        return new Term(code.hashCode(), code, urgency, zh, en);
    }

    private static Classifier over(Term... terms) {
        Classifier classifier = new Classifier();
        classifier.directory = new ReferenceLookup() {

            @Override
            public List<Term> activeTerms() {
                return List.of(terms);
            }
        };
        return classifier;
    }

    private static String winner(Classifier classifier, String text) {
        return classifier.classify(text).map(m -> m.entry().code()).orElse("none");
    }

    @Test
    void shouldPreferTheLongerPhraseOverABareWordItContains() {
        Term lift = term("lift", "normal", List.of("电梯"), List.of());
        Term liftFault = term("lift-fault", "normal", List.of("电梯坏了"), List.of());
        assertEquals("lift-fault", winner(over(lift, liftFault), "三号楼电梯坏了两天"));
        assertEquals("lift-fault", winner(over(liftFault, lift), "三号楼电梯坏了两天"));
        assertEquals("lift", winner(over(liftFault, lift), "电梯里有广告"));
    }

    @Test
    void shouldAddUpEveryKeywordFoundAndAnswerWhichMatched() {
        // 楼顶 + 漏水 score 2 + 2 = 4, more than the single three-character 顶漏水 of the other entry
        Term roof = term("roof-leak", "normal", List.of("楼顶", "漏水", "外墙"), List.of());
        Term tank = term("water-tank", "normal", List.of("顶漏水"), List.of());
        Optional<Classifier.Match> match = over(tank, roof).classify("楼顶漏水了");
        assertEquals("roof-leak", match.orElseThrow().entry().code());
        assertEquals(List.of("楼顶", "漏水"), match.orElseThrow().keywords());
    }

    @Test
    void shouldBreakATieForTheMoreUrgentEntryWhateverTheCatalogOrder() {
        Term normal = term("gas-smell", "normal", List.of("煤气"), List.of());
        Term urgent = term("gas-leak", "urgent", List.of("煤气"), List.of());
        Term low = term("gas-bill", "low", List.of("煤气"), List.of());
        assertEquals("gas-leak", winner(over(normal, urgent), "有煤气味"));
        assertEquals("gas-leak", winner(over(urgent, normal), "有煤气味"));
        assertEquals("gas-smell", winner(over(low, normal), "有煤气味"));
        assertEquals("gas-smell", winner(over(normal, low), "有煤气味"));
    }

    @Test
    void shouldMatchEnglishKeywordsWhateverTheirCase() {
        Term leak = term("water-leak", "normal", List.of("漏水"), List.of("Water Leak"));
        Optional<Classifier.Match> match = over(leak).classify("WATER LEAK in the kitchen");
        assertEquals(List.of("Water Leak"), match.orElseThrow().keywords());
    }

    @Test
    void shouldAnswerNothingWhenNoKeywordIsFoundOrThereIsNoText() {
        Term leak = term("water-leak", "normal", List.of("漏水", " ", ""), List.of("leak"));
        assertTrue(over(leak).classify("门口的 路灯不亮").isEmpty(), "a blank keyword matches nothing");
        assertTrue(over(leak).classify("   ").isEmpty());
        assertTrue(over(leak).classify(null).isEmpty());
        assertTrue(over().classify("漏水").isEmpty(), "an empty catalog");
    }
}
