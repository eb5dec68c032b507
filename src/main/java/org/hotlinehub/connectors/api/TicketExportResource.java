package org.hotlinehub.connectors.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.config.HubTime;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.InputLimits;
import org.hotlinehub.model.port.TicketExport;
import org.hotlinehub.model.port.TicketExport.Position;
import org.hotlinehub.model.port.TicketExport.Row;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The incremental export of closed tickets for the city's data platform (docs/retention.md, "Export for the data
 * platform"): anonymised columns only, as JSON Lines or CSV, streamed a page at a time, in (closed_at, id) order. Every
 * row carries the cursor that resumes after it; a JSON Lines export ends with a trailer line saying whether more rows
 * are waiting.
 */
@Path("/api/v1/export/tickets")
@RolesAllowed(Caller.ADMIN)
@Tag(name = "Export", description = "Closed tickets, anonymised, for the city's data platform")
public class TicketExportResource {

    static final String JSONL = "application/x-ndjson";
    static final String CSV = "text/csv";
    static final long MAX_LIMIT = 1_000_000;
    /**
     * Tickets closed in the last minute are left to the next export: a ticket's close time is taken before its
     * transaction commits, so a row that is still committing could otherwise fall behind a cursor already given out.
     */
    static final Duration SETTLE = Duration.ofMinutes(1);
    static final List<String> COLUMNS = List.of("reference", "channel", "status", "category", "priority", "place",
            "community", "grid", "createdAt", "closedAt", "leadPartner", "acceptedAt", "resolvedAt", "surveyOutcome",
            "surveyExcluded", "anonymised", "cursor");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    private static final CsvMapper CSV_MAPPER = new CsvMapper();

    @Inject
    TicketExport export;
    @Inject
    HubTime time;

    @GET
    @Operation(summary = "Closed tickets, anonymised, as JSON Lines or CSV, by the date they closed", description = "Tickets closed from `from` to `to` (dates in the hotline's zone, both included; `to`"
            + " defaults to today), oldest close first. Pass the `cursor` of the last row received to go on"
            + " after it. JSON Lines ends with {\"end\":true,\"rows\":n,\"more\":…,\"next\":…}.")
    public Response tickets(
            @Parameter(description = "YYYY-MM-DD, required") @QueryParam("from") @Size(max = InputLimits.TERM) String from,
            @Parameter(description = "YYYY-MM-DD, included") @QueryParam("to") @Size(max = InputLimits.TERM) String to,
            @Parameter(description = "the cursor of the last row received") @QueryParam("cursor") @Size(max = InputLimits.TERM) String cursor,
            @Parameter(description = "jsonl (default) or csv") @QueryParam("format") @DefaultValue("jsonl") @Size(max = InputLimits.TERM) String format,
            @Parameter(description = "rows at most, 1 to 1000000") @QueryParam("limit") @DefaultValue("100000") long limit) {
        LocalDate fromDate = date("from", from, null);
        LocalDate today = time.today();
        LocalDate toDate = date("to", to, today);
        if (toDate.isBefore(fromDate)) {
            throw new BadRequestException("to: " + toDate + " is before from " + fromDate);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit: must be 1 to " + MAX_LIMIT);
        }
        boolean csv = switch (format.strip()) {
            case "jsonl" -> false;
            case "csv" -> true;
            default -> throw new BadRequestException("format: '" + format + "' is neither jsonl nor csv");
        };
        Position after = decodeCursor(cursor);
        Instant start = fromDate.atStartOfDay(time.zone()).toInstant();
        Instant settled = time.now().minus(SETTLE);
        Instant endOfTo = toDate.plusDays(1).atStartOfDay(time.zone()).toInstant();
        Instant end = endOfTo.isAfter(settled) ? settled : endOfTo;
        StreamingOutput body = out -> {
            if (csv) {
                writeCsv(out, start, end, after, limit);
            } else {
                writeJsonLines(out, start, end, after, limit);
            }
        };
        return Response.ok(body, csv ? CSV + "; charset=UTF-8" : JSONL + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"tickets-" + fromDate + "-" + toDate
                        + (csv ? ".csv" : ".jsonl") + "\"")
                .build();
    }

    private void writeJsonLines(OutputStream out, Instant start, Instant end, Position after, long limit)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        Position[] last = {after};
        long rows = export.write(start, end, after, limit, row -> {
            try {
                writer.write(JSON.writeValueAsString(fields(row)));
                writer.write('\n');
                last[0] = row.position();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Map<String, Object> trailer = new LinkedHashMap<>();
        trailer.put("end", true);
        trailer.put("rows", rows);
        trailer.put("more", rows == limit && export.write(start, end, last[0], 1, row -> {
        }) > 0);
        trailer.put("next", last[0] == null ? null : encodeCursor(last[0]));
        writer.write(JSON.writeValueAsString(trailer));
        writer.write('\n');
        writer.flush();
    }

    private void writeCsv(OutputStream out, Instant start, Instant end, Position after, long limit)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (SequenceWriter csv = CSV_MAPPER.writerFor(Object[].class)
                .with(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValues(writer)) {
            csv.write(COLUMNS.toArray());
            export.write(start, end, after, limit, row -> {
                try {
                    csv.write(fields(row).values().stream().map(v -> v == null ? "" : v.toString()).toArray());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** The columns of {@link #COLUMNS}, in order; times in UTC (ISO-8601). */
    static Map<String, Object> fields(Row row) {
        Object[] values = {row.reference(), row.channel(), row.status(), row.category(), row.priority(), row.place(),
                row.community(), row.grid(), row.createdAt(), row.closedAt(), row.leadPartner(), row.acceptedAt(),
                row.resolvedAt(), row.surveyOutcome(), row.surveyExcluded(), row.anonymised(),
                encodeCursor(row.position())};
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            fields.put(COLUMNS.get(i), values[i] instanceof Instant at ? at.toString() : values[i]);
        }
        return fields;
    }

    static String encodeCursor(Position position) {
        return PageCursors.encode("closed:" + position.closedAt() + "|" + position.id());
    }

    static Position decodeCursor(String cursor) {
        return PageCursors.decode(cursor, text -> {
            int bar = text.lastIndexOf('|');
            return text.startsWith("closed:") && bar > 0
                    ? new Position(Instant.parse(text.substring(7, bar)), Long.parseLong(text.substring(bar + 1)))
                    : null;
        }, "cursor: '%s' is not one this export gave out");
    }

    private static LocalDate date(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            if (otherwise == null) {
                throw new BadRequestException(field + ": required (YYYY-MM-DD)");
            }
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field + ": '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
