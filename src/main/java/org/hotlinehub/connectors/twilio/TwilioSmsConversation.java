package org.hotlinehub.connectors.twilio;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.connectors.twilio.SmsConversations.Decision;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ContactIntent;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.ResidentTexts;
import org.hotlinehub.model.port.ConversationRules;
import org.hotlinehub.model.port.ConversationRules.Reading;
import org.hotlinehub.model.port.IntakeQueue;
import org.hotlinehub.model.port.ReferenceNumbers;
import org.hotlinehub.model.port.ResidentReplies;
import org.hotlinehub.model.port.SmsOutbox;
import org.hotlinehub.model.port.TicketLookup;
import org.jboss.logging.Logger;

/**
 * Decides what a text is and what to answer, at the edge, so Twilio gets its TwiML in milliseconds: opt-out and
 * opt-in keywords, a resident's check-in word ({@link CheckIns}), a partner's or volunteer's masked text ("R <reference> <message>", {@link MaskedLine}) and a
 * partner's keywords here, then the core's {@link ConversationRules} for a status query, a
 * survey answer, a follow-up to the open ticket or a new request, which intake then applies from the durable queue.
 * The decision is stored per MessageSid first, so a retry of the same message is answered the same, even after its
 * ticket exists.
 */
@ApplicationScoped
public class TwilioSmsConversation {

    private static final Logger LOG = Logger.getLogger(TwilioSmsConversation.class);
    private static final Set<String> STOP = Set.of("stop", "stopall", "unsubscribe", "cancel", "end", "quit", "退订",
            "td");
    private static final Set<String> START = Set.of("start", "unstop", "subscribe", "订阅");

    /**
     * The kind of a decision answered with a reply alone, stored by its name; a decision that is a contact has its
     * {@link ContactIntent}'s name instead.
     */
    enum ReplyKind {
        STATUS,
        PARTNER,
        OPT_OUT,
        OPT_IN,
        EMPTY,
        NOT_PARTNER,
        RELAY,
        RELAY_REPLY,
        CHECK_IN
    }

    @Inject
    ResidentReplies replies;
    @Inject
    SmsConversations conversations;
    @Inject
    SmsOutbox outbox;
    @Inject
    ReferenceNumbers references;
    @Inject
    IntakeQueue intake;
    @Inject
    TicketLookup lookup;
    @Inject
    TwilioPartnerKeywords partnerKeywords;
    @Inject
    ConversationRules rules;
    @Inject
    MaskedLine maskedLine;
    @Inject
    CheckIns checkIns;

