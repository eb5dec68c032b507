package org.hotlinehub.dispatch;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.port.SmsOutbox;
import org.hotlinehub.store.TicketEntity;

/**
 * Tells the supervisors (督办) when work passes a deadline or a ticket lands in their queue: the timeline row is the
 * console's record, and the phones in {@code hub.deadlines.supervisor-phones} get a text through the SMS outbox, in
 * the caller's transaction and once per key.
 */
@ApplicationScoped
public class SupervisorAlerts {

    @Inject
    HubConfig config;
    @Inject
    SmsOutbox sms;

    /** @param key unique for this alert (a retried sweep queues nothing twice) */
    void alert(String key, TicketEntity ticket, String zh, String en) {
        for (String phone : config.deadlines().supervisorPhones().orElse(List.of())) {
            sms.enqueue("supervisor-" + key + "-" + phone.strip(), phone.strip(), "【督办】" + zh + " " + en,
                    "supervisor-alert", ticket.reference);
        }
    }
}
