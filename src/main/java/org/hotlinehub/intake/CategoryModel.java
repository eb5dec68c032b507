package org.hotlinehub.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import org.hotlinehub.store.ReferenceLookup.Term;

/**
 * A trained classifier, never changed once built (a retrain builds a new one): multinomial logistic regression over
 * {@link TextFeatures}, learned from the catalog's keywords (each keyword an example of its entry) and operators'
 * corrections from triage. Explainable: a category's score is the sum of one weight per feature found, and the
 * features that weigh most for the winner are what the timeline shows.
 */
final class CategoryModel {

    /** A labelled text: an operator's correction, or a report of the labelled set. */
    record Example(String text, String code) {
    }

    /** A category for a text, with the model's probability for it and the features that weighed most for it. */
    record Guess(Term entry, double confidence, List<String> evidence) {
    }

    /**
     * How a model is trained: passes over the examples, step size, L2 weight decay; whether runs of three characters
     * are features; how many times a catalog keyword found counts (1: like any other feature); whether the model is
     * the average of the weights over all steps (averaged SGD) rather than the last ones; whether a text's features
     * are scaled by one over the square root of their number (a long report does not outweigh a short one).
     */
    record Settings(int epochs, double rate, double l2, boolean triples, int keywordWeight, boolean averaged,
            boolean normalised) {

        Settings(int epochs, double rate, double l2) {
            this(epochs, rate, l2, false, 1, false, false);
        }

        double scale(int[] x) {
            return normalised && x.length > 0 ? 1 / Math.sqrt(x.length) : 1;
        }
    }

    /**
     * Chosen by four-fold cross-validation on the training part of the labelled reports ({@code ClassifierChoices},
     * BENCHMARKS.md "Classifier"): runs of three, heavier keywords, averaging, length scaling, another step or decay
     * gained nothing.
     */
    static final Settings DEFAULT = new Settings(30, 0.2, 1e-4);
    static final long SEED = 22;

    private final List<Term> terms;
    private final String[] codes;
    private final Map<String, Integer> vocabulary;
    private final String[] names;
    private final float[] weights; // feature f, class k at f * classes + k
    private final float[] bias;
    private final List<String> keywords;
    private final int corrections;
    private final Settings settings;

    private CategoryModel(List<Term> terms, Map<String, Integer> vocabulary, float[] weights, float[] bias,
            List<String> keywords, int corrections, Settings settings) {
        this.terms = terms;
        this.codes = terms.stream().map(Term::code).toArray(String[]::new);
        this.vocabulary = vocabulary;
        this.names = new String[vocabulary.size()];
        vocabulary.forEach((name, id) -> names[id] = name);
        this.weights = weights;
        this.bias = bias;
        this.keywords = keywords;
        this.corrections = corrections;
        this.settings = settings;
    }

    /** The catalog entries it was trained for. */
    List<Term> terms() {
        return terms;
    }

    /** How many operators' corrections it learned from. */
    int corrections() {
        return corrections;
    }

    int features() {
        return names.length;
    }

    /**
     * Trains a model for the catalog entries on their keywords and the examples given (examples of entries not in
     * the catalog are left out). Deterministic: the same catalog and examples give the same model.
     */
    static CategoryModel train(List<Term> terms, List<Example> examples) {
        return train(terms, examples, DEFAULT);
    }

