package org.hotlinehub.model;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters every rates call takes, declared once for the rates API ({@code GET /api/v1/rates}, its
 * ranking and trend) and the CSV export ({@code GET /api/v1/reports/rates.csv}). A resource takes them as a
 * {@code @BeanParam}; {@link RateQuery#parse} reads them.
 */
public class RateQueryParams {

    @QueryParam("by")
    @Parameter(description = "partner (default), party-type, community, grid, category, channel, week, month or all")
    public String by;
    @QueryParam("from")
    @Parameter(description = "period start: ISO date-time or date in hotline time (default: the start of the day 90"
            + " days before to)")
    public String from;
    @QueryParam("to")
    @Parameter(description = "period end: ISO date-time (exclusive) or date (that day included); default now")
    public String to;
    @QueryParam("partner")
    @Parameter(description = "only this partner's or volunteer's code")
    public String partner;
    @QueryParam("partyType")
    @Parameter(description = "only this party type, e.g. property-firm, volunteer")
    public String partyType;
    @QueryParam("street")
    @Parameter(description = "only this street's (街道) place code")
    public String street;
    @QueryParam("community")
    @Parameter(description = "only this community's place code")
    public String community;
    @QueryParam("grid")
    @Parameter(description = "only this grid's place code")
    public String grid;
    @QueryParam("category")
    @Parameter(description = "only this catalog code")
    public String category;
    @QueryParam("channel")
    @Parameter(description = "only this channel: web, sms, voice, wechat, open311, api, operator")
    public String channel;

    /**
     * The query these parameters ask for, as of {@code now}, dates read in {@code zone}.
     *
     * @throws IllegalArgumentException naming the parameter that cannot be read
     */
    public RateQuery query(Instant now, ZoneId zone) {
        return RateQuery.parse(by, from, to, partner, partyType, street, community, grid, category, channel, now,
                zone);
    }
}
