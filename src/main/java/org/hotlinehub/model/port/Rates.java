package org.hotlinehub.model.port;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hotlinehub.model.RankedRates;
import org.hotlinehub.model.RateDimension;
import org.hotlinehub.model.RateQuery;
import org.hotlinehub.model.RateRow;

/** The three rates computed by grouped SQL (they must scale to millions of tickets). */
public interface Rates {

    /** One row per group with at least one assignment, ticket or survey answer, ordered by key. */
    List<RateRow> rates(RateQuery query);

    /** The rates of {@code query.by()} ranked (see {@link RankedRates#rank}). */
    default List<RankedRates> ranking(RateQuery query, String sort, long minimum) {
        return RankedRates.rank(rates(query), sort, minimum);
    }

    /**
     * The last {@code weeks} weeks (Monday to Sunday in {@code zone}) up to the week holding {@code query.to()}, one
     * row per week keyed by its Monday (2026-05-04), weeks without activity included with zero counts.
     */
    default List<RateRow> weekly(RateQuery query, int weeks, ZoneId zone) {
        LocalDate lastDay = query.to().minusNanos(1).atZone(zone).toLocalDate();
        LocalDate first = lastDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1L);
        RateQuery byWeek = query.withBy(RateDimension.WEEK).withPeriod(first.atStartOfDay(zone).toInstant(),
                query.to());
        Map<String, RateRow> found = rates(byWeek).stream().collect(Collectors.toMap(RateRow::key,
                Function.identity()));
        List<RateRow> rows = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            String key = first.plusWeeks(i).toString();
            rows.add(found.getOrDefault(key, new RateRow(key, key, 0, 0, 0, null, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0,
                    0, null)));
        }
        return rows;
    }
}
