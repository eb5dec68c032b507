package org.hotlinehub.connectors.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.connectors.wechat.WechatConversations.Decision;
import org.hotlinehub.connectors.wechat.WechatConversations.Draft;
import org.hotlinehub.model.Attachment;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ContactIntent;
import org.hotlinehub.model.Conversation;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.IntakeUnavailableException;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.PhoneNumbers;
import org.hotlinehub.model.ResidentTexts;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.port.ConversationRules;
import org.hotlinehub.model.port.ConversationRules.Reading;
import org.hotlinehub.model.port.IntakeQueue;
import org.hotlinehub.model.port.ReferenceNumbers;
import org.hotlinehub.model.port.ResidentProfiles;
import org.hotlinehub.model.port.ResidentReplies;
import org.hotlinehub.model.port.SmsOutbox;
import org.jboss.logging.Logger;

/**
 * Decides what a push is and what to answer: binding a phone or a menu click here, then, for text, the core's
 * {@link ConversationRules} (the SMS conversation's too) for a status query, a survey answer, a follow-up to the open
 * ticket or a new request, which intake then applies from the durable queue. Locations and photos go to the open
 * ticket, or wait as a draft for the next request. The decision is stored per push (MsgId, or sender and time for
 * events) before anything is answered, so WeChat's retries get the same answer and one ticket. {@link #answer}
 * returns the text to reply, or null for {@code success}.
 */
@ApplicationScoped
public class WechatConversation {

