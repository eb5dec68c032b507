package org.hotlinehub.model;

import java.time.Instant;
import java.util.List;

/**
 * What the draft would change: the open tickets and the tickets of the last {@code days} days whose party the
 * dispatch rule chooses differently under the draft than under the published version {@code version}, each with the
 * rule's reasons. {@code checked} tickets were compared; {@code truncated} when there were more than the limit (the
 * newest were compared).
 */
public record CatalogDryRun(int version, Instant at, int days, int checked, boolean truncated, List<Change> open,
        List<Change> recent) {

    public CatalogDryRun {
        open = List.copyOf(open);
        recent = List.copyOf(recent);
    }

    /**
     * A ticket the draft sends elsewhere. {@code heldBy} is who holds (or last held) its lead assignment, null when
     * nobody; a party null means nobody is left under those rules (the ticket would go to the supervisors).
     */
    public record Change(String reference, TicketStatus status, Instant createdAt, String category, String place,
            String heldBy, String publishedParty, String publishedReason, String draftParty, String draftReason) {
    }
}
