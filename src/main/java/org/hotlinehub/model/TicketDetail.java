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

    /**
     * A file of the ticket. {@code state}: {@code stored} (the hub has its bytes: open it through the hub),
     * {@code fetching} (a recording or picture still to be fetched from its provider), {@code failed} (fetching gave
     * up; {@code error} says why) or {@code link} (only a URL elsewhere, such as an Open311 client's media URL).
     */
    public record AttachmentItem(long id, String filename, String contentType, Long sizeBytes, String url,
            String state, String error) {

        public static String state(boolean stored, boolean fetching, String error) {
            return stored ? "stored" : fetching ? "fetching" : error != null ? "failed" : "link";
        }

        public boolean stored() {
            return "stored".equals(state);
        }

        public boolean image() {
            return contentType != null && contentType.startsWith("image/");
        }

        /** A URL a staff browser may follow (http or https only: never a script URL a client sent). */
        public boolean webLink() {
            return url != null && (url.startsWith("https://") || url.startsWith("http://"));
        }

        public boolean audio() {
            return contentType != null && contentType.startsWith("audio/");
        }
    }
}
