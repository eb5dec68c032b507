package org.hotlinehub.connectors.twilio;

import java.util.stream.Collectors;

import org.hotlinehub.model.ResidentTexts;
import org.hotlinehub.model.SurgeNotice;

import com.twilio.twiml.voice.Say;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * What the voice line says, in Mandarin (Polly.Zhiyu, cmn-CN) or English (Polly.Joanna, en-US); the words are in
 * {@link VoiceMessages}. References are read digit by digit so a caller can write them down.
 */
final class VoicePrompts {

    static final Say.Voice ZH_VOICE = Say.Voice.POLLY_ZHIYU;
    static final Say.Language ZH_LANGUAGE = Say.Language.CMN_CN;
    static final Say.Voice EN_VOICE = Say.Voice.POLLY_JOANNA;
    static final Say.Language EN_LANGUAGE = Say.Language.EN_US;

    private VoicePrompts() {
    }

    static Say say(boolean english, String text) {
        return new Say.Builder(text).voice(english ? EN_VOICE : ZH_VOICE).language(english ? EN_LANGUAGE : ZH_LANGUAGE)
                .build();
    }

    /** The voice line's words in the caller's language. */
    static VoiceMessages in(boolean english) {
        return MessageBundles.get(VoiceMessages.class, Localized.Literal.of(ResidentTexts.language(english)));
    }

    /** {@code 100000009} → {@code 1 0 0 0 0 0 0 0 9}. */
    static String digits(String reference) {
        return reference.chars().mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining(" "));
    }

    static String menu(boolean english) {
        return in(english).menu();
    }

    /** Said in English inside the Mandarin menu. */
    static String englishKey() {
        return in(true).englishKey();
    }

    /** A confirmed surge near the caller: its status and place, and 1 to report all the same. */
    static String surge(boolean english, SurgeNotice notice) {
        String place = notice.place(english);
        return in(english).surge(notice.status(english), place == null ? "" : place);
    }

    static String surgeGoodbye(boolean english) {
        return in(english).surgeGoodbye();
    }

    static String closed(boolean english) {
        return in(english).closed();
    }

    static String invalid(boolean english) {
        return in(english).invalid();
    }

    static String toOperatorAfterInvalid(boolean english) {
        return in(english).toOperatorAfterInvalid();
    }

    static String assurance(boolean english, String name, boolean silenceAlarm) {
        return in(english).assurance(name == null || name.isBlank() ? "" : name, silenceAlarm);
    }

    static String urgentRaised(boolean english, String reference, boolean contactsTexted) {
        return in(english).urgentRaised(digits(reference), contactsTexted);
    }

    static String stayOnLine(boolean english) {
        return in(english).stayOnLine();
    }

    static String priorityConnect(boolean english) {
        return in(english).priorityConnect();
    }

    static String urgentNotRegistered(boolean english) {
        return in(english).urgentNotRegistered();
    }

    static String emergencies(boolean english) {
        return in(english).emergencies();
    }

    static String connecting(boolean english) {
        return in(english).connecting();
    }

    static String waiting(boolean english, String position) {
        if (position == null || !position.matches("\\d+")) {
            return in(english).waiting();
        }
        return in(english).waitingInLine(position, Math.max(0, Integer.parseInt(position) - 1));
    }

    static String operatorMissed(boolean english) {
        return in(english).operatorMissed();
    }

    static String voicemail(boolean english) {
        return in(english).voicemail();
    }

    static String noMessage(boolean english) {
        return in(english).noMessage();
    }

    static String messageKept(boolean english, String reference) {
        return in(english).messageKept(digits(reference));
    }

    static String busy(boolean english) {
        return in(english).busy();
    }

    static String askReference(boolean english) {
        return in(english).askReference();
    }

    /**
     * English falls back to the Chinese category name when the catalog has no English one.
     *
     * @param state the status in words ({@link org.hotlinehub.model.port.ResidentReplies#statusWord})
     */
    static String status(boolean english, String reference, String state, String categoryZh, String categoryEn) {
        String category = english && categoryEn != null ? categoryEn : categoryZh;
        return in(english).status(digits(reference), category != null, category, state);
    }

    static String notFound(boolean english, String reference) {
        return in(english).notFound(digits(reference));
    }

    static String surveyQuestion(boolean english, String reference) {
        return in(english).surveyQuestion(digits(reference));
    }

    static String surveyRating(boolean english) {
        return in(english).surveyRating();
    }

    static String surveyThanks(boolean english) {
        return in(english).surveyThanks();
    }

    static String surveyReopened(boolean english) {
        return in(english).surveyReopened();
    }

    static String surveyLater(boolean english) {
        return in(english).surveyLater();
    }
}
