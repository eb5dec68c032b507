package org.hotlinehub.connectors.twilio;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ContactIntent;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.ResidentTexts;
import org.hotlinehub.model.SurveyResult;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.port.IntakeQueue;
import org.hotlinehub.model.port.ReferenceNumbers;
import org.hotlinehub.model.port.SmsConversations;
import org.hotlinehub.model.port.SmsConversations.Conversation;
import org.hotlinehub.model.port.SmsConversations.Decision;
import org.hotlinehub.model.port.SmsOutbox;
import org.hotlinehub.model.port.TicketLookup;
import org.jboss.logging.Logger;

/**
 * Decides what a text is and what to answer, at the edge, so Twilio gets its TwiML in milliseconds: opt-out and
 * opt-in keywords, a partner's keywords, a status query, or, for the rest, a survey answer, a follow-up to the open
 * ticket or a new request, which intake then applies from the durable queue. The decision is stored per MessageSid
 * first, so a retry of the same message is answered the same, even after its ticket exists.
 */
@ApplicationScoped
public class TwilioSmsConversation {

    private static final Logger LOG = Logger.getLogger(TwilioSmsConversation.class);
    private static final Pattern STATUS = Pattern.compile("(查询|查|status|cx)\\s*[:：]?\\s*(\\d{6,12})?",
            Pattern.CASE_INSENSITIVE);
    /** "新：…" / "NEW …" starts a new request even while another ticket is open. */
    private static final Pattern NEW_REQUEST = Pattern.compile("(?:新|new)[\\s:：,，]+(.+)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Set<String> STOP = Set.of("stop", "stopall", "unsubscribe", "cancel", "end", "quit", "退订",
            "td");
    private static final Set<String> START = Set.of("start", "unstop", "subscribe", "订阅");
    static final String KIND_STATUS = "STATUS";
    static final String KIND_PARTNER = "PARTNER";
    static final String KIND_OPT_OUT = "OPT_OUT";
    static final String KIND_OPT_IN = "OPT_IN";
    static final String KIND_EMPTY = "EMPTY";
    static final String KIND_NOT_PARTNER = "NOT_PARTNER";

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
            return record(sms, KIND_OPT_OUT, null, ResidentTexts.optedOut(english));
        }
        if (START.contains(keyword)) {
            outbox.optIn(sms.from());
            return record(sms, KIND_OPT_IN, null, ResidentTexts.optedIn(english));
        }
        Optional<String> partner = context.partner();
        if (partner.isPresent()) {
            return record(sms, KIND_PARTNER, null, partnerKeywords.answer(partner.get(), text));
        }
        if (TwilioPartnerKeywords.looksLikeKeyword(text)) {
            LOG.infof("partner keyword from unregistered phone %s refused", Masks.phone(sms.from()));
            return record(sms, KIND_NOT_PARTNER, null, TwilioPartnerKeywords.notRegistered());
        }
        if (text.isEmpty() && sms.media().isEmpty()) {
            // Nothing to tell the language by: ask in both.
            return record(sms, KIND_EMPTY, null, ResidentTexts.emptyMessage(false) + " / "
                    + ResidentTexts.emptyMessage(true));
        }
        Optional<Conversation> conversation = context.conversation();
        Matcher status = STATUS.matcher(text);
        if (status.matches()) {
            boolean en = !status.group(1).startsWith("查");
            String reference = status.group(2) != null
                    ? status.group(2)
                    : conversation.map(Conversation::reference).orElse(null);
            return record(sms, KIND_STATUS, reference, statusReply(reference, sms.from(), en));
        }
        if (text.codePoints().noneMatch(Character::isLetter) && conversation.map(Conversation::language).isPresent()) {
            // "2" or "1!" say nothing about language: answer in the conversation's.
            english = "en".equals(conversation.get().language());
        }
        boolean forceNew = NEW_REQUEST.matcher(text).matches();
        if (conversation.isPresent() && !forceNew) {
            Conversation c = conversation.get();
            Optional<SurveyResult> survey = c.awaitingSurvey() ? SurveyResult.parse(text) : Optional.empty();
            if (survey.isPresent()) {
                return decideContact(sms, ContactIntent.SURVEY_ANSWER, c.reference(),
                        ResidentTexts.surveyThanks(c.reference(), survey.get(), english));
            }
            if (c.status() != TicketStatus.RESOLVED) {
                return decideContact(sms, ContactIntent.FOLLOW_UP, c.reference(),
                        ResidentTexts.followUp(c.reference(), english));
            }
        }
        String reference = references.reserve(Channel.SMS, sms.messageSid(), references.next());
        return decideContact(sms, ContactIntent.REQUEST, reference, ResidentTexts.received(reference, english));
    }

    private String statusReply(String reference, String phone, boolean english) {
        if (reference == null) {
            return ResidentTexts.statusUsage(english);
        }
        return lookup.findForResident(reference, phone)
                .map(t -> ResidentTexts.status(t.reference(), t.status(), t.categoryZh(), t.categoryEn(), english))
                .orElseGet(() -> ResidentTexts.notFound(reference, english));
    }

    private String record(InboundSms sms, String kind, String reference, String reply) {
        return conversations.decide(new Decision(sms.messageSid(), sms.from(), kind, reference, reply)).reply();
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
        Matcher fresh = NEW_REQUEST.matcher(sms.body());
        String text = intent == ContactIntent.REQUEST && fresh.matches() ? fresh.group(1).strip() : sms.body();
        intake.submit(new InboundContact(Channel.SMS, sms.messageSid(), decision.reference(), sms.receivedAt(),
                sms.from(), null, text, ResidentTexts.language(ResidentTexts.english(sms.body())), null, null, null,
                null, null, sms.media(), intent));
    }
}
