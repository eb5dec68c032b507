package org.hotlinehub.intake;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotlinehub.intake.CategoryModel.Example;
import org.hotlinehub.intake.CategoryModel.Guess;
import org.hotlinehub.store.ReferenceLookup;
import org.hotlinehub.store.ReferenceLookup.Term;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The classifier on the labelled resident reports (src/test/resources/classifier/labelled.tsv) over the demo
 * catalog: every fourth report of each category is held out, the rest stand for operators' corrections (and are among
 * the demo's example reports, config/demo/classifier-examples.tsv); fresh.tsv and fresh2.tsv are a second and a third
 * held-out set. Prints the tables of BENCHMARKS.md ("Classifier", rounds 2 and 3) for the three sets and fails when a
 * demo hub's model (the catalog's keywords and the demo's examples) falls below what it reached there.
 */
class ClassifierAccuracyTest {

    private static final Logger LOG = Logger.getLogger(ClassifierAccuracyTest.class);

    /** The default thresholds (application.properties), which the floors below were reached at. */
    static final double MIN_CONFIDENCE = 0.5;

    /** Shares of a held-out set a change must not fall below (right, top three) or rise above (wrong). */
    record Floors(double rightUntouched, double top3, double wrongUntouched) {
    }

    /**
     * Reached by a demo hub (BENCHMARKS.md, "Classifier, round 3"), less 2-3 points (wrong: plus 2), at min-confidence
     * 0.5: labelled.tsv's held-out quarter 86.5 % right and 6.8 % wrong with no human touch, 96.6 % in the top three;
     * fresh.tsv 91.2 %, 1.8 %, 100 %; fresh2.tsv 89.9 %, 5.0 %, 98.3 %.
     */
    static final Floors LABELLED_FLOORS = new Floors(0.84, 0.94, 0.09);
    static final Floors FRESH_FLOORS = new Floors(0.89, 0.98, 0.04);
    static final Floors FRESH2_FLOORS = new Floors(0.87, 0.96, 0.07);

    static List<Term> catalog;
    static List<Example> training = new ArrayList<>();
    static List<Example> heldOut = new ArrayList<>();
    /** The second held-out set (fresh.tsv), written after the first model and before any change to it. */
    static List<Example> fresh = new ArrayList<>();
    /** The third held-out set (fresh2.tsv), written before round 3 changed the demo's examples and keywords. */
    static List<Example> fresh2 = new ArrayList<>();
    /** The demo district's example reports (config/demo/classifier-examples.tsv), which a demo hub learns. */
    static List<Example> demoExamples = new ArrayList<>();

    @BeforeAll
    static synchronized void load() throws IOException {
        if (catalog != null) {
            return;
        }
        catalog = demoCatalog();
        Map<String, Integer> seen = new HashMap<>();
        for (Example e : reports("labelled.tsv")) {
            int n = seen.merge(e.code(), 1, Integer::sum);
            (n % 4 == 0 ? heldOut : training).add(e);
        }
        fresh.addAll(reports("fresh.tsv"));
        fresh2.addAll(reports("fresh2.tsv"));
        demoExamples.addAll(ClassifierExamples.in(List.of("config/demo")));
    }

