package org.hotlinehub.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.config.HubTime;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ResidentTexts;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TicketEvent;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.port.ResidentReplies;
import org.hotlinehub.model.port.SmsOutbox;
import org.hotlinehub.model.port.StatusNotices;
import org.hotlinehub.model.port.WechatOutbox;
import org.hotlinehub.store.IncidentRows;
import org.hotlinehub.store.IncidentRows.Recipient;
import org.hotlinehub.store.TicketEventOutbox.IncidentChanged;
import org.hotlinehub.store.TimelineRepository;
import org.jboss.logging.Logger;

/**
 * Tells every reporter of an incident, on their own channel, what the incident's ticket goes through: the confirmed
 * surge's status message, each progress update (accepted, in progress with the partner's note; the resolution comes
 * with the survey question, one message). SMS for SMS reporters and for web and Open311 reporters who gave a phone, a
 * WeChat customer-service message for WeChat reporters (the status template outside their 48-hour window). The messages are rows of the one outbox, written in the transaction of the change
 * that causes them with one statement per channel; each row's key names the incident, the update and the reporter's
 * own ticket, so an update told again (a retried transaction, a reporter linked again) writes nothing more.
 *
 * <p>The incident's own filer on WeChat already hears of acceptance and progress through the status notices
 * ({@link StatusNotices#wechatKinds()}); they are left out of those updates, so nobody is told twice.
 */
@ApplicationScoped
public class IncidentBroadcast {

    private static final Logger LOG = Logger.getLogger(IncidentBroadcast.class);

    /** The outbox topic (purpose) of every broadcast row. */
    public static final String PURPOSE = "incident-update";
    /** The update name of the surge's status message in the rows' keys. */
    static final String STATUS_UPDATE = "status";

    /**
     * The ticket events broadcast, with the status the incident's ticket must be in for the event to be its own. Not
     * the resolution: every reporter is asked the survey question then ({@code SurveyService.ask}), and that one
     * message says what was done and asks how satisfied they are — a broadcast as well would be two near-identical
     * texts.
     */
    static final Map<TicketEvent.Kind, TicketStatus> UPDATES = Map.of(TicketEvent.Kind.ACCEPTED, TicketStatus.ACCEPTED,
            TicketEvent.Kind.IN_PROGRESS, TicketStatus.IN_PROGRESS);

    /** How much of a partner's note a broadcast carries ({@link ResidentTexts#partnerNote}). */
    static final int NOTE_CHARS = ResidentTexts.PARTNER_NOTE_CHARS;

    @Inject
    IncidentRows rows;
    @Inject
    ResidentReplies replies;
    @Inject
    SmsOutbox sms;
    @Inject
    WechatOutbox wechat;
    @Inject
    StatusNotices notices;
    @Inject
    TimelineRepository timeline;
    @Inject
    HubConfig config;
    @Inject
    HubTime time;

    /**
     * A change of an incident's ticket (fired in its transaction): its progress updates go to every reporter. An
     * event of a supporting party (the ticket not in the event's status) is not the incident's progress.
     */
    void changed(@Observes IncidentChanged change) {
        TicketEvent e = change.event();
        TicketStatus status = UPDATES.get(e.kind());
        if (status == null || status != change.status()) {
            return;
        }
        String note = e.kind() == TicketEvent.Kind.ACCEPTED ? null : note(e.detail());
        Set<TicketEvent.Kind> toldByNotices = notices.wechatKinds();
        tell(e.ticketId(), e.id(), null, r -> !(r.first() && r.channel() == Channel.WECHAT
                && toldByNotices.contains(e.kind())), (ref, english) -> replies.incidentUpdate(ref, status, note,
                        english),
                replies.statusWord(status, false), e.occurredAt());
    }

    /** The confirmed surge's status message, to every reporter of the incident. */
    public int status(long incidentId, String statusZh, String statusEn) {
        return tell(incidentId, STATUS_UPDATE, null, r -> true,
                (ref, english) -> replies.incidentStatus(ref, english ? statusEn : statusZh, english), statusZh,
                time.now());
    }

