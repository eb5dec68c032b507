package org.hotlinehub.model;

import java.time.Instant;
import java.util.List;
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
        Instant overdueAt,
        /**
         * What the holder needs to do the work: set only while the assignment is in hand (accepted or in progress),
         * null before acceptance (an offer carries only what is needed to decide) and after the work ended.
         */
        Details details) {

    /** Without {@link #details}: an offer, or work no longer in hand. */
    public AssignmentView(long id, AssignmentState state, String role, Instant offeredAt, Instant acceptBy,
            Instant resolveBy, String reason, TicketSummary ticket, Map<String, String> links, Instant pausedAt,
            Instant overdueAt) {
        this(id, state, role, offeredAt, acceptBy, resolveBy, reason, ticket, links, pausedAt, overdueAt, null);
    }

    /**
     * @param address the full address down to the flat: the one the resident gave with the request, else the
     *        resident's registered address
     * @param answers the answers to the category's questions, by attribute code
     * @param photos the resident's (and partners') photos of the ticket, as partner-API links the holder's key opens
     */
    public record Details(String address, Map<String, List<String>> answers, List<Photo> photos) {
    }

    /** A photo of the ticket: {@code url} the full size, {@code thumbnailUrl} a small version; both need the key. */
    public record Photo(long id, String filename, String contentType, Long sizeBytes, String url,
            String thumbnailUrl) {
    }

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
