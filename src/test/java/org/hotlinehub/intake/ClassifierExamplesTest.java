package org.hotlinehub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.intake.CategoryModel.Example;
import org.hotlinehub.store.ClassifierCorrections;
import org.hotlinehub.store.ReferenceLookup.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example reports a reference-data directory carries for the classifier (no database, no Quarkus). */
class ClassifierExamplesTest {

    @Test
    void shouldReadADirectorysExamplesAndLeaveOutCommentsAndLinesWithoutCodeAndText(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve(ClassifierExamples.FILE), String.join("\n", "# a comment", "",
                "property-repair\t电梯又坏了 ", "no tab here", "\t没有代码", "sanitation\t  ", "sanitation\t垃圾没人收"),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("catalog.yaml"), "catalog: []\n", StandardCharsets.UTF_8);
        List<Example> read = ClassifierExamples.in(List.of(dir.toString(), dir.resolve("catalog.yaml").toString(),
                dir.resolve("missing").toString()));
        assertEquals(List.of(new Example("电梯又坏了", "property-repair"), new Example("垃圾没人收", "sanitation")), read,
                "a file named in the list and a missing directory add nothing");
    }

    @Test
    void shouldLearnTheReferenceDataExamplesOnRetrainOnlyWhenSwitchedOn(@TempDir Path dir) throws Exception {
        Term repair = new Term(1, "property-repair", "normal", List.of("漏水"), List.of());
        Term meals = new Term(2, "meal-delivery", "normal", List.of("送餐"), List.of());
        Term cleaning = new Term(3, "home-services", "normal", List.of("保洁"), List.of());
        List<Term> catalog = List.of(repair, meals, cleaning);
        Files.writeString(dir.resolve(ClassifierExamples.FILE),
                "property-repair\t暖气片不热\nproperty-repair\t整栋楼暖气都不热\nmeal-delivery\t中午想吃口热饭\n",
                StandardCharsets.UTF_8);
        String text = "家里暖气不热";
        for (boolean on : List.of(true, false)) {
            Classifier classifier = ClassifierAccuracyTest.classifier(catalog, null);
            ClassifierTraining training = new ClassifierTraining();
            training.classifier = classifier;
            training.directory = classifier.directory;
            training.corrections = new ClassifierCorrections() {

                @Override
                public List<Correction> newest(int limit) {
                    return List.of();
                }
            };
            training.config = config(on, List.of(dir.toString()));
            assertEquals(0, training.retrain(), "no operator's corrections");
            assertEquals(on ? "property-repair" : "none",
                    classifier.classify(text).map(m -> m.entry().code()).orElse("none"),
                    "learned from the examples: " + on);
        }
    }

    /** A configuration with the classifier's defaults, the reference data given and reference-examples on or off. */
    private static HubConfig config(boolean referenceExamples, List<String> referenceData) {
        HubConfig.Classifier classifier = proxy(HubConfig.Classifier.class, name -> switch (name) {
            case "referenceExamples" -> referenceExamples;
            case "maxCorrections" -> 20000;
            case "minConfidence" -> 0.5;
            default -> throw new UnsupportedOperationException(name);
        });
        HubConfig.ReferenceData files = proxy(HubConfig.ReferenceData.class, name -> switch (name) {
            case "files" -> referenceData;
            default -> throw new UnsupportedOperationException(name);
        });
        return proxy(HubConfig.class, name -> switch (name) {
            case "classifier" -> classifier;
            case "referenceData" -> files;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private static <T> T proxy(Class<T> type, Function<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (self, method, args) -> answers.apply(method.getName())));
    }

    /**
     * The demo's examples keep labelled.tsv's training part, and no report of a held-out set (labelled.tsv's every
     * fourth, fresh.tsv, fresh2.tsv) is among them, nor, for the examples written after the labelled set, nearly so:
     * the same text once case, spaces and punctuation are left out, or most of its character pairs.
     */
    @Test
    void shouldFindTheDemoDistrictsExamplesAndNoneOfTheHeldOutReportsAmongThem() throws Exception {
        ClassifierAccuracyTest.load();
        List<Example> demo = ClassifierAccuracyTest.demoExamples;
        assertTrue(new HashSet<>(demo).containsAll(ClassifierAccuracyTest.training),
                "the demo's examples hold the training part of labelled.tsv");
        Set<String> texts = new HashSet<>(demo.stream().map(e -> plain(e.text())).toList());
        Set<Example> training = new HashSet<>(ClassifierAccuracyTest.training);
        List<Example> added = demo.stream().filter(e -> !training.contains(e)).toList();
        ClassifierAccuracyTest.heldOutSets().forEach((name, set) -> {
            for (Example e : set.getKey()) {
                assertFalse(texts.contains(plain(e.text())), "a " + name + " report is a demo example: " + e.text());
                Set<String> pairs = pairs(e.text());
                for (Example a : added) {
                    assertTrue(overlap(pairs, pairs(a.text())) < NEAR_COPY,
                            "the demo example \"" + a.text() + "\" nearly copies a " + name + " report: " + e.text());
                }
            }
        });
    }

    /** Shared character pairs (of all the two texts have) from which an example counts as a near copy. */
    static final double NEAR_COPY = 0.6;

    @Test
    void shouldTellANearCopyFromADifferentReport() {
        assertTrue(overlap(pairs("楼道的灯坏了好几天了"), pairs("楼道里的灯坏了好几天了!")) >= NEAR_COPY);
        assertTrue(overlap(pairs("楼道的灯坏了好几天了"), pairs("单元门关不上，风一吹就响")) < NEAR_COPY);
        assertEquals(plain("The lift, is BROKEN!"), plain("thelift isbroken"));
    }

    /** A text without case, spaces or punctuation. */
    static String plain(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    static Set<String> pairs(String text) {
        String p = plain(text);
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 1 < p.length(); i++) {
            pairs.add(p.substring(i, i + 2));
        }
        return pairs;
    }

    /** Shared pairs over all pairs of either text (Jaccard). */
    static double overlap(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        if (union.isEmpty()) {
            return 1;
        }
        return (double) a.stream().filter(b::contains).count() / union.size();
    }
}
