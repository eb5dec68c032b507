package org.hotlinehub.model;

import java.time.Instant;
import java.util.Map;

/**
 * An assignment as its partner sees it: the body of the {@code assignment.*} webhooks and of the partner API. The
 * resident's phone is masked; partners call back through the hub. While {@code pausedAt} is set neither clock runs;
 * on resume accept-by and resolve-by move on by the paused time.
 */
public record AssignmentView(
        long id,
        AssignmentState state,
        String role,
        Instant offeredAt,
        Instant acceptBy,
        Instant resolveBy,
        String reason,
        TicketSummary ticket,
        Map<String, String> links,
        /** Set while the clocks are paused (waiting for the resident). */
        Instant pausedAt,
        /** Set once resolve-by passed without a resolution. */
        Instant overdueAt) {

    public record TicketSummary(
            String reference,
            String categoryCode,
            String categoryName,
            String priority,
            String description,
            Location location,
            Resident resident,
            /** How many residents reported this incident, counting the ticket's own (1 for a single report). */
            int reporters) {
    }

    public record Location(String community, String grid, String compound, String address, Double lat, Double lon) {
    }

    public record Resident(String name, String phone) {
    }
}
