package org.hotlinehub.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotlinehub.intake.CategoryModel.Example;
import org.hotlinehub.intake.CategoryModel.Guess;
import org.hotlinehub.intake.CategoryModel.Settings;
import org.hotlinehub.store.ReferenceLookup.Term;

/**
 * How the classifier's settings and decision rule were chosen (BENCHMARKS.md, "Classifier"): by four-fold
 * cross-validation on the TRAINING part of labelled.tsv only (the held-out quarter and fresh.tsv are never looked
 * at here). Each fold's model learns the catalog's keywords and the other three folds; the table gives, for each
 * setting, the share of the fold's reports right in first place and in the top three, and right and wrong with no
 * human touch under each decision rule ("agree": the catalog's keyword rule picks the same entry). Not a test; after
 * {@code mvn -o test-compile} and
 * {@code mvn -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test}, run
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.hotlinehub.intake.ClassifierChoices}
 * (with a setting's name as argument: also the grid of decision rules for it).
 */
public final class ClassifierChoices {

    private ClassifierChoices() {
    }

    /** One report's out-of-fold outcome: the model's two best, and what the keyword rule says. */
    record Outcome(String truth, String first, double p1, double p2, boolean inTop3, String byKeywords) {
    }

    public static void main(String[] args) throws Exception {
        ClassifierAccuracyTest.load();
        List<Term> catalog = ClassifierAccuracyTest.catalog;
        List<Example> training = ClassifierAccuracyTest.training;
        Map<String, Settings> variants = new LinkedHashMap<>();
        variants.put("today (30, 0.2, 1e-4)", CategoryModel.DEFAULT);
        variants.put("+ triples", new Settings(30, 0.2, 1e-4, true, 1, false, false));
        variants.put("+ keyword x2", new Settings(30, 0.2, 1e-4, false, 2, false, false));
        variants.put("+ keyword x3", new Settings(30, 0.2, 1e-4, false, 3, false, false));
        variants.put("+ averaged", new Settings(30, 0.2, 1e-4, false, 1, true, false));
        variants.put("l2 0", new Settings(30, 0.2, 0, false, 1, false, false));
        variants.put("l2 1e-3", new Settings(30, 0.2, 1e-3, false, 1, false, false));
        variants.put("rate 0.1", new Settings(30, 0.1, 1e-4, false, 1, false, false));
        variants.put("rate 0.4", new Settings(30, 0.4, 1e-4, false, 1, false, false));
        variants.put("60 passes", new Settings(60, 0.2, 1e-4, false, 1, false, false));
        variants.put("triples + averaged", new Settings(30, 0.2, 1e-4, true, 1, true, false));
        variants.put("triples + kw x2", new Settings(30, 0.2, 1e-4, true, 2, false, false));
        variants.put("triples + kw x2 + averaged", new Settings(30, 0.2, 1e-4, true, 2, true, false));
        variants.put("+ normalised", new Settings(30, 0.2, 1e-4, false, 1, false, true));
        variants.put("normalised, rate 0.4", new Settings(30, 0.4, 1e-4, false, 1, false, true));
        variants.put("normalised + triples", new Settings(30, 0.2, 1e-4, true, 1, false, true));
        variants.put("normalised + triples + averaged", new Settings(30, 0.4, 1e-4, true, 1, true, true));
        if (args.length > 0) {
            variants.keySet().retainAll(List.of(args));
        }
        System.out.println("| setting (training part, 4 folds) | first right | top 3 | p1>=0.35 right/wrong "
                + "| p1>=0.5 right/wrong | p1>=0.6 right/wrong | agree>=0.3 or p1>=0.6 right/wrong | train ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (var v : variants.entrySet()) {
            long started = System.nanoTime();
            List<Outcome> outcomes = crossValidate(catalog, training, v.getValue(), 4);
            long ms = (System.nanoTime() - started) / 1_000_000 / 4;
            System.out.printf("| %s | %s | %s | %s | %s | %s | %s | %d |%n", v.getKey(),
                    pct(outcomes.stream().filter(o -> o.first().equals(o.truth())).count(), outcomes.size()),
                    pct(outcomes.stream().filter(Outcome::inTop3).count(), outcomes.size()),
                    rule(outcomes, 0.35, 2), rule(outcomes, 0.5, 2), rule(outcomes, 0.6, 2),
                    rule(outcomes, 0.6, 0.3), ms);
        }
        if (args.length > 0) {
            List<Outcome> outcomes = crossValidate(catalog, training, variants.values().iterator().next(), 4);
            System.out.println("\ndecision rules for " + variants.keySet().iterator().next());
            for (double alone : new double[]{0.4, 0.5, 0.6, 0.7, 0.8}) {
                StringBuilder line = new StringBuilder(String.format("p1>=%.2f:", alone));
                for (double agreed : new double[]{0.2, 0.3, 0.4, 0.5, 2}) {
                    line.append(String.format("  agree>=%.1f %s", agreed, rule(outcomes, alone, agreed)));
                }
                System.out.println(line);
            }
            for (double margin : new double[]{0.1, 0.2, 0.3, 0.4, 0.5}) {
                long right = outcomes.stream().filter(o -> o.p1() - o.p2() >= margin && o.first().equals(o.truth()))
                        .count();
                long wrong = outcomes.stream().filter(o -> o.p1() - o.p2() >= margin && !o.first().equals(o.truth()))
                        .count();
                System.out.printf("margin>=%.1f: %s / %s%n", margin, pct(right, outcomes.size()),
                        pct(wrong, outcomes.size()));
            }
        }
    }

    /** Dispatched with no human touch: p1 at least {@code alone}, or at least {@code agreed} where the rule agrees. */
    static String rule(List<Outcome> outcomes, double alone, double agreed) {
        long right = 0, wrong = 0;
        for (Outcome o : outcomes) {
            boolean agrees = o.first().equals(o.byKeywords());
            if (o.p1() >= alone || agrees && o.p1() >= agreed) {
                if (o.first().equals(o.truth())) {
                    right++;
                } else {
                    wrong++;
                }
            }
        }
        return pct(right, outcomes.size()) + " / " + pct(wrong, outcomes.size());
    }

    static List<Outcome> crossValidate(List<Term> catalog, List<Example> examples, Settings settings, int folds) {
        Map<String, Integer> seen = new HashMap<>();
        int[] fold = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            fold[i] = seen.merge(examples.get(i).code(), 1, Integer::sum) % folds;
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<Example> learn = new ArrayList<>();
            List<Example> check = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (fold[i] == f ? check : learn).add(examples.get(i));
            }
            CategoryModel model = CategoryModel.train(catalog, learn, settings);
            for (Example e : check) {
                List<Guess> best = model.rank(e.text(), 3);
                Optional<Classifier.Match> rule = Classifier.byKeywords(catalog, e.text());
                outcomes.add(new Outcome(e.code(), best.get(0).entry().code(), best.get(0).confidence(),
                        best.get(1).confidence(), best.stream().anyMatch(g -> g.entry().code().equals(e.code())),
                        rule.map(m -> m.entry().code()).orElse("")));
            }
        }
        return outcomes;
    }

    static String pct(long n, long of) {
        return String.format("%.1f %%", 100.0 * n / of);
    }
}
