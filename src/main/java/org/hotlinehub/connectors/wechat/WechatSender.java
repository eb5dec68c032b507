package org.hotlinehub.connectors.wechat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.config.HubTime;
import org.hotlinehub.model.IntakeUnavailableException;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.OutboundWechat;
import org.hotlinehub.model.OutboundWechatStatus;
import org.hotlinehub.model.OutboxChannel;
import org.hotlinehub.model.OutboxMessage;
import org.hotlinehub.model.SendResult;
import org.hotlinehub.model.port.IntakeQueue;
import org.hotlinehub.model.port.OutboxSender;
import org.hotlinehub.model.port.ResidentReplies;
import org.hotlinehub.model.port.StatusNotices;
import org.hotlinehub.model.port.WechatOutbox;
import org.jboss.logging.Logger;

/**
 * Sends the outbox's WeChat messages. A message goes as a customer-service message while the resident's 48-hour window is open;
 * outside it, or when WeChat says so (45015), a status message goes as a template message instead, and any other is
 * failed as undeliverable. System busy (-1), rate limits (45009, 45047), network trouble and a token WeChat will not
 * give are worth a retry; a refused token is refreshed once by {@link WechatApi}. Without credentials every message is
 * recorded as SANDBOX. Also queues the status notices (from the ticket events) and re-queues contacts that missed the
 * intake queue.
 */
@ApplicationScoped
public class WechatSender implements OutboxSender {

    private static final Logger LOG = Logger.getLogger(WechatSender.class);
    static final int BATCH = 50;
    static final Duration WINDOW = WechatOutbox.CUSTOMER_SERVICE_WINDOW;
    static final int OUT_OF_WINDOW = 45015;
    static final Set<Integer> RETRYABLE = Set.of(-2, -1, 45009, 45047);
    static final String CUSTOM_SEND = "/cgi-bin/message/custom/send";
    static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";

    @Inject
    ResidentReplies replies;
    @Inject
    WechatOutbox outbox;
    @Inject
    WechatFollowers followers;
    @Inject
    WechatConversations conversations;
    @Inject
    IntakeQueue intake;
    @Inject
    WechatApi api;
    @Inject
    HubConfig config;
    @Inject
    HubTime time;

    /**
     * Queues a status message for each notice, under the notice's key: a notice of an event read twice (a redelivery)
     * is queued once.
     */
    public void queueNotices(List<StatusNotices.StatusNotice> notices) {
        for (StatusNotices.StatusNotice n : notices) {
            Notice message = notice(n, time.zone());
            outbox.enqueue(n.idempotencyKey(), n.openid(), message.text(), message.templateData(), n.purpose(),
                    n.reference());
        }
    }

    /** A status message: its text, and the keywords of the template it may go out as. */
    record Notice(String text, Map<String, String> templateData) {
    }

    /**
     * Contacts whose decision was stored but which the broker could not take at the time, all of them, a page of
     * {@value #BATCH} at a time (after a broker outage there can be thousands: one page per tick left them waiting for
     * minutes). Stops at the first refusal; the next tick tries again.
     */
    public int resubmit() {
        int done = 0;
        Instant before = time.now().minusSeconds(10);
        while (intake.accepting()) {
            List<WechatConversations.Decision> missed = conversations.unsubmitted(before, BATCH);
            for (WechatConversations.Decision d : missed) {
                try {
                    intake.submit(d.contact());
                } catch (IntakeUnavailableException e) {
                    LOG.debugf("intake queue still unavailable: %s", e.getMessage());
                    return done;
                }
                if (conversations.markSubmitted(d.dedupeKey())) {
                    outbox.enqueue("reply-" + d.dedupeKey(), d.openid(), d.reply(), null, "reply", d.reference());
                }
                done++;
            }
            if (missed.size() < BATCH) {
                break;
            }
        }
        return done;
    }

