package org.hotlinehub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.hotlinehub.intake.CategoryModel.Example;
import org.hotlinehub.intake.CategoryModel.Guess;
import org.hotlinehub.store.ReferenceLookup.Term;
import org.junit.jupiter.api.Test;

/** The learned model behind the classifier, on catalogs held in the test (no database, no Quarkus). */
class LearnedClassifierTest {

    private static final Term REPAIR = new Term(1, "property-repair", "normal", List.of("停水", "漏水", "电梯坏了"),
            List.of("leak"));
    private static final Term HOUSEKEEPING = new Term(2, "home-services", "normal", List.of("做饭", "保洁", "打扫卫生"),
            List.of("cleaning"));
    private static final Term MEALS = new Term(3, "meal-delivery", "normal", List.of("送餐", "送饭", "午饭"),
            List.of("meal"));
    private static final List<Term> CATALOG = List.of(REPAIR, HOUSEKEEPING, MEALS);

    private static Classifier with(List<Term> catalog, CategoryModel model) {
        return ClassifierAccuracyTest.classifier(catalog, model);
    }

    @Test
    void shouldLearnFromOperatorsCorrectionsWhatNoKeywordSays() {
        String text = "整栋楼的暖气都不热，屋里冷得很";
        Classifier keywordsOnly = with(CATALOG, CategoryModel.train(CATALOG, List.of()));
        assertTrue(keywordsOnly.classify(text).isEmpty(), "no keyword and nothing learned: triage");

        Classifier taught = with(CATALOG, CategoryModel.train(CATALOG, List.of(
                new Example("暖气不热，家里冷", "property-repair"), new Example("楼里的暖气片一直不热", "property-repair"),
                new Example("老人中午想吃热饭", "meal-delivery"))));
        Classifier.Match match = taught.classify(text).orElseThrow();
        assertEquals("property-repair", match.entry().code());
        assertTrue(match.confidence().orElseThrow() >= ClassifierAccuracyTest.MIN_CONFIDENCE);
        assertTrue(match.keywords().contains("暖气") || match.keywords().contains("不热"),
                "it names the words that weighed most: " + match.keywords());
        assertTrue(match.describe().startsWith("category property-repair ("), match.describe());
    }

    @Test
    void shouldTrainTheSameModelFromTheSameExamples() {
        List<Example> examples = List.of(new Example("厨房水管漏水了", "property-repair"),
                new Example("想请人来打扫", "home-services"));
        List<Guess> first = CategoryModel.train(CATALOG, examples).rank("楼上漏水，想找人打扫", 3);
        List<Guess> second = CategoryModel.train(CATALOG, examples).rank("楼上漏水，想找人打扫", 3);
        assertEquals(first, second);
    }

    @Test
    void shouldLeaveARequestToTriageBelowTheThresholdOrWithNothingKnownInIt() {
        Classifier classifier = with(CATALOG, CategoryModel.train(CATALOG, List.of()));
        assertTrue(classifier.classify("？？ 123").isEmpty(), "nothing known: every category alike");
        assertEquals("property-repair", classifier.classify("又停水了").orElseThrow().entry().code());
        classifier.minConfidence = 0.999;
        assertTrue(classifier.classify("又停水了").isEmpty(), "not sure enough");
        assertTrue(classifier.classify(" ").isEmpty());
        assertTrue(classifier.classify(null).isEmpty());
    }

    @Test
    void shouldOfferTheThreeLikeliestCategoriesLikeliestFirst() {
        Classifier classifier = with(CATALOG, CategoryModel.train(CATALOG, List.of()));
        List<Guess> guesses = classifier.suggest("停水了没法做饭，能送饭吗", 3);
        assertEquals(3, guesses.size());
        assertTrue(guesses.get(0).confidence() >= guesses.get(1).confidence()
                && guesses.get(1).confidence() >= guesses.get(2).confidence(), guesses.toString());
        assertEquals(1.0, guesses.stream().mapToDouble(Guess::confidence).sum(), 1e-6,
                "all three categories of this catalog");
    }

    @Test
    void shouldUseTheKeywordRuleAndAskForARetrainWhileTheModelIsForAnotherCatalog() {
        Term errand = new Term(4, "fx-errand", "normal", List.of("分批跑腿专用词"), List.of());
        List<Term> changed = List.of(REPAIR, HOUSEKEEPING, MEALS, errand);
        int[] asked = {0};
        Classifier classifier = with(changed, CategoryModel.train(CATALOG, List.of()));
        classifier.training = new ClassifierTraining() {

            @Override
            public void retrainSoon() {
                asked[0]++;
            }
        };
        Optional<Classifier.Match> match = classifier.classify("分批跑腿专用词 第3单");
        assertEquals("fx-errand", match.orElseThrow().entry().code());
        assertTrue(match.get().confidence().isEmpty(), "the keyword rule decided");
        assertEquals(1, asked[0]);

        classifier.install(CategoryModel.train(changed, List.of()));
        assertTrue(classifier.classify("分批跑腿专用词 第4单").orElseThrow().confidence().isPresent(),
                "the model for the new catalog decides");
        assertEquals(1, asked[0]);
    }

    @Test
    void shouldClassifyTheIssuesExamplesOnTheDemoCatalogOnceTaughtBySimilarReports() throws Exception {
        String noWater = "又停水了，家里老人没法做饭";
        String stairLight = "楼道里的灯坏了好几天了";
        List<Term> demo = ClassifierAccuracyTest.demoCatalog();
        ClassifierAccuracyTest.load();
        // the labelled reports as operators' corrections, without the two sentences themselves
        List<Example> taught = ClassifierAccuracyTest.training.stream()
                .filter(e -> !e.text().equals(noWater) && !e.text().equals(stairLight)).toList();
        assertEquals(ClassifierAccuracyTest.training.size() - 2, taught.size());
        Classifier classifier = with(demo, CategoryModel.train(demo, taught));
        // the keyword rule sent the first to a housekeeping firm (做饭) and the second to triage
        assertEquals("property-repair", classifier.classify(stairLight).orElseThrow().entry().code());
        // 停水 and 做饭 weigh about the same: not sure enough to dispatch, so the operator decides, with the right
        // category offered first
        assertNotEquals("home-services", classifier.classify(noWater).map(m -> m.entry().code()).orElse("triage"));
        assertEquals("property-repair", classifier.suggest(noWater, 3).get(0).entry().code());
    }
}
