package org.hotlinehub.model.port;

import java.util.List;
import java.util.Optional;

/**
 * Number masking through the hotline (docs/contract.md, "Masked calls and texts"): the partner or volunteer holding an
 * accepted assignment reaches the ticket's resident through the hotline number, by call or text, and the resident's
 * text comes back the same way. Neither side sees the other's number. Who may reach whom, and when it stops, is decided
 * here and nowhere else; the Twilio connector only speaks the protocol.
 */
public interface MaskedRelay {

    /**
     * The partner(s) or volunteer(s) this phone is registered for (a volunteer's phone, a partner's {@code phone} or one
     * of its {@code phones}), with the tickets whose assignment they hold now (accepted or in progress), newest
     * acceptance first; empty for any other phone.
     */
    Optional<Holder> holder(String phone);

    /** @param held the references of the tickets the holder may reach the resident of now */
    record Holder(String name, List<String> held) {
    }

    /** Whether the holder calling or texting from this phone may reach the resident of this ticket now. */
    Reach reach(String holderPhone, String reference);

    /**
     * @param residentPhone the resident's number in E.164, only when {@code access} is {@link Access#OPEN}
     * @param language the ticket's language ({@code zh}, {@code en})
     */
    record Reach(Access access, String reference, String residentPhone, String language) {
    }

    enum Access {
        /** The holder's assignment is accepted or in progress: the relay is open. */
        OPEN,
        /** Offered to the holder, not accepted yet. */
        NOT_ACCEPTED,
        /** The holder's assignment has ended: resolved, declined, returned, expired or cancelled. */
        ENDED,
        /** The ticket was never the holder's (or does not exist). */
        NOT_HELD,
        /** The ticket has no resident phone to reach. */
        NO_PHONE
    }

    /**
     * Puts a masked call on the ticket's timeline, once per {@code stepKey} (the call sid and its step), and opens (or
     * keeps open) the relay conversation. Nothing when the relay is not open.
     *
     * @param outcome what happened, for the timeline (connecting, completed after 42 s, no answer …)
     */
    Reach callRelayed(String stepKey, String holderPhone, String reference, String outcome);

    /**
     * Relays a holder's text to the resident: queued through the outbox from the hotline number, on the timeline, the
     * relay conversation opened; once per message sid, so a retried webhook sends nothing twice. Nothing is sent unless
     * the relay is open.
     */
    Reach textToResident(String messageSid, String holderPhone, String reference, String text);

    /**
     * A resident's text while a relay conversation is open (the holder called or texted within
     * {@code hub.relay.reply-window} and still holds the assignment): queued to the holder's phone, on the timeline, once
     * per message sid.
     *
     * @return the ticket's reference when the text was relayed; empty when it is to be taken as usual
     */
    Optional<String> replyToHolder(String messageSid, String residentPhone, String text);
}
