package org.hotlinehub.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.port.ResidentMessenger;
import org.hotlinehub.model.port.SmsOutbox;

/** Operators' messages by SMS, through the outbox (sandbox mode records them; opted-out numbers block them). */
@ApplicationScoped
public class SmsResidentMessenger implements ResidentMessenger {

    @Inject
    SmsOutbox sms;

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean canReach(Recipient recipient) {
        return recipient.phone() != null && !recipient.phone().isBlank();
    }

    @Override
    public String send(Recipient recipient, String text, String purpose) {
        int parts = sms.enqueue(recipient.idempotencyKey(), recipient.phone(), text, purpose,
                recipient.ticketReference()).size();
        return parts > 1
                ? SystemReason.SMS_QUEUED_IN_PARTS.text(Masks.phone(recipient.phone()), parts)
                : SystemReason.SMS_QUEUED.text(Masks.phone(recipient.phone()));
    }
}