    /** The confirmed surge's status message, to one reporter who joined the incident after it was confirmed. */
    public int statusTo(long incidentId, long reporterTicketId, String statusZh, String statusEn) {
        return tell(incidentId, STATUS_UPDATE, reporterTicketId, r -> true,
                (ref, english) -> replies.incidentStatus(ref, english ? statusEn : statusZh, english), statusZh,
                time.now());
    }

    /** The words of one update for one reporter: their own ticket's reference and their language. */
    @FunctionalInterface
    interface Words {

        String of(String reference, boolean english);
    }

    /**
     * Writes the update's rows for the reporters {@code who} accepts (all, or only {@code onlyReporter}'s ticket):
     * one read of the recipients, one statement for the texts, one for the WeChat messages. A WeChat message carries
     * the status template's keywords ({@code templateStatus} and {@code at}), so the WeChat sender sends it as a
     * customer-service message inside the follower's 48-hour window and as the template message outside it; with no
     * template configured, a follower outside the window is not written to (WeChat would refuse it) and the
     * reporter's timeline says so.
     *
     * @return how many reporters the update was written for
     */
    private int tell(long incidentId, String update, Long onlyReporter, java.util.function.Predicate<Recipient> who,
            Words words, String templateStatus, Instant at) {
        List<Recipient> recipients = rows.recipients(incidentId, onlyReporter);
        List<SmsOutbox.Text> texts = new ArrayList<>();
        List<WechatOutbox.Text> messages = new ArrayList<>();
        List<TimelineRepository.Entry> notSent = new ArrayList<>();
        boolean template = config.wechat().templateId().filter(t -> !t.isBlank()).isPresent();
        Instant windowOpenSince = time.now().minus(WechatOutbox.CUSTOMER_SERVICE_WINDOW);
        Function<Recipient, String> key = r -> "incident-" + incidentId + "-" + update + "-" + r.reference();
        for (Recipient r : recipients) {
            if (!who.test(r)) {
                continue;
            }
            boolean english = ResidentTexts.language(true).equals(r.language());
            String text = words.of(r.reference(), english);
            if (r.channel() == Channel.WECHAT && r.wechatOpenid() != null) {
                boolean inWindow = r.wechatSeenAt() != null && r.wechatSeenAt().isAfter(windowOpenSince);
                if (!inWindow && !template) {
                    notSent.add(new TimelineRepository.Entry(r.ticketId(), TimelineKind.NOTE, IncidentDetection.ACTOR,
                            Channel.WECHAT, SystemReason.WECHAT_UPDATE_NOT_SENT.text(templateStatus)));
                    continue;
                }
                messages.add(new WechatOutbox.Text(key.apply(r), r.wechatOpenid(), text,
                        WechatOutbox.statusTemplate(r.reference(), templateStatus, at, time.zone()), PURPOSE,
                        r.reference()));
            } else if (bySms(r)) {
                texts.add(new SmsOutbox.Text(key.apply(r), r.phone(), text, PURPOSE, r.reference()));
            }
        }
        if (!texts.isEmpty()) {
            sms.enqueueAllUnlessOptedOut(texts);
        }
        wechat.enqueueAll(messages);
        timeline.recordAll(notSent);
        LOG.debugf("incident %d, update %s: %d text(s), %d WeChat message(s)", incidentId, update, texts.size(),
                messages.size());
        return texts.size() + messages.size();
    }

    /** The partner's note as residents read it: without the photo's file or address, and kept short. */
    static String note(String detail) {
        return ResidentTexts.partnerNote(detail);
    }

    /** SMS reporters, and web and Open311 reporters who gave a phone. */
    private static boolean bySms(Recipient r) {
        return r.phone() != null && (r.channel() == Channel.SMS || r.channel() == Channel.WEB
                || r.channel() == Channel.OPEN311);
    }
}
