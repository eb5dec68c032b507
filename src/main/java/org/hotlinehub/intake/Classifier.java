package org.hotlinehub.intake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.store.IntakeDirectory;
import org.hotlinehub.store.IntakeDirectory.Term;

/**
 * Picks a catalog entry for a free-text request by its keywords: every keyword found scores its length (a specific
 * phrase such as 电梯坏了 beats a bare 电梯), the highest total wins, ties go to the more urgent entry.
 */
@ApplicationScoped
public class Classifier {

    @Inject
    IntakeDirectory directory;

    public record Match(Term entry, List<String> keywords) {
    }

    public Optional<Match> classify(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String haystack = text.toLowerCase(Locale.ROOT);
        Match best = null;
        int bestScore = 0;
        for (Term entry : directory.activeTerms()) {
            List<String> hits = java.util.stream.Stream.concat(entry.keywordsZh().stream(), entry.keywordsEn().stream())
                    .filter(k -> !k.isBlank() && haystack.contains(k.toLowerCase(Locale.ROOT))).toList();
            int score = hits.stream().mapToInt(String::length).sum();
            if (score > bestScore || (score == bestScore && score > 0 && moreUrgent(entry, best.entry()))) {
                best = new Match(entry, hits);
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
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
