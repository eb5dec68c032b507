package org.hotlinehub.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.intake.CategoryModel.Guess;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.store.ReferenceLookup;
import org.hotlinehub.store.ReferenceLookup.Term;

/**
 * Picks a catalog entry for a free-text request with the learned {@link CategoryModel}: its best category when the
 * model is at least {@code hub.classifier.min-confidence} sure, otherwise none (the ticket goes to triage). The model
 * is immutable and replaced in one step by {@link ClassifierTraining}, which trains in the background; classifying
 * never trains and never waits. Until a model for the current catalog is there (just after start, or after the
 * catalog changed), the keyword rule decides: every keyword found scores its length (a specific phrase such as 电梯坏了
 * beats a bare 电梯), the highest total wins, ties go to the more urgent entry.
 */
@ApplicationScoped
public class Classifier {

    @Inject
    ReferenceLookup directory;
    @Inject
    HubConfig config;
    @Inject
    ClassifierTraining training;

    /** Below this probability of its best category the model leaves a request to triage. */
    double minConfidence;

    private final AtomicReference<CategoryModel> model = new AtomicReference<>();
    /** The catalog list last found equal to a model's, so an unchanged catalog is compared only by identity. */
    private volatile Fit confirmed;

    private record Fit(CategoryModel model, List<Term> terms) {
    }

    /**
     * A category for a text and why: the keywords found (keyword rule, {@code confidence} empty) or the features that
     * weighed most, with the model's probability.
     */
    public record Match(Term entry, List<String> keywords, Optional<Double> confidence) {

        public Match(Term entry, List<String> keywords) {
            this(entry, keywords, Optional.empty());
        }

        /** The timeline's note for it. */
        public String describe() {
            return confidence.map(c -> SystemReason.BY_WORDS.text(entry.code(), Math.round(c * 100),
                    String.join(", ", keywords)))
                    .orElseGet(() -> SystemReason.BY_KEYWORDS.text(entry.code(), String.join(", ", keywords)));
        }
    }

    @PostConstruct
    void init() {
        minConfidence = config.classifier().minConfidence();
    }

    public Optional<Match> classify(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<Term> terms = directory.activeTerms();
        CategoryModel current = current(terms);
        if (current == null) {
            return byKeywords(terms, text);
        }
        List<Guess> best = current.rank(text, 1);
        if (best.isEmpty() || best.get(0).confidence() < minConfidence) {
            return Optional.empty();
        }
        Guess g = best.get(0);
        return Optional.of(new Match(g.entry(), g.evidence(), Optional.of(g.confidence())));
    }

    /**
     * The {@code limit} likeliest categories for a text, likeliest first, whatever their confidence (for the operator
     * to choose from). Before a model is there: the entries whose keywords are found, with their share of the score.
     */
    List<Guess> suggest(String text, int limit) {
        List<Term> terms = directory.activeTerms();
        CategoryModel current = current(terms);
        if (current != null) {
            return current.rank(text == null ? "" : text, limit);
        }
        record Scored(Term entry, List<String> hits, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Term entry : terms) {
            List<String> hits = hits(entry, text == null ? "" : text.toLowerCase(Locale.ROOT));
            int score = hits.stream().mapToInt(String::length).sum();
            if (score > 0) {
                scored.add(new Scored(entry, hits, score));
            }
        }
        double total = scored.stream().mapToInt(Scored::score).sum();
        return scored.stream().sorted(Comparator.comparingInt(Scored::score).reversed()).limit(limit)
                .map(s -> new Guess(s.entry(), s.score() / total, s.hits())).toList();
    }

    /** Puts a newly trained model in place of the one in use. */
    void install(CategoryModel trained) {
        model.set(trained);
    }

    /** The model in use if it was trained for this catalog; otherwise none, and a retrain is asked for. */
    private CategoryModel current(List<Term> terms) {
        CategoryModel m = model.get();
        if (m == null) {
            return null;
        }
        Fit fit = confirmed;
        if (fit == null || fit.model() != m || fit.terms() != terms) {
            if (!m.terms().equals(terms)) {
                if (training != null) {
                    training.retrainSoon();
                }
                return null;
            }
            confirmed = new Fit(m, terms);
        }
        return m;
    }

    /** The keyword rule (the classifier before issue 22, and the fallback while no model fits the catalog). */
    static Optional<Match> byKeywords(List<Term> terms, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String haystack = text.toLowerCase(Locale.ROOT);
        Match best = null;
        int bestScore = 0;
        for (Term entry : terms) {
            List<String> hits = hits(entry, haystack);
            int score = hits.stream().mapToInt(String::length).sum();
            if (score > bestScore || (score == bestScore && score > 0 && moreUrgent(entry, best.entry()))) {
                best = new Match(entry, hits);
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<String> hits(Term entry, String haystack) {
        return Stream.concat(entry.keywordsZh().stream(), entry.keywordsEn().stream())
                .filter(k -> !k.isBlank() && haystack.contains(k.toLowerCase(Locale.ROOT))).toList();
    }

    private static boolean moreUrgent(Term a, Term b) {
        return rank(a.urgency()) < rank(b.urgency());
    }

    private static int rank(String urgency) {
        return switch (urgency) {
            case "urgent" -> 0;
            case "normal" -> 1;
            default -> 2;
        };
    }
}
