package org.hotlinehub.model;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters that filter a list of tickets, declared and read in one place for every list that takes them:
 * the API's list ({@code GET /api/v1/tickets}), the CSV export ({@code GET /api/v1/reports/tickets.csv}) and the
 * operators' console list ({@code GET /console/tickets}). A resource takes them as a {@code @BeanParam}; every one is
 * optional, lists take comma-separated values and blank means no filter.
 */
public class TicketFilterParams {

    @QueryParam("status")
    @Parameter(description = "statuses, e.g. received,triage,dispatched")
    public String status;
    @QueryParam("category")
    @Parameter(description = "catalog codes, e.g. property-repair")
    public String category;
    @QueryParam("place")
    @Parameter(description = "a place code; matches it and every place below it")
    public String place;
    @QueryParam("partner")
    @Parameter(description = "a partner code that has or had an assignment")
    public String partner;
    @QueryParam("channel")
    @Parameter(description = "channels, e.g. web,open311")
    public String channel;
    @QueryParam("from")
    @Parameter(description = "filed at or after: ISO date-time or date (hotline time)")
    public String from;
    @QueryParam("to")
    @Parameter(description = "filed before: ISO date-time or date (that whole day included)")
    public String to;
    @QueryParam("q")
    @Parameter(description = "full-text search in reference, description and address")
    @Size(max = InputLimits.TERM)
    public String q;

    /**
     * The filter these parameters ask for; a date means the start of that day in {@code zone} (for {@code to}: the
     * start of the next day).
     *
     * @throws IllegalArgumentException naming the parameter that cannot be read ({@code unknown status 'lost'})
     */
    public TicketFilter filter(ZoneId zone) {
        return new TicketFilter(values(status, "status", s -> TicketStatus.valueOf(s.toUpperCase())),
                values(category, "category", s -> s), Strings.blankToNull(place), Strings.blankToNull(partner),
                channels(channel), Periods.instant(from, "from", false, zone), Periods.instant(to, "to", true, zone),
                Strings.blankToNull(q));
    }

    /**
     * Channels written as the list filter takes them ({@code sms,wechat}, any case).
     *
     * @throws IllegalArgumentException for a channel the hub does not have
     */
    public static List<Channel> channels(String value) {
        return values(value, "channel", s -> Channel.valueOf(s.toUpperCase()));
    }

    private static <T> List<T> values(String value, String name, Function<String, T> parse) {
        if (Strings.isBlank(value)) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(s -> {
            try {
                return parse.apply(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown " + name + " '" + s + "'");
            }
        }).toList();
    }
}
