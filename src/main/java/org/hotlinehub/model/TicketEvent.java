package org.hotlinehub.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A change of a ticket's state, published on {@code hub.events} once its change has committed (docs/events.md). The
 * message names its {@link Kind#type()} in a property, so each subscription selects the kinds it reads, and carries
 * {@link #id()} as the broker's duplicate-detection id: publishing an event again is harmless, and consumers that
 * may still see it twice (a redelivery) key their effects on it.
 *
 * <p>The JSON of a {@link Kind#CREATED} event is also a {@link TicketCreated} (same field names), which dispatch
 * reads.
 *
 * @param id stable for the event: {@code ticket-<ticketId>-created} for a creation, {@code timeline-<entry id>} for
 *        every other kind (the timeline entry that records the change)
 * @param timelineId the timeline entry that records the change; null for a creation
 * @param triage for a creation: whether the ticket awaits an operator instead of dispatch
 */
public record TicketEvent(String id, Kind kind, long ticketId, String reference, Instant occurredAt, String actor,
        Channel channel, String detail, Long timelineId, boolean triage) {

    /** The kinds of change; all but a creation are emitted where the timeline records them as one {@link TimelineKind}. */
    public enum Kind {

        /** Published by intake for every ticket it makes (its timeline rows are written in bulk, not one by one). */
        CREATED("TicketCreated", null),
        DISPATCHED("TicketDispatched", TimelineKind.DISPATCHED),
        ACCEPTED("TicketAccepted", TimelineKind.ACCEPTED),
        IN_PROGRESS("TicketProgressed", TimelineKind.PROGRESS),
        RETURNED("TicketReturned", TimelineKind.RETURNED),
        RESOLVED("TicketResolved", TimelineKind.RESOLVED),
        REOPENED("TicketReopened", TimelineKind.REOPENED),
        MERGED("TicketMerged", TimelineKind.MERGED),
        CANCELLED("TicketCancelled", TimelineKind.CANCELLED);

        /** Each kind by the timeline kind it is recorded as (asked for every timeline entry written). */
        private static final Map<TimelineKind, Kind> BY_TIMELINE_KIND = new EnumMap<>(TimelineKind.class);

        static {
            for (Kind k : values()) {
                if (k.timelineKind != null) {
                    BY_TIMELINE_KIND.putIfAbsent(k.timelineKind, k);
                }
            }
        }

        private final String type;
        private final TimelineKind timelineKind;

        Kind(String type, TimelineKind timelineKind) {
            this.type = type;
            this.timelineKind = timelineKind;
        }

        /** The value of the message's event-type property. */
        public String type() {
            return type;
        }

        public TimelineKind timelineKind() {
            return timelineKind;
        }

        /**
         * The event a timeline entry stands for, if any. A merge and a cancellation are also recorded for what they
         * do around the ticket (the assignments they withdraw, the ticket merged into); only the entry written once
         * the ticket has that status is its change of state.
         */
        public static Optional<Kind> of(TimelineKind kind, TicketStatus statusNow) {
            if (kind == TimelineKind.MERGED && statusNow != TicketStatus.MERGED
                    || kind == TimelineKind.CANCELLED && statusNow != TicketStatus.CANCELLED) {
                return Optional.empty();
            }
            return recordedAs(kind);
        }

        /** The kind recorded as this timeline kind, if any (without the rule of {@link #of} on merges). */
        public static Optional<Kind> recordedAs(TimelineKind kind) {
            return Optional.ofNullable(BY_TIMELINE_KIND.get(kind));
        }

        public static Optional<Kind> ofType(String type) {
            return Arrays.stream(values()).filter(k -> k.type.equals(type)).findFirst();
        }
    }

    /** The event for a timeline entry just written. */
    public static TicketEvent recorded(Kind kind, long timelineId, long ticketId, String reference,
            Instant occurredAt, String actor, Channel channel, String detail) {
        return new TicketEvent("timeline-" + timelineId, kind, ticketId, reference, occurredAt, actor, channel, detail,
                timelineId, false);
    }

    /**
     * A ticket's creation as intake publishes it: for a new ticket, and again for a redelivered or repeated contact
     * or a reply that made the ticket dispatchable (the same id each time).
     */
    public static TicketEvent created(TicketCreated created, String actor) {
        return new TicketEvent("ticket-" + created.ticketId() + "-created", Kind.CREATED, created.ticketId(),
                created.reference(), created.occurredAt(), actor, null, null, null, created.triage());
    }

    /** The JMS message selector (on {@code property}) that takes these kinds only. */
    public static String selector(String property, Collection<Kind> kinds) {
        // in a fixed order: a durable subscription is made again at every start with this text, and the broker refuses a
        // subscription whose filter differs from the stored one (AMQ229083) — Set.of iterates in a new order per JVM
        return property + " IN (" + kinds.stream().sorted().distinct().map(k -> "'" + k.type + "'")
                .collect(Collectors.joining(", ")) + ")";
    }
}
