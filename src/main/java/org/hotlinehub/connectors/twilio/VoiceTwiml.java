package org.hotlinehub.connectors.twilio;

import static org.hotlinehub.connectors.twilio.VoicePrompts.say;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Redirect;

/**
 * The TwiML shapes the voice webhooks share, put together once from the SDK's builders: a question answered on the
 * keypad (the key, or the keys up to #, posted to the next step; no answer goes to the same step, which asks again),
 * and the end of a call.
 */
final class VoiceTwiml {

    private VoiceTwiml() {
    }

    /** One key, posted to {@code next} when pressed or after {@code timeoutSeconds} without one. */
    static Gather.Builder oneKey(String next, int timeoutSeconds) {
        return new Gather.Builder().inputs(Gather.Input.DTMF).numDigits(1).timeout(timeoutSeconds).action(next)
                .method(HttpMethod.POST);
    }

    /** Keys up to #, posted to {@code next}. */
    static Gather.Builder keysToHash(String next, int timeoutSeconds) {
        return new Gather.Builder().inputs(Gather.Input.DTMF).finishOnKey("#").timeout(timeoutSeconds).action(next)
                .method(HttpMethod.POST);
    }

    /** After a prompt in Mandarin, the key that switches the call to English (said in English). */
    static Gather.Builder withEnglishKey(Gather.Builder gather, boolean english) {
        if (!english) {
            gather.say(say(true, VoicePrompts.englishKey()));
        }
        return gather;
    }

    /** The question, then, when the caller keys nothing, on to {@code next} all the same (it asks again). */
    static VoiceResponse ask(VoiceResponse.Builder r, Gather.Builder gather, String next) {
        return r.gather(gather.build()).redirect(new Redirect.Builder(next).method(HttpMethod.POST).build()).build();
    }

    /** What {@code r} holds so far, then the call ends. */
    static VoiceResponse hangUp(VoiceResponse.Builder r) {
        return r.hangup(new Hangup.Builder().build()).build();
    }
}
