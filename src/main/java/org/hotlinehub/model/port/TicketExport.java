package org.hotlinehub.model.port;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Closed tickets for the city's data platform, anonymised (docs/retention.md, "Export for the data platform"): only
 * what the statistics need, never the resident's phone, name, address, coordinates or words.
 */
public interface TicketExport {

    /** Where an export stopped: the last ticket written, in the export's order (closed_at, id). */
    record Position(Instant closedAt, long id) {
    }

    /**
     * One closed ticket. {@code place} is the ticket's place, or the compound above it when it was a building or unit;
     * {@code community} and {@code grid} are its areas; the lead is the ticket's latest lead partner (volunteers are
     * people and are not named).
     */
    record Row(Position position, String reference, String channel, String status, String category,
            String priority, String place, String community, String grid, Instant createdAt, Instant closedAt,
            String leadPartner, Instant acceptedAt, Instant resolvedAt, String surveyOutcome, boolean surveyExcluded,
            boolean anonymised) {
    }

    /**
     * Hands {@code sink} the tickets closed in [{@code from}, {@code to}) after {@code after} (null: from the start),
     * in (closed_at, id) order, at most {@code limit}, reading the database a page at a time.
     *
     * @return how many rows were written
     */
    long write(Instant from, Instant to, Position after, long limit, Consumer<Row> sink);
}
