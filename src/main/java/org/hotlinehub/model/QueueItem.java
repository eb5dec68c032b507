package org.hotlinehub.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the operators' live queue: a ticket awaiting triage, or a new one no partner has accepted yet.
 * {@code flags} are the resident's registered flags (elderly-alone, disabled …).
 */
public record QueueItem(
        String reference,
        TicketStatus status,
        Channel channel,
        String priority,
        String categoryCode,
        String categoryName,
        String categoryNameEn,
        String placeCode,
        String placeName,
        String placeNameEn,
        String residentName,
        List<String> flags,
        String triageReason,
        String description,
        Instant createdAt,
        /** A call-assurance emergency nobody accepted in its window: first in the queue, alerted on the console. */
        boolean emergency) {

    public QueueItem {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** The category's name in the page's language (Chinese when there is no English one). */
    public String category(boolean english) {
        return english && categoryNameEn != null ? categoryNameEn : categoryName;
    }

    public String place(boolean english) {
        return english && placeNameEn != null ? placeNameEn : placeName;
    }

    public boolean vulnerable() {
        return ResidentFlags.vulnerable(flags);
    }

    public boolean triage() {
        return status == TicketStatus.TRIAGE;
    }

    public boolean urgent() {
        return "urgent".equals(priority);
    }

    /** Whole minutes since the ticket was filed. */
    public long waitingMinutes(Instant now) {
        return Math.max(0, Duration.between(createdAt, now).toMinutes());
    }
}
