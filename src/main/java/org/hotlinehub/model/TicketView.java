package org.hotlinehub.model;

import java.time.Instant;
import java.util.List;

/**
 * What a resident may see of their ticket: its state, category and place (in both languages where the reference data
 * has an English name), who is handling it and by when, and the public steps of its timeline.
 */
public record TicketView(
        String reference,
        TicketStatus status,
        String categoryZh,
        String categoryEn,
        String placeZh,
        String placeEn,
        Instant createdAt,
        List<TimelineItem> timeline,
        List<Handler> handlers) {

    /**
     * A party working on the ticket now, lead first: an organization by its type and name; a volunteer by the type
     * alone (a resident is not given a volunteer's name). {@code dueBy} is the resolve-by deadline.
     */
    public record Handler(boolean lead, String partyType, String nameZh, String nameEn, boolean accepted,
            Instant dueBy) {

        /** The party's type in the page's language (the code as it is for a type the hub has no words for). */
        public String typeName(boolean english) {
            return PartnerType.fromCode(partyType).map(t -> english ? t.nameEn() : t.nameZh()).orElse(partyType);
        }

        public String name(boolean english) {
            return english && nameEn != null ? nameEn : nameZh;
        }
    }
}
