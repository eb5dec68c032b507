package org.hotlinehub.model;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A ticket's place in an incident (docs/architecture.md, "Incidents"), for the console and the API: the incident it
 * belongs to (itself when it is the incident), its reporters with their own channels, the reports per channel, the
 * surge if one was declared, and, for a ticket intake found a likely duplicate of another, that suggestion.
 *
 * @param reference the ticket asked about
 * @param incident the incident's ticket: this one, or the one it is linked to
 * @param reporters how many residents reported the incident, counting its own
 * @param channels reports of the incident per channel
 * @param reporterList every reporter, the incident's own filer first; contacts masked
 * @param surge the incident's surge, or null
 * @param link this ticket's own link decision (linked, suggested, kept apart, unlinked), or null
 */
public record IncidentView(String reference, String incident, int reporters, Map<Channel, Long> channels,
        List<Reporter> reporterList, Surge surge, Link link) {

    /**
     * A reporter: their own ticket's reference, channel and masked contact, when they reported, and how they were
     * linked (FIRST for the incident's own report).
     */
    public record Reporter(String reference, Channel channel, String contact, Instant reportedAt, String state,
            double score, String reason, String decidedBy) {

        public String scoreText() {
            return IncidentView.score(score);
        }
    }

    /**
     * A surge: declared when {@code contacts} reports arrived within {@code withinMinutes}; once staff confirmed it,
     * who and when, and the status message every reporter was told (null before).
     */
    public record Surge(Instant declaredAt, int contacts, long withinMinutes, String confirmedBy, Instant confirmedAt,
            String statusZh, String statusEn) {

        public boolean confirmed() {
            return confirmedAt != null;
        }
    }

    /**
     * This ticket's link decision: the incident it was compared with (its status and description shown side by side
     * with this ticket on the console), the score and the reason.
     */
    public record Link(String incident, String state, double score, String reason, String decidedBy,
            Instant decidedAt, TicketStatus incidentStatus, String incidentDescription, String incidentPlace,
            String incidentCategory) {

        public String scoreText() {
            return IncidentView.score(score);
        }
    }

    static String score(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }
}
