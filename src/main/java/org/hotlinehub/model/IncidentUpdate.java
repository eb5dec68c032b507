package org.hotlinehub.model;

import java.time.Instant;
import java.util.Map;

/**
 * What the partner holding an incident's assignment is told when another resident reports it (the {@code incident}
 * part of an {@code assignment.reporter-added} delivery): the count of reporters, the reports per channel and what the
 * new report adds. The reporter's phone or WeChat id is never sent.
 */
public record IncidentUpdate(int reporters, Map<Channel, Long> channels, Addition addition) {

    /** The new report: its channel, its words (as the resident wrote them) and when it came in. */
    public record Addition(Channel channel, String text, Instant reportedAt) {
    }
}
