package org.hotlinehub.model;

import java.time.Instant;

/**
 * An open ticket this one may be a duplicate of, offered first on the ticket page's merge form: why it is offered
 * ({@link #SUGGESTED} by incident detection with its score, {@link #SAME_RESIDENT} or {@link #SAME_PLACE} and
 * category), and what an operator compares side by side.
 */
public record MergeCandidate(String reference, String why, Double score, TicketStatus status, String description,
        String categoryCode, String categoryNameZh, String categoryNameEn, String placeCode, String placeNameZh,
        String placeNameEn, Instant createdAt) {

    public static final String SUGGESTED = "suggested";
    public static final String SAME_RESIDENT = "same-resident";
    public static final String SAME_PLACE = "same-place";

    public String categoryName(boolean english) {
        return english && categoryNameEn != null ? categoryNameEn : categoryNameZh;
    }

    public String placeName(boolean english) {
        return english && placeNameEn != null ? placeNameEn : placeNameZh;
    }

    /** The score as the page shows it (two decimals), or empty when the candidate was not scored. */
    public String scoreText() {
        return score == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", score);
    }
}