    Notice notice(StatusNotices.StatusNotice n, ZoneId zone) {
        boolean english = "en".equals(n.language());
        return new Notice(replies.status(n.reference(), n.status(), n.categoryZh(), n.categoryEn(), english),
                WechatOutbox.statusTemplate(n.reference(), replies.statusWord(n.status(), false),
                        n.event().occurredAt(), zone));
    }

    @Override
    public OutboxChannel channel() {
        return OutboxChannel.WECHAT;
    }

    @Override
    public SendResult send(OutboxMessage m) {
        if (api.sandbox()) {
            LOG.infof("sandbox WeChat message %d to %s not sent (%s)", m.id(), Masks.openid(m.recipient()), m.topic());
            return SendResult.notSent(OutboundWechatStatus.SANDBOX.name(),
                    "sandbox mode: no WeChat app-id/app-secret, recorded and not sent", null);
        }
        Optional<WechatFollowers.Follower> follower = followers.find(m.recipient());
        if (follower.isPresent() && !follower.get().subscribed()) {
            return SendResult.failed(OutboundWechatStatus.FAILED.name(), "the resident no longer follows the account",
                    null);
        }
        boolean windowOpen = follower.map(f -> f.lastInteractionAt().isAfter(time.now().minus(WINDOW)))
                .orElse(false);
        try {
            WechatApi.Result result = windowOpen
                    ? api.post(CUSTOM_SEND, customerService(m))
                    : new WechatApi.Result(OUT_OF_WINDOW, "the 48-hour window is closed (checked by the hub)", null);
            OutboundWechat.Kind kind = OutboundWechat.Kind.CUSTOMER_SERVICE;
            if (result.errcode() == OUT_OF_WINDOW && m.templateData() != null) {
                Optional<String> template = config.wechat().templateId().filter(t -> !t.isBlank());
                if (template.isEmpty()) {
                    return SendResult.failed(OutboundWechatStatus.FAILED.name(), "outside the 48-hour window and"
                            + " hub.wechat.template-id is not set", String.valueOf(OUT_OF_WINDOW));
                }
                kind = OutboundWechat.Kind.TEMPLATE;
                result = api.post(TEMPLATE_SEND, template(m, template.get()));
            }
            return finish(m, kind, result);
        } catch (WechatApi.TokenException e) {
            return SendResult.retry("access token: " + e.getMessage(), String.valueOf(e.errcode));
        }
    }

    private SendResult finish(OutboxMessage m, OutboundWechat.Kind kind, WechatApi.Result result) {
        if (result.ok()) {
            LOG.infof("WeChat %s %d to %s sent (%s)", kind, m.id(), Masks.openid(m.recipient()), m.topic());
            // the kind it went out as is kept with the provider's id (rank 1: no callback ever changes it)
            return SendResult.delivered("sent", result.msgid(), kind.name(), 1);
        }
        String detail = "WeChat " + result.errcode() + ": " + result.errmsg();
        if (RETRYABLE.contains(result.errcode())) {
            return SendResult.retry(detail, String.valueOf(result.errcode()));
        }
        LOG.warnf("WeChat message %d to %s refused: %s", m.id(), Masks.openid(m.recipient()), detail);
        return SendResult.failed(OutboundWechatStatus.FAILED.name(), detail, String.valueOf(result.errcode()));
    }

    static Map<String, Object> customerService(OutboxMessage m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("touser", m.recipient());
        body.put("msgtype", "text");
        body.put("text", Map.of("content", m.body()));
        return body;
    }

    private Map<String, Object> template(OutboxMessage m, String templateId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("touser", m.recipient());
        body.put("template_id", templateId);
        if (m.ticketReference() != null) {
            body.put("url", config.publicBaseUrl().replaceAll("/+$", "") + "/status?reference="
                    + m.ticketReference());
        }
        body.put("client_msg_id", "hub-" + m.id());
        Map<String, Object> data = new LinkedHashMap<>();
        m.templateData().forEach((k, v) -> data.put(k, Map.of("value", v)));
        body.put("data", data);
        return body;
    }
}
