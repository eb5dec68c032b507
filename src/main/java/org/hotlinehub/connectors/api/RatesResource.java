package org.hotlinehub.connectors.api;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.config.HubTime;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.RankedRates;
import org.hotlinehub.model.RateQuery;
import org.hotlinehub.model.RateQueryParams;
import org.hotlinehub.model.RateRow;
import org.hotlinehub.model.port.Rates;

/**
 * The three rates (三率) of docs/architecture.md, "The three rates", for supervisors: response rate = assignments
 * accepted within the accept limit ÷ assignments offered; resolution rate = tickets confirmed solved ÷ tickets that
 * reached their resolve limit or closed; satisfaction rate = (satisfied + basically satisfied) ÷ survey answers —
 * grouped by partner, party type, community, grid, category, channel, week or month, with the counts behind each.
 */
@Path("/api/v1/rates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.SUPERVISOR, Caller.ADMIN})
@Tag(name = "Rates", description = "Response, resolution and satisfaction rates (三率), rankings and weekly trends")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "apiKey")
public class RatesResource {

    static final int MAX_WEEKS = 104;

    @Inject
    Rates rates;
    @Inject
    HubTime time;

    /** The rows and the query they answer (period, as-of time). */
    public record RatesResponse(String by, Instant from, Instant to, Instant asOf, List<RateRow> rows) {
    }

    public record RankingResponse(String by, String sort, Instant from, Instant to, Instant asOf,
            List<RankedRates> ranking) {
    }

    @GET
    @Operation(summary = "The three rates per group, with the counts behind each", description = "Assignments count in"
            + " the period they were offered in, tickets and survey answers in the period the ticket was filed in."
            + " A rate is null when nothing counts towards its denominator.")
    public RatesResponse list(@BeanParam RateQueryParams filters) {
        RateQuery q = filters.query(time.now(), time.zone());
        return new RatesResponse(q.by().code(), q.from(), q.to(), q.asOf(), rates.rates(q));
    }

    @GET
    @Path("/ranking")
    @Operation(summary = "Rank partners (or party types, communities …) by one rate or all three", description = "sort: overall (mean of the rates that exist, default), response, resolution, satisfaction."
            + " Groups whose counts behind the score are below minimum are left out.")
    public RankingResponse ranking(@BeanParam RateQueryParams filters,
            @QueryParam("sort") @DefaultValue("overall") String sort,
            @QueryParam("minimum") @DefaultValue("1") long minimum) {
        RateQuery q = filters.query(time.now(), time.zone());
        return new RankingResponse(q.by().code(), sort, q.from(), q.to(), q.asOf(),
                rates.ranking(q, sort, minimum));
    }

    @GET
    @Path("/trend")
    @Operation(summary = "Weekly rates for the last weeks up to to (default now), quiet weeks included")
    public RatesResponse trend(@BeanParam RateQueryParams filters, @QueryParam("weeks") @DefaultValue("12") int weeks) {
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new BadRequestException("weeks must be between 1 and " + MAX_WEEKS);
        }
        RateQuery q = filters.query(time.now(), time.zone());
        List<RateRow> rows = rates.weekly(q, weeks, time.zone());
        // the first row is keyed by the Monday the trend starts on
        return new RatesResponse("week", null, q.to(), q.asOf(), rows);
    }
}