    /** @throws org.hotlinehub.model.IntakeUnavailableException when the contact cannot be made durable now */
    String answer(InboundSms sms) {
        // one transaction for what the answer reads (a new message's usual path: this, then the decision)
        SmsConversations.Context context = conversations.context(sms.messageSid(), sms.from());
        Optional<Decision> earlier = context.earlier();
        if (earlier.isPresent()) {
            LOG.debugf("SMS %s is a retry, answered as before", sms.messageSid());
            submitIfContact(earlier.get(), sms);
            return earlier.get().reply();
        }
        String text = sms.body();
        String keyword = text.toLowerCase(Locale.ROOT);
        boolean english = ResidentTexts.english(text);
        if (STOP.contains(keyword)) {
            outbox.optOut(sms.from());
            LOG.infof("%s opted out of SMS", Masks.phone(sms.from()));
            return record(sms, ReplyKind.OPT_OUT, null, replies.optedOut(english));
        }
        if (START.contains(keyword)) {
            outbox.optIn(sms.from());
            return record(sms, ReplyKind.OPT_IN, null, replies.optedIn(english));
        }
        if (CheckIns.isCheckInWord(text)) {
            // a resident with a daily check-in texts 签到, 平安 or OK: checked in for today (call assurance)
            Optional<String> language = checkIns.checkIn(sms.from(), "sms");
            if (language.isPresent()) {
                return record(sms, ReplyKind.CHECK_IN, null,
                        VoicePrompts.in("en".equals(language.get())).checkedInText());
            }
        }
        Optional<String> masked = maskedLine.holderText(sms);
        if (masked.isPresent()) {
            return record(sms, ReplyKind.RELAY, null, masked.get());
        }
        Optional<String> partner = context.partner();
        if (partner.isPresent()) {
            return record(sms, ReplyKind.PARTNER, null, partnerKeywords.answer(partner.get(), text));
        }
        if (TwilioPartnerKeywords.looksLikeKeyword(text)) {
            LOG.infof("partner keyword from unregistered phone %s refused", Masks.phone(sms.from()));
            return record(sms, ReplyKind.NOT_PARTNER, null, TwilioPartnerKeywords.notRegistered());
        }
        Reading reading = rules.read(text, !sms.media().isEmpty(), context.conversation());
        boolean en = reading.english();
        String reference = reading.reference();
        if (reading.kind() == ConversationRules.Kind.FOLLOW_UP) {
            // while the holder of its accepted assignment called or texted lately, a follow-up goes to them
            Optional<String> relayed = maskedLine.residentText(sms);
            if (relayed.isPresent()) {
                return record(sms, ReplyKind.RELAY_REPLY, relayed.get(), "");
            }
        }
        return switch (reading.kind()) {
            // Nothing to tell the language by: ask in both.
            case EMPTY -> record(sms, ReplyKind.EMPTY, null, replies.emptyMessage(false) + " / "
                    + replies.emptyMessage(true));
            case STATUS_QUERY -> record(sms, ReplyKind.STATUS, reference, statusReply(reference, sms.from(), en));
            case SURVEY_ANSWER -> decideContact(sms, ContactIntent.SURVEY_ANSWER, reference,
                    replies.surveyThanks(reference, reading.survey(), en));
            case FOLLOW_UP -> decideContact(sms, ContactIntent.FOLLOW_UP, reference,
                    replies.followUp(reference, reading.mergedInto(), en));
            case NEW_REQUEST, REQUEST -> {
                String fresh = references.reserve(Channel.SMS, sms.messageSid(), references.next());
                yield decideContact(sms, ContactIntent.REQUEST, fresh, replies.received(fresh, en));
            }
        };
    }

    private String statusReply(String reference, String phone, boolean english) {
        if (reference == null) {
            return replies.statusUsage(english);
        }
        return lookup.findForResident(reference, phone)
                .map(t -> replies.status(t.reference(), t.status(), t.categoryZh(), t.categoryEn(), english))
                .orElseGet(() -> replies.notFound(reference, english));
    }

    private String record(InboundSms sms, ReplyKind kind, String reference, String reply) {
        return conversations.decide(new Decision(sms.messageSid(), sms.from(), kind.name(), reference, reply))
                .reply();
    }

    /** Stores the decision, then makes the contact durable; only then may Twilio be answered. */
    private String decideContact(InboundSms sms, ContactIntent intent, String reference, String reply) {
        Decision decision = conversations.decide(new Decision(sms.messageSid(), sms.from(), intent.name(), reference,
                reply));
        submitIfContact(decision, sms);
        return decision.reply();
    }

    private void submitIfContact(Decision decision, InboundSms sms) {
        ContactIntent intent;
        try {
            intent = ContactIntent.valueOf(decision.kind());
        } catch (IllegalArgumentException notAContact) {
            return;
        }
        // from the body, not from a reading: a retry has only the stored decision
        String text = intent == ContactIntent.REQUEST ? rules.requestText(sms.body()) : sms.body();
        intake.submit(new InboundContact(Channel.SMS, sms.messageSid(), decision.reference(), sms.receivedAt(),
                sms.from(), null, text, ResidentTexts.language(ResidentTexts.english(sms.body())), null, null, null,
                null, null, sms.media(), intent));
    }
}
