package org.hotlinehub.connectors.wechat;

import java.util.List;

import org.hotlinehub.model.ResidentTexts;
import org.hotlinehub.model.TicketView;
import org.hotlinehub.model.port.ResidentReplies;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * What the hub says to followers on WeChat, in Simplified Chinese or English (both where it cannot know which the
 * follower reads); the words are in {@link WechatMessages}. Texts shared with SMS (status, survey, follow-up) come from
 * {@link ResidentReplies}.
 */
final class WechatTexts {

    static final String BOTH = "\n——\n";

    private WechatTexts() {
    }

    private static WechatMessages in(boolean english) {
        return MessageBundles.get(WechatMessages.class, Localized.Literal.of(ResidentTexts.language(english)));
    }

    static String welcome() {
        return in(false).welcome() + BOTH + in(true).welcome();
    }

    static String howToReport() {
        return in(false).howToReport() + BOTH + in(true).howToReport();
    }

    static String received(String reference, boolean english) {
        return in(english).received(reference);
    }

    static String notFound(String reference, boolean english) {
        return in(english).notFound(reference);
    }

    static String myTickets(List<TicketView> tickets, boolean english, ResidentReplies replies) {
        if (tickets.isEmpty()) {
            return in(english).noOpenTickets();
        }
        StringBuilder s = new StringBuilder(in(english).openTickets());
        for (TicketView t : tickets) {
            s.append('\n').append(replies.status(t.reference(), t.status(), t.categoryZh(), t.categoryEn(), english));
        }
        return s.toString();
    }

    static String locationKept(String label, boolean english) {
        return label == null ? in(english).locationKept() : in(english).locationKeptAt(label);
    }

    static String photoKept(boolean english) {
        return in(english).photoKept();
    }

    static String addedTo(String reference, boolean english) {
        return in(english).addedTo(reference);
    }

    static String voiceNotRecognized() {
        return in(false).voiceNotRecognized() + BOTH + in(true).voiceNotRecognized();
    }

    static String unsupported() {
        return in(false).unsupported() + BOTH + in(true).unsupported();
    }

    static String bindUsage(boolean english) {
        return in(english).bindUsage();
    }

    static String bindCodeSent(String maskedPhone, boolean english) {
        return in(english).bindCodeSent(maskedPhone);
    }

    /** Both languages in one SMS: the follower's language is not known on that channel. */
    static String bindSms(String code) {
        return in(false).bindSms(code) + " " + in(true).bindSms(code);
    }

    static String bound(String maskedPhone, boolean english) {
        return in(english).bound(maskedPhone);
    }

    static String wrongCode(boolean english) {
        return in(english).wrongCode();
    }

    static String bindExpired(boolean english) {
        return in(english).bindExpired();
    }
}