    private static final Logger LOG = Logger.getLogger(WechatConversation.class);
    private static final Pattern BIND = Pattern.compile("(绑定|bind)\\s*[:：]?\\s*(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE = Pattern.compile("\\d{6}");
    static final Duration CODE_VALID = Duration.ofMinutes(10);
    static final int MAX_CODE_TRIES = 5;
    static final String MENU_REPORT = "REPORT";
    static final String MENU_MY_TICKETS = "MY_TICKETS";
    static final String MENU_STATUS = "STATUS";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ResidentReplies replies;
    @Inject
    WechatConversations conversations;
    @Inject
    WechatFollowers followers;
    @Inject
    ResidentProfiles profiles;
    @Inject
    ReferenceNumbers references;
    @Inject
    IntakeQueue intake;
    @Inject
    SmsOutbox sms;
    @Inject
    org.hotlinehub.model.port.WechatOutbox outbox;
    @Inject
    StoredDecisions decisions;
    @Inject
    Clock clock;
    @Inject
    ConversationRules rules;

    /**
     * @throws IntakeUnavailableException when the database cannot record the decision now (answer 503)
     */
    String answer(WechatMessage m) {
        Optional<Decision> earlier = conversations.decided(m.dedupeKey());
        if (earlier.isPresent()) {
            LOG.debugf("WeChat push %s from %s is a retry, answered as before", m.dedupeKey(), Masks.openid(m
                    .openid()));
            Decision d = earlier.get();
            if (d.contact() != null) {
                submit(d);
            }
            return d.asyncReply() || d.reply().isEmpty() ? null : d.reply();
        }
        String text = m.content() == null ? "" : m.content().strip();
        followers.interacted(m.openid(), clock.instant(), text.isEmpty() ? null : language(text));
        return switch (m.type()) {
            case "text" -> text(m, text, List.of());
            case "voice" -> voice(m);
            case "image" -> image(m);
            case "location" -> location(m);
            case "event" -> event(m);
            default -> record(m, "UNSUPPORTED", null, WechatTexts.unsupported());
        };
    }

    private String voice(WechatMessage m) {
        Attachment audio = new Attachment("wechat-voice-" + m.mediaId(), "audio/" + (m.format() == null
                ? "amr"
                : m.format().toLowerCase(Locale.ROOT)), 0, null, "wechat-media:" + m.mediaId());
        if (m.recognition() == null) {
            return record(m, "VOICE_UNRECOGNIZED", null, WechatTexts.voiceNotRecognized());
        }
        // The speech recognition text is the description; the recording stays with the ticket.
        return text(m, m.recognition().strip(), m.mediaId() == null ? List.of() : List.of(audio));
    }

    private String image(WechatMessage m) {
        Attachment photo = new Attachment("wechat-image-" + m.mediaId(), "image/jpeg", 0, null, m.picUrl() != null
                ? m.picUrl()
                : "wechat-media:" + m.mediaId());
        Optional<Conversation> open = openConversation(m.openid());
        boolean english = english(m.openid(), open);
        if (open.isPresent()) {
            return decideContact(m, ContactIntent.FOLLOW_UP, open.get().reference(), "", null, null, List.of(photo),
                    english, WechatTexts.addedTo(open.get().reference(), english));
        }
        conversations.keepDraft(m.openid(), m.dedupeKey(), new Draft(null, null, null, photo));
        return record(m, "DRAFT", null, WechatTexts.photoKept(english));
    }

    private String location(WechatMessage m) {
        Optional<Conversation> open = openConversation(m.openid());
        boolean english = english(m.openid(), open);
        if (open.isPresent()) {
            String text = "位置 / location: " + (m.label() == null ? "" : m.label() + " ") + "(" + m.lat() + ", "
                    + m.lon() + ")";
            return decideContact(m, ContactIntent.FOLLOW_UP, open.get().reference(), text, m.lat(), m.lon(),
                    List.of(), english, WechatTexts.addedTo(open.get().reference(), english));
        }
        conversations.keepDraft(m.openid(), m.dedupeKey(), new Draft(m.lat(), m.lon(), m.label(), null));
        return record(m, "DRAFT", null, WechatTexts.locationKept(m.label(), english));
    }

    private String event(WechatMessage m) {
        String event = m.event() == null ? "" : m.event();
        Optional<Conversation> open;
        switch (event.toLowerCase(Locale.ROOT)) {
            case "subscribe" :
                followers.subscribed(m.openid(), clock.instant());
                LOG.infof("WeChat follower %s subscribed", Masks.openid(m.openid()));
                return record(m, "SUBSCRIBE", null, WechatTexts.welcome());
            case "unsubscribe" :
                followers.unsubscribed(m.openid(), clock.instant());
                LOG.infof("WeChat follower %s unsubscribed", Masks.openid(m.openid()));
                return record(m, "UNSUBSCRIBE", null, "");
            case "click" :
                open = conversations.conversation(m.openid());
                return menu(m, m.eventKey() == null ? "" : m.eventKey().toUpperCase(Locale.ROOT), open);
            case "templatesendjobfinish" :
                if (m.templateMsgId() != null) {
                    outbox.recordDelivery(m.templateMsgId(), m.templateStatus());
                }
                return record(m, "TEMPLATE_RESULT", null, "");
            default :
                return record(m, "EVENT", null, "");
        }
    }

    private String menu(WechatMessage m, String key, Optional<Conversation> open) {
        boolean english = english(m.openid(), open);
        return switch (key) {
            case MENU_REPORT -> record(m, "MENU", null, WechatTexts.howToReport());
            case MENU_MY_TICKETS -> record(m, "MENU", null,
                    WechatTexts.myTickets(conversations.openTickets(m.openid(), 5), english, replies));
            case MENU_STATUS -> record(m, "STATUS", open.map(Conversation::reference).orElse(null),
                    statusReply(open.map(Conversation::reference).orElse(null), m.openid(), english));
            default -> record(m, "MENU", null, WechatTexts.howToReport());
        };
    }

    private String text(WechatMessage m, String text, List<Attachment> media) {
        // neither matches an empty text, so they may come before the rules' check for one
        Matcher bind = BIND.matcher(text);
        if (bind.matches()) {
            return bind(m, bind.group(2), !bind.group(1).equals("绑定"));
        }
        if (CODE.matcher(text).matches()) {
            Optional<WechatFollowers.Follower> follower = followers.find(m.openid());
            if (follower.map(WechatFollowers.Follower::bindPhone).isPresent()) {
                return confirm(m, text, follower.get());
            }
        }
        // An empty recognition is an empty message even with its recording (SMS takes media alone as a message).
        Reading reading = rules.read(text, false, conversations.conversation(m.openid()));
        boolean english = reading.english();
        String reference = reading.reference();
        return switch (reading.kind()) {
            case EMPTY -> record(m, "EMPTY", null, replies.emptyMessage(false) + WechatTexts.BOTH
                    + replies.emptyMessage(true));
            case STATUS_QUERY -> record(m, "STATUS", reference, statusReply(reference, m.openid(), english));
            case SURVEY_ANSWER -> decideContact(m, ContactIntent.SURVEY_ANSWER, reference, text, null, null, media,
                    english, replies.surveyThanks(reference, reading.survey(), english));
            case FOLLOW_UP -> decideContact(m, ContactIntent.FOLLOW_UP, reference, text, null, null, media, english,
                    replies.followUp(reference, reading.mergedInto(), english));
            case NEW_REQUEST, REQUEST -> request(m, reading.text(), media, english);
        };
    }

    /** A new request, with the locations and photos the follower sent before it. */
    private String request(WechatMessage m, String text, List<Attachment> media, boolean english) {
        String description = text;
        List<Draft> drafts = conversations.takeDrafts(m.openid(), m.dedupeKey());
        Double lat = null;
        Double lon = null;
        List<Attachment> attachments = new ArrayList<>(media);
        for (Draft d : drafts) {
            if (d.lat() != null) {
                lat = d.lat();
                lon = d.lon();
                if (d.label() != null) {
                    description = description + "\n位置 / location: " + d.label();
                }
            }
            if (d.attachment() != null) {
                attachments.add(d.attachment());
            }
        }
        String reference = references.reserve(Channel.WECHAT, m.dedupeKey(), references.next());
        return decideContact(m, ContactIntent.REQUEST, reference, description, lat, lon, attachments, english,
                WechatTexts.received(reference, english));
    }

    private String bind(WechatMessage m, String number, boolean english) {
        Optional<String> phone = PhoneNumbers.normalize(number);
        if (phone.isEmpty()) {
            return record(m, "BIND", null, WechatTexts.bindUsage(english));
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        followers.startBinding(m.openid(), phone.get(), hash(m.openid(), code), clock.instant().plus(CODE_VALID));
        sms.enqueue("wechat-bind-" + m.dedupeKey(), phone.get(), WechatTexts.bindSms(code), "wechat-binding", null);
        LOG.infof("WeChat follower %s asked to link %s", Masks.openid(m.openid()), Masks.phone(phone.get()));
        return record(m, "BIND", null, WechatTexts.bindCodeSent(Masks.phone(phone.get()), english));
    }

    private String confirm(WechatMessage m, String code, WechatFollowers.Follower f) {
        boolean english = "en".equals(f.language());
        if (f.bindExpiresAt() == null || f.bindExpiresAt().isBefore(clock.instant())) {
            followers.dropBinding(m.openid());
            return record(m, "BIND_CODE", null, WechatTexts.bindExpired(english));
        }
        boolean right = MessageDigest.isEqual(hash(m.openid(), code).getBytes(StandardCharsets.UTF_8),
                f.bindCodeHash().getBytes(StandardCharsets.UTF_8));
        if (!right) {
            if (followers.wrongCode(m.openid()) >= MAX_CODE_TRIES) {
                followers.dropBinding(m.openid());
                return record(m, "BIND_CODE", null, WechatTexts.bindExpired(english));
            }
            return record(m, "BIND_CODE", null, WechatTexts.wrongCode(english));
        }
        profiles.linkWechat(m.openid(), f.bindPhone());
        followers.dropBinding(m.openid());
        return record(m, "BIND_CODE", null, WechatTexts.bound(Masks.phone(f.bindPhone()), english));
    }

    static String hash(String openid, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((openid + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private String statusReply(String reference, String openid, boolean english) {
        if (reference == null) {
            return replies.statusUsage(english);
        }
        return conversations.ticketFor(reference, openid)
                .map(t -> replies.status(t.reference(), t.status(), t.categoryZh(), t.categoryEn(), english))
                .orElseGet(() -> WechatTexts.notFound(reference, english));
    }

    /** The open ticket (or the request intake has not made yet) that a location or photo belongs to. */
    private Optional<Conversation> openConversation(String openid) {
        return conversations.conversation(openid).filter(c -> c.status() != TicketStatus.RESOLVED);
    }

    private boolean english(String openid, Optional<Conversation> open) {
        String language = open.map(Conversation::language)
                .or(() -> followers.find(openid).map(WechatFollowers.Follower::language)).orElse("zh");
        return "en".equals(language);
    }

    private static String language(String text) {
        return text.codePoints().anyMatch(Character::isLetter)
                ? ResidentTexts.language(ResidentTexts.english(text))
                : null;
    }

    private String record(WechatMessage m, String kind, String reference, String reply) {
        Decision d = conversations.decide(new Decision(m.dedupeKey(), m.openid(), kind, reference, reply, null,
                false));
        decisions.stored(m.dedupeKey());
        return d.asyncReply() || d.reply().isEmpty() ? null : d.reply();
    }

    /**
     * Stores the decision with its contact, then puts the contact on the intake queue. When the broker cannot take it
     * now, the stored decision is the durable copy: WeChat is answered {@code success}, the contact is queued by the
     * resubmission sweep and the reply follows as a customer-service message.
     */
    private String decideContact(WechatMessage m, ContactIntent intent, String reference, String text, Double lat,
            Double lon, List<Attachment> attachments, boolean english, String reply) {
        InboundContact contact = new InboundContact(Channel.WECHAT, m.dedupeKey(), reference, clock.instant(), null,
                null, text, ResidentTexts.language(english), null, null, null, lat, lon, attachments, intent, null,
                m.openid());
        Decision d = conversations.decide(new Decision(m.dedupeKey(), m.openid(), intent.name(), reference, reply,
                contact, false));
        decisions.stored(m.dedupeKey());
        if (!submit(d)) {
            conversations.markAsync(d.dedupeKey());
            return null;
        }
        return d.asyncReply() ? null : d.reply();
    }

    /** @return false when the broker could not take it now (the sweep queues it later) */
    boolean submit(Decision d) {
        try {
            intake.submit(d.contact());
        } catch (IntakeUnavailableException e) {
            LOG.warnf("WeChat push %s from %s kept for later: %s", d.dedupeKey(), Masks.openid(d.openid()),
                    e.getMessage());
            return false;
        }
        conversations.markSubmitted(d.dedupeKey());
        return true;
    }
}
