package org.hotlinehub.outbound;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.MessageItem;
import org.hotlinehub.model.port.MessageHistory;

/** The text messages of a ticket from the SMS outbox (also those recorded in sandbox mode or blocked by STOP). */
@ApplicationScoped
public class SmsMessageHistory implements MessageHistory {

    @Inject
    SmsOutboxQueries messages;

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    @Transactional
    public List<MessageItem> forTicket(String reference) {
        return messages.forTicket(reference).stream()
                .map(m -> new MessageItem(m.createdAt(), Channel.SMS, Masks.phone(m.to()), m.purpose(), m.body(),
                        m.status().name().toLowerCase(), m.sent(),
                        m.lastError() != null ? m.lastError() : m.twilioStatus()))
                .toList();
    }
}
