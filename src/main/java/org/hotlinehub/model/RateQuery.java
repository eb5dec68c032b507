package org.hotlinehub.model;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Which rates to compute: grouped {@code by} a dimension, over a period [{@code from}, {@code to}) and narrowed by
 * optional filters (null = any). {@code asOf} is "now" for work still under way (an offer still inside its accept
 * window is not yet counted). Assignments belong to the period they were offered in, tickets and their survey answers
 * to the period they were filed in.
 */
public record RateQuery(
        RateDimension by,
        Instant from,
        Instant to,
        Instant asOf,
        String partner,
        String partyType,
        String street,
        String community,
        String grid,
        String category,
        Channel channel) {

    /** The period when none is given: from the start of the hotline day 90 days before its end. */
    public static final java.time.Duration DEFAULT_PERIOD = java.time.Duration.ofDays(90);

    /**
     * Reads the query parameters of the rates API and reports: {@code by} a {@link RateDimension} code (default
     * partner), {@code from}/{@code to} ISO date-times or dates in hotline time ({@code to} inclusive for a date;
     * default the 90 days up to {@code now}), filters blank for any; {@code zone} is the hotline's zone, in which a
     * date starts.
     *
     * @throws IllegalArgumentException naming the parameter that cannot be read
     */
    public static RateQuery parse(String by, String from, String to, String partner, String partyType,
            String street, String community, String grid, String category, String channel, Instant now,
            ZoneId zone) {
        RateDimension dimension = by == null || by.isBlank()
                ? RateDimension.PARTNER
                : RateDimension.fromCode(by.strip()).orElseThrow(() -> new IllegalArgumentException("by '" + by
                        + "' is not one of " + java.util.Arrays.stream(RateDimension.values())
                                .map(RateDimension::code).toList()));
        Instant end = Periods.instant(to, "to", true, zone);
        end = end == null ? now : end;
        Instant start = Periods.instant(from, "from", false, zone);
        // whole hotline days: the aggregates answer them, where a period starting mid-day counts its first day live
        start = start == null
                ? end.atZone(zone).toLocalDate().minusDays(DEFAULT_PERIOD.toDays()).atStartOfDay(zone).toInstant()
                : start;
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("from must be before to");
        }
        Channel ch = null;
        if (channel != null && !channel.isBlank()) {
            try {
                ch = Channel.valueOf(channel.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("channel '" + channel + "' is not one of "
                        + java.util.Arrays.stream(Channel.values()).map(c -> c.name().toLowerCase()).toList());
            }
        }
        return new RateQuery(dimension, start, end, now, Strings.blankToNull(partner), Strings.blankToNull(partyType),
                Strings.blankToNull(street), Strings.blankToNull(community), Strings.blankToNull(grid),
                Strings.blankToNull(category), ch);
    }

    /** The same query narrowed to a street, community, category and channel (null = any). */
    public RateQuery narrowed(String newStreet, String newCommunity, String newCategory, Channel newChannel) {
        return new RateQuery(by, from, to, asOf, partner, partyType, newStreet, newCommunity, grid, newCategory,
                newChannel);
    }

    public RateQuery withBy(RateDimension dimension) {
        return new RateQuery(dimension, from, to, asOf, partner, partyType, street, community, grid, category,
                channel);
    }

    public RateQuery withAsOf(Instant now) {
        return new RateQuery(by, from, to, now, partner, partyType, street, community, grid, category, channel);
    }

    public RateQuery withPeriod(Instant newFrom, Instant newTo) {
        return new RateQuery(by, newFrom, newTo, asOf, partner, partyType, street, community, grid, category,
                channel);
    }
}
