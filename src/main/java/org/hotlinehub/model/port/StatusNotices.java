package org.hotlinehub.model.port;

import java.util.List;
import java.util.Set;

import org.hotlinehub.model.TicketEvent;
import org.hotlinehub.model.TicketStatus;

/**
 * Status notices: which changes of a ticket its resident is told about, and what the message needs. Read from the
 * ticket events of {@code hub.events}; a redelivered event must not tell the resident twice, so a notice is queued
 * under a key of its event.
 */
public interface StatusNotices {

    /** The kinds of change a WeChat follower hears about (the notice subscription selects only these). */
    Set<TicketEvent.Kind> wechatKinds();

    /** The notices for those of {@code events} whose resident follows the Official Account, in the events' order. */
    List<StatusNotice> forWechat(List<TicketEvent> events);

    /** A change to tell a resident of: the event, the ticket as it is now, and who to tell. */
    record StatusNotice(TicketEvent event, String reference, TicketStatus status, String categoryZh,
            String categoryEn, String language, String openid) {

        /** The outbox key of the notice: one per event (the timeline entry's id, as the notices have always used). */
        public String idempotencyKey() {
            return "notice-" + (event.timelineId() != null ? event.timelineId().toString() : event.id());
        }

        /** The outbox purpose, by the timeline kind ({@code status-accepted} …). */
        public String purpose() {
            return "status-" + event.kind().timelineKind().name().toLowerCase();
        }
    }
}