    private static List<Example> reports(String file) throws IOException {
        List<Example> reports = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/classifier", file), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", 2);
            reports.add(new Example(cols[1].strip(), cols[0].strip()));
        }
        return reports;
    }

    static List<Term> demoCatalog() throws IOException {
        JsonNode root = new YAMLMapper().readTree(Path.of("config/demo/02-catalog.yaml").toFile());
        List<Term> terms = new ArrayList<>();
        long id = 1;
        for (JsonNode entry : root.get("catalog")) {
            terms.add(new Term(id++, entry.get("code").asText(), entry.get("urgency").asText(),
                    strings(entry.at("/keywords/zh")), strings(entry.at("/keywords/en"))));
        }
        return terms;
    }

    private static List<String> strings(JsonNode array) {
        List<String> all = new ArrayList<>();
        array.forEach(n -> all.add(n.asText()));
        return all;
    }

    /** A classifier over the catalog, with the model given installed (or none: the keyword rule). */
    static Classifier classifier(List<Term> terms, CategoryModel model) {
        Classifier classifier = new Classifier();
        classifier.directory = new ReferenceLookup() {

            @Override
            public List<Term> activeTerms() {
                return terms;
            }
        };
        classifier.minConfidence = MIN_CONFIDENCE;
        if (model != null) {
            classifier.install(model);
        }
        return classifier;
    }

    record Score(int reports, int right, int rightUntouched, int wrongUntouched, int top3) {

        double share(int n) {
            return (double) n / reports;
        }

        String row(String name) {
            return String.format("| %s | %.1f %% | %.1f %% | %.1f %% | %.1f %% |", name, 100 * share(right),
                    100 * share(rightUntouched), 100 * share(wrongUntouched), 100 * share(top3));
        }
    }

    static Score score(Classifier classifier, List<Example> reports) {
        int right = 0, untouched = 0, wrong = 0, top3 = 0;
        for (Example e : reports) {
            List<Guess> guesses = classifier.suggest(e.text(), 3);
            if (!guesses.isEmpty() && guesses.get(0).entry().code().equals(e.code())) {
                right++;
            }
            if (guesses.stream().anyMatch(g -> g.entry().code().equals(e.code()))) {
                top3++;
            }
            var decided = classifier.classify(e.text());
            if (decided.isPresent()) {
                if (decided.get().entry().code().equals(e.code())) {
                    untouched++;
                } else {
                    wrong++;
                }
            }
        }
        return new Score(reports.size(), right, untouched, wrong, top3);
    }

    /** The held-out sets by name, with the floors a demo hub's model must hold on each. */
    static Map<String, Map.Entry<List<Example>, Floors>> heldOutSets() {
        Map<String, Map.Entry<List<Example>, Floors>> sets = new LinkedHashMap<>();
        sets.put("labelled.tsv, every fourth", Map.entry(heldOut, LABELLED_FLOORS));
        sets.put("fresh.tsv", Map.entry(fresh, FRESH_FLOORS));
        sets.put("fresh2.tsv", Map.entry(fresh2, FRESH2_FLOORS));
        return sets;
    }

    @Test
    void shouldClassifyHeldOutReportsAtLeastAsWellAsItDidWhenMeasured() {
        CategoryModel keywordsOnly = CategoryModel.train(catalog, List.of());
        // round 2's demo hub: the demo's examples were labelled.tsv's training part
        CategoryModel roundTwoExamples = CategoryModel.train(catalog, training);
        CategoryModel demoHub = CategoryModel.train(catalog, demoExamples);
        StringBuilder trade = new StringBuilder();
        heldOutSets().forEach((name, set) -> {
            List<Example> reports = set.getKey();
            Floors floors = set.getValue();
            Score substring = score(classifier(catalog, null), reports);
            Score learned = score(classifier(catalog, demoHub), reports);
            LOG.infof("%s: %d held-out reports, min-confidence %.2f%n"
                    + "| classifier | best category right | right, no human touch | wrong, no human touch | right in top 3 |%n"
                    + "|---|---|---|---|---|%n%s%n%s%n%s%n%s", name, reports.size(), MIN_CONFIDENCE,
                    substring.row("keyword substrings (the rule before issue 22, on these keywords)"),
                    score(classifier(catalog, keywordsOnly), reports).row("model, catalog keywords only"),
                    score(classifier(catalog, roundTwoExamples), reports)
                            .row("model, keywords + labelled.tsv's " + training.size() + " training reports"),
                    learned.row("**a demo hub: model, keywords + the demo's " + demoExamples.size() + " examples**"));
            trade.append(tradeRow(name, demoHub, reports));
            assertTrue(learned.share(learned.rightUntouched()) >= floors.rightUntouched(),
                    name + ": right with no human touch fell to " + learned.share(learned.rightUntouched()));
            assertTrue(learned.share(learned.top3()) >= floors.top3(),
                    name + ": top-3 fell to " + learned.share(learned.top3()));
            assertTrue(learned.share(learned.wrongUntouched()) <= floors.wrongUntouched(),
                    name + ": dispatched to the wrong category: " + learned.share(learned.wrongUntouched()));
            assertTrue(learned.rightUntouched() > substring.rightUntouched() && learned.top3() > substring.top3(),
                    "the learned model beats the keyword rule it replaces");
        });
        LOG.infof("a demo hub: right / wrong with no human touch by min-confidence%n"
                + "| held-out set | 0.30 | 0.35 | 0.40 | 0.50 | 0.60 | 0.70 |%n|---|---|---|---|---|---|---|%n%s",
                trade);
    }

    /** Right / wrong with no human touch at each min-confidence. */
    private static String tradeRow(String name, CategoryModel model, List<Example> reports) {
        StringBuilder row = new StringBuilder("| " + name + " |");
        for (double threshold : new double[]{0.3, 0.35, 0.4, 0.5, 0.6, 0.7}) {
            Classifier c = classifier(catalog, model);
            c.minConfidence = threshold;
            Score s = score(c, reports);
            row.append(String.format(" %.1f / %.1f %% |", 100 * s.share(s.rightUntouched()),
                    100 * s.share(s.wrongUntouched())));
        }
        return row.append("\n").toString();
    }

    @Test
    void shouldClassifyInTensOfMicrosecondsPrintedNotAsserted() {
        Classifier classifier = classifier(catalog, CategoryModel.train(catalog, demoExamples));
        List<String> texts = heldOut.stream().map(Example::text).toList();
        int sink = 0;
        for (int warm = 0; warm < 200; warm++) {
            for (String t : texts) {
                sink += classifier.classify(t).isPresent() ? 1 : 0;
            }
        }
        int rounds = 200;
        long started = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (String t : texts) {
                sink += classifier.classify(t).isPresent() ? 1 : 0;
            }
        }
        double micros = (System.nanoTime() - started) / 1000.0 / (rounds * texts.size());
        long trainStarted = System.nanoTime();
        CategoryModel.train(catalog, demoExamples);
        LOG.infof("classify: %.1f µs a text (%d texts x %d rounds, %d decided); a retrain on %d examples: %d ms",
                micros, texts.size(), rounds, sink, demoExamples.size(),
                (System.nanoTime() - trainStarted) / 1_000_000);
    }
}
