package org.hotlinehub.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One place in a ranking: {@code score} is the rate ranked by ({@code response}, {@code resolution},
 * {@code satisfaction}) or, for {@code overall}, the mean of the three rates that have a denominator. Equal scores
 * share a rank (1, 2, 2, 4); ties are listed by key.
 */
public record RankedRates(int rank, Double score, RateRow rates) {

    public static final List<String> SORTS = List.of("overall", "response", "resolution", "satisfaction");

    /**
     * Ranks rows by {@code sort}, best first. A row takes part when its score exists and the count behind it (offered
     * for response, judged for resolution, answers for satisfaction, all three added for overall) reaches
     * {@code minimum}; the group "-" (nobody assigned) never does.
     *
     * @throws IllegalArgumentException for an unknown sort
     */
    public static List<RankedRates> rank(List<RateRow> rows, String sort, long minimum) {
        String by = sort == null ? "overall" : sort.strip().toLowerCase(Locale.ROOT);
        if (!SORTS.contains(by)) {
            throw new IllegalArgumentException("sort must be one of " + SORTS);
        }
        record Scored(Double score, RateRow row) {
        }
        List<Scored> scored = rows.stream().filter(r -> !"-".equals(r.key()))
                .map(r -> new Scored(score(r, by), r))
                .filter(s -> s.score() != null && weight(s.row(), by) >= minimum)
                .sorted(Comparator.comparing(Scored::score).reversed().thenComparing(s -> s.row().key())).toList();
        List<RankedRates> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            int rank = i > 0 && s.score().equals(scored.get(i - 1).score()) ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new RankedRates(rank, s.score(), s.row()));
        }
        return ranked;
    }

    private static Double score(RateRow r, String by) {
        return switch (by) {
            case "response" -> r.responseRate();
            case "resolution" -> r.resolutionRate();
            case "satisfaction" -> r.satisfactionRate();
            default -> {
                List<Double> present = Stream.of(r.responseRate(), r.resolutionRate(), r.satisfactionRate())
                        .filter(java.util.Objects::nonNull).toList();
                yield present.isEmpty()
                        ? null
                        : Math.round(present.stream().mapToDouble(Double::doubleValue).average().orElseThrow()
                                * 10000.0) / 10000.0;
            }
        };
    }

    private static long weight(RateRow r, String by) {
        return switch (by) {
            case "response" -> r.offered();
            case "resolution" -> r.judged();
            case "satisfaction" -> r.answers();
            default -> r.offered() + r.judged() + r.answers();
        };
    }
}
