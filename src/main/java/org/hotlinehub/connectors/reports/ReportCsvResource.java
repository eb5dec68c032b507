package org.hotlinehub.connectors.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.config.HubTime;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.RateQuery;
import org.hotlinehub.model.RateQueryParams;
import org.hotlinehub.model.RateRow;
import org.hotlinehub.model.TicketFilter;
import org.hotlinehub.model.TicketFilterParams;
import org.hotlinehub.model.port.Rates;
import org.hotlinehub.model.port.TicketSearch;

/** CSV exports for supervisors: tickets (streamed, any size) and the rates of any grouping. */
@Path("/api/v1/reports")
@RolesAllowed({Caller.SUPERVISOR, Caller.ADMIN})
@Tag(name = "Reports", description = "CSV exports of tickets and rates (UTF-8 with BOM, opens in Excel)")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "apiKey")
public class ReportCsvResource {

    static final String CSV = "text/csv; charset=UTF-8";

    static final List<String> TICKET_COLUMNS = List.of("reference", "created_at", "channel", "status", "priority",
            "category_code", "category", "community", "grid", "place", "address", "description", "lead",
            "lead_name", "offered_at", "accept_by", "accepted_at", "resolve_by", "resolved_at", "overdue",
            "paused_seconds", "survey_outcome", "survey_excluded");

    static final List<String> RATE_COLUMNS = List.of("key", "name", "offered", "accepted_in_time", "response_rate",
            "overdue", "tickets", "judged", "solved", "resolution_rate", "answers", "satisfied",
            "basically_satisfied", "dissatisfied", "not_solved", "satisfaction_rate", "no_reply", "not_asked",
            "excluded_by_appeal");

    @Inject
    TicketSearch tickets;
    @Inject
    Rates rates;
    @Inject
    HubTime time;

    @GET
    @Path("/tickets.csv")
    @Produces(CSV)
    @Operation(summary = "Tickets as CSV, oldest first, with their lead, clocks and call-back outcome (no resident"
            + " names or phones)")
    public Response tickets(@Valid @BeanParam TicketFilterParams filters) {
        TicketFilter filter = filters.filter(time.zone());
        StreamingOutput body = out -> {
            try (CsvTable csv = new CsvTable(out, TICKET_COLUMNS, time.zone())) {
                tickets.export(filter, t -> {
                    try {
                        csv.row(t.reference(), t.createdAt(), lower(t.channel()), lower(t.status()), t.priority(),
                                t.categoryCode(), CsvTable.text(t.categoryName()), CsvTable.text(t.community()),
                                CsvTable.text(t.grid()), CsvTable.text(t.place()), CsvTable.text(t.address()),
                                CsvTable.text(t.description()), t.lead(), CsvTable.text(t.leadName()), t.offeredAt(),
                                t.acceptBy(), t.acceptedAt(), t.resolveBy(), t.resolvedAt(), t.overdue(),
                                t.pausedSeconds(), t.surveyOutcome() == null ? null : t.surveyOutcome().toLowerCase(),
                                t.surveyExcluded());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        };
        return attachment(body, "tickets.csv");
    }

    @GET
    @Path("/rates.csv")
    @Produces(CSV)
    @Operation(summary = "The three rates per group as CSV (same parameters as GET /api/v1/rates)")
    public Response rates(@BeanParam RateQueryParams filters) {
        RateQuery q = filters.query(time.now(), time.zone());
        List<RateRow> rows = rates.rates(q);
        StreamingOutput body = out -> {
            try (CsvTable csv = new CsvTable(out, RATE_COLUMNS, time.zone())) {
                for (RateRow r : rows) {
                    csv.row(CsvTable.text(r.key()), CsvTable.text(r.name()), r.offered(), r.acceptedInTime(),
                            r.responseRate(), r.overdue(), r.tickets(), r.judged(), r.solved(), r.resolutionRate(),
                            r.answers(), r.satisfied(), r.basicallySatisfied(), r.dissatisfied(), r.notSolved(),
                            r.satisfactionRate(), r.noReply(), r.notAsked(), r.excluded());
                }
            }
        };
        return attachment(body, "rates-" + q.by().code() + ".csv");
    }

    private static Response attachment(StreamingOutput body, String filename) {
        return Response.ok(body, CSV).header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase();
    }
}
