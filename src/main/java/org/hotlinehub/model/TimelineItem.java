package org.hotlinehub.model;

import java.time.Instant;

/** One entry of a ticket's timeline: what happened, who did it, on which channel, and why. */
public record TimelineItem(Instant at, TimelineKind kind, String actor, Channel channel, String detail) {
}