    static CategoryModel train(List<Term> terms, List<Example> examples, Settings settings) {
        List<String> keywords = keywordsOf(terms);
        Map<String, Integer> classOf = new HashMap<>();
        for (int k = 0; k < terms.size(); k++) {
            classOf.put(terms.get(k).code(), k);
        }
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int k = 0; k < terms.size(); k++) {
            Term t = terms.get(k);
            for (String keyword : concat(t.keywordsZh(), t.keywordsEn())) {
                if (!keyword.isBlank()) {
                    texts.add(keyword);
                    labels.add(k);
                }
            }
        }
        int fromOperators = 0;
        for (Example e : examples) {
            Integer k = classOf.get(e.code());
            if (k != null && e.text() != null && !e.text().isBlank()) {
                texts.add(e.text());
                labels.add(k);
                fromOperators++;
            }
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        int[][] rows = new int[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            rows[i] = row(texts.get(i), keywords, settings, f -> vocabulary.computeIfAbsent(f, x -> vocabulary.size()));
        }
        int classes = terms.size();
        float[] w = new float[vocabulary.size() * classes];
        float[] b = new float[classes];
        int[] order = new int[rows.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // averaged SGD: u and ub sum step * change, so that the average of all steps' weights is w - u / steps
        float[] u = settings.averaged() ? new float[w.length] : null;
        float[] ub = settings.averaged() ? new float[classes] : null;
        long step = 1;
        Random random = new Random(SEED);
        double[] p = new double[classes];
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            double rate = settings.rate() / (1 + 0.1 * epoch);
            for (int i : order) {
                int[] x = rows[i];
                double scale = settings.scale(x);
                probabilities(x, scale, w, b, classes, p);
                int label = labels.get(i);
                for (int k = 0; k < classes; k++) {
                    double g = (k == label ? 1 : 0) - p[k];
                    float db = (float) (rate * g);
                    b[k] += db;
                    if (ub != null) {
                        ub[k] += step * db;
                    }
                    for (int f : x) {
                        int at = f * classes + k;
                        float dw = (float) (rate * (g * scale - settings.l2() * w[at]));
                        w[at] += dw;
                        if (u != null) {
                            u[at] += step * dw;
                        }
                    }
                }
                step++;
            }
        }
        if (u != null) {
            for (int at = 0; at < w.length; at++) {
                w[at] -= u[at] / step;
            }
            for (int k = 0; k < classes; k++) {
                b[k] -= ub[k] / step;
            }
        }
        return new CategoryModel(List.copyOf(terms), Map.copyOf(vocabulary), w, b, keywords, fromOperators,
                settings);
    }

    /** Every category for the text, most likely first; empty when the model knows no category. */
    List<Guess> rank(String text, int limit) {
        int classes = codes.length;
        if (classes == 0) {
            return List.of();
        }
        int[] x = row(text, keywords, settings, vocabulary::get);
        double[] p = new double[classes];
        probabilities(x, settings.scale(x), weights, bias, classes, p);
        List<Integer> best = new ArrayList<>(classes);
        for (int k = 0; k < classes; k++) {
            best.add(k);
        }
        best.sort(Comparator.comparingDouble((Integer k) -> -p[k]));
        List<Guess> guesses = new ArrayList<>(Math.min(limit, classes));
        for (int k : best.subList(0, Math.min(limit, classes))) {
            guesses.add(new Guess(terms.get(k), p[k], evidence(x, k)));
        }
        return guesses;
    }

    /**
     * A text's feature ids (features the vocabulary gives none are left out); a keyword found counts
     * {@code keywordWeight} times, so its id is there that many times.
     */
    private static int[] row(String text, List<String> keywords, Settings settings,
            Function<String, Integer> ids) {
        Set<String> found = TextFeatures.of(text, keywords, settings.triples());
        int[] row = new int[found.size() * settings.keywordWeight()];
        int n = 0;
        for (String feature : found) {
            Integer id = ids.apply(feature);
            if (id != null) {
                int times = feature.startsWith(TextFeatures.KEYWORD) ? settings.keywordWeight() : 1;
                for (int t = 0; t < times; t++) {
                    row[n++] = id;
                }
            }
        }
        return Arrays.copyOf(row, n);
    }

    /** The (at most three) features found that weigh most for class k, heaviest first. */
    private List<String> evidence(int[] x, int k) {
        int classes = codes.length;
        List<Integer> positive = new ArrayList<>();
        for (int f : x) {
            if (weights[f * classes + k] > 0) {
                positive.add(f);
            }
        }
        positive.sort(Comparator.comparingDouble((Integer f) -> -weights[f * classes + k]));
        Set<String> shown = new LinkedHashSet<>();
        for (int f : positive) {
            if (shown.size() == 3) {
                break;
            }
            shown.add(TextFeatures.shown(names[f]));
        }
        return List.copyOf(shown);
    }

    private static void probabilities(int[] x, double scale, float[] w, float[] b, int classes, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            double s = b[k];
            for (int f : x) {
                s += scale * w[f * classes + k];
            }
            p[k] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            p[k] = Math.exp(p[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < classes; k++) {
            p[k] /= sum;
        }
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static List<String> keywordsOf(List<Term> terms) {
        Set<String> all = new LinkedHashSet<>();
        for (Term t : terms) {
            for (String keyword : concat(t.keywordsZh(), t.keywordsEn())) {
                if (!keyword.isBlank()) {
                    all.add(keyword.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(all);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
