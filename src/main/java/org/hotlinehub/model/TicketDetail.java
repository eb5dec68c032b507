package org.hotlinehub.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A ticket as operators see it: everything about it, with its timeline, assignments and attachments. */
public record TicketDetail(
        String reference,
        TicketStatus status,
        Channel channel,
        String priority,
        String categoryCode,
        String categoryName,
        String description,
        String language,
        String placeCode,
        String placeName,
        String address,
        Double lat,
        Double lon,
        String triageReason,
        Instant createdAt,
        Instant updatedAt,
        Resident resident,
        Map<String, List<String>> attributes,
        List<TimelineItem> timeline,
        List<AssignmentItem> assignments,
        List<AttachmentItem> attachments,
        /** The category's and the place's English names, where the reference data has one. */
        String categoryNameEn,
        String placeNameEn) {

    /** The category's name in the page's language (Chinese where it has no English one). */
    public String categoryName(boolean english) {
        return english && categoryNameEn != null ? categoryNameEn : categoryName;
    }

    public String placeName(boolean english) {
        return english && placeNameEn != null ? placeNameEn : placeName;
    }

    /** The resident with a masked phone: operators call back through the hub, which knows the number. */
    public record Resident(String name, String phone, List<String> flags) {
    }

    public record AssignmentItem(long id, String partnerCode, String partnerName, String role, AssignmentState state,
            String reason, Instant offeredAt, Instant acceptBy, Instant resolveBy, Instant acceptedAt,
            String closedReason, String returnReason, Instant pausedAt, String pauseReason) {

        /** Still with its holder, or returned and waiting for the hub's ruling. */
        public boolean open() {
            return state.isActive();
        }
    }

    public record AttachmentItem(long id, String filename, String contentType, Long sizeBytes, String url) {
    }
}
