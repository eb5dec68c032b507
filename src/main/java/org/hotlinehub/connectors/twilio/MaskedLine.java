package org.hotlinehub.connectors.twilio;

import static org.hotlinehub.connectors.twilio.VoicePrompts.say;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.ResidentTexts;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.port.MaskedRelay;
import org.hotlinehub.model.port.MaskedRelay.Access;
import org.hotlinehub.model.port.MaskedRelay.Holder;
import org.hotlinehub.model.port.MaskedRelay.Reach;
import org.jboss.logging.Logger;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Number;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The hotline's masked line (docs/contract.md, "Masked calls and texts"), the Twilio side of {@link MaskedRelay}: a
 * call from a phone registered for a partner or volunteer gets its own menu (the tickets it holds by key press, or a
 * reference keyed in, 0 for the usual line) and is bridged to the resident with {@code <Dial callerId="hotline">}; a
 * text "R &lt;reference&gt; &lt;message&gt;" from such a phone goes to the resident, and the resident's reply comes
 * back. Whether the relay is open is the core's decision; a refusal is spoken and written in both languages. Any other
 * phone is taken by the usual line and SMS intake, unchanged.
 */
@ApplicationScoped
class MaskedLine {

    private static final Logger LOG = Logger.getLogger(MaskedLine.class);
    static final String TOPIC = "masked-relay";
    /** Keys 1-8 choose a held ticket; 9 is the language, 0 the usual line. */
    static final int MAX_KEYS = 8;
    private static final int REFERENCE_TIMEOUT = 8;
    /** "R 100000009 明天上午九点上门" (also 转, and a comma or colon after the reference). */
    private static final Pattern RELAY = Pattern.compile("(?:r|转)\\s*(\\d{6,12})[\\s,，:：]+(\\S.*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    @Inject
    MaskedRelay relay;
    @Inject
    VoiceWebhooks webhooks;
    @Inject
    VoiceCalls calls;
    @Inject
    TwilioApiClient api;
    @Inject
    HubConfig config;

    /** The masked line's menu when the caller's phone is registered for a partner or volunteer; else empty. */
    Optional<VoiceResponse> greet(VoiceRequest call) {
        Optional<Holder> holder = relay.holder(call.phone());
        if (holder.isEmpty()) {
            return Optional.empty();
        }
        calls.chose(call.callSid(), TOPIC, null);
        return Optional.of(menu(new VoiceResponse.Builder(), holder.get(), false, 1, true));
    }

    /**
     * The keys pressed in the masked menu.
     *
     * @param usualMenu the usual line's menu in a language, for key 0, for silence after a second try and for a phone
     *        that is no longer registered
     */
    VoiceResponse choose(VoiceRequest call, boolean english, int attempt, Function<Boolean, VoiceResponse> usualMenu) {
        Optional<Holder> holder = relay.holder(call.phone());
        if (holder.isEmpty()) {
            return usualMenu.apply(english);
        }
        VoiceResponse.Builder r = new VoiceResponse.Builder();
        String digits = call.digits();
        List<String> held = holder.get().held();
        String reference = null;
        if ("0".equals(digits)) {
            calls.chose(call.callSid(), null, TwilioVoiceResource.lang(english));
            return usualMenu.apply(english);
        } else if ("9".equals(digits)) {
            calls.chose(call.callSid(), null, TwilioVoiceResource.lang(!english));
            return menu(r, holder.get(), !english, attempt, false);
        } else if (digits.matches("[1-8]") && Integer.parseInt(digits) <= Math.min(held.size(), MAX_KEYS)) {
            reference = held.get(Integer.parseInt(digits) - 1);
        } else if (digits.matches("\\d{6,12}")) {
            reference = digits;
        }
        if (reference == null) {
            if (attempt < 2) {
                r.say(say(english, words(english).invalid()));
                return menu(r, holder.get(), english, attempt + 1, false);
            }
            return usualMenu.apply(english);
        }
        Reach reach = relay.callRelayed("call:" + call.callSid(), call.phone(), reference, "connecting");
        if (reach.access() == Access.OPEN) {
            LOG.infof("masked call %s from %s to the resident of %s", call.callSid(), Masks.phone(call.phone()),
                    reference);
            String lang = TwilioVoiceResource.lang(english);
            Dial dial = new Dial.Builder().callerId(hotline(call)).timeout(config.relay().dialTimeout())
                    .answerOnBridge(true).action(webhooks.url("/masked/done?ref=" + reference + "&lang=" + lang))
                    .method(HttpMethod.POST).number(new Number.Builder(reach.residentPhone()).build()).build();
            return r.say(say(english, words(english).connecting(VoicePrompts.digits(reference)))).dial(dial).build();
        }
        refuse(r, reach);
        if (reach.access() == Access.NOT_HELD && attempt < 2) {
            return menu(r, holder.get(), english, attempt + 1, false);
        }
        return VoiceTwiml.hangUp(r);
    }

    /** The masked call's bridge ended: on the timeline with its outcome; an unanswered resident is told so. */
    VoiceResponse done(VoiceRequest call, String reference, boolean english) {
        String status = call.param("DialCallStatus");
        String seconds = call.param("DialCallDuration");
        boolean answered = "completed".equals(status) || "answered".equals(status);
        String outcome = answered && !seconds.isEmpty()
                ? SystemReason.CALL_COMPLETED_AFTER.text(seconds)
                : status.isEmpty() ? "ended" : status;
        relay.callRelayed("call-done:" + call.callSid(), call.phone(), reference, outcome);
        VoiceResponse.Builder r = new VoiceResponse.Builder();
        if (!answered) {
            r.say(say(english, words(english).noAnswer()));
        }
        return VoiceTwiml.hangUp(r);
    }

    /**
     * A holder's "R &lt;reference&gt; &lt;message&gt;": relayed to the resident when the relay is open, else refused in
     * both languages.
     *
     * @return the reply; empty when the text is no such message or the phone is not registered for a partner or
     *         volunteer (then it is taken as any other text)
     */
    Optional<String> holderText(InboundSms sms) {
        Matcher m = RELAY.matcher(sms.body().strip());
        if (!m.matches() || relay.holder(sms.from()).isEmpty()) {
            return Optional.empty();
        }
        String reference = m.group(1);
        Reach reach = relay.textToResident(sms.messageSid(), sms.from(), reference, m.group(2).strip());
        if (reach.access() == Access.OPEN) {
            return Optional.of(both(w -> w.relayed(reference)));
        }
        return Optional.of(refusal(reach, reference));
    }

    /** A resident's follow-up text: relayed to the holder while a relay conversation is open. */
    Optional<String> residentText(InboundSms sms) {
        return relay.replyToHolder(sms.messageSid(), sms.from(), sms.body());
    }

    private VoiceResponse menu(VoiceResponse.Builder r, Holder holder, boolean english, int attempt, boolean greet) {
        MaskedLineMessages words = words(english);
        StringBuilder text = new StringBuilder(greet ? words.greeting(holder.name()) : "");
        List<String> held = holder.held();
        for (int i = 0; i < Math.min(held.size(), MAX_KEYS); i++) {
            text.append(words.choice(i + 1, VoicePrompts.digits(held.get(i))));
        }
        text.append(words.askReference());
        String next = webhooks.url("/masked?lang=" + TwilioVoiceResource.lang(english) + "&attempt=" + attempt);
        return VoiceTwiml.ask(r, VoiceTwiml.withEnglishKey(VoiceTwiml.keysToHash(next, REFERENCE_TIMEOUT)
                .say(say(english, text.toString())), english), next);
    }

    /** Why the relay is closed, in Mandarin and then in English. */
    private static void refuse(VoiceResponse.Builder r, Reach reach) {
        String number = VoicePrompts.digits(reach.reference());
        r.say(say(false, reason(words(false), reach.access(), number)))
                .say(say(true, reason(words(true), reach.access(), number)));
    }

    private static String refusal(Reach reach, String reference) {
        return both(w -> reason(w, reach.access(), reference));
    }

    private static String reason(MaskedLineMessages w, Access access, String number) {
        return switch (access) {
            case NOT_ACCEPTED -> w.notAccepted(number);
            case ENDED -> w.ended(number);
            case NO_PHONE -> w.noPhone(number);
            case NOT_HELD, OPEN -> w.notHeld(number);
        };
    }

    /** A text in Chinese, then in English. */
    private static String both(Function<MaskedLineMessages, String> text) {
        return text.apply(words(false)) + " / " + text.apply(words(true));
    }

    /** The number the caller dialled (the hotline), so the resident sees the hotline and never the caller. */
    private String hotline(VoiceRequest call) {
        String to = call.param("To");
        return to.isEmpty() ? api.fromNumber().orElse(null) : to;
    }

    private static MaskedLineMessages words(boolean english) {
        return MessageBundles.get(MaskedLineMessages.class, Localized.Literal.of(ResidentTexts.language(english)));
    }
}
