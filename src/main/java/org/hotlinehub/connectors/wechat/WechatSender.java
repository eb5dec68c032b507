package org.hotlinehub.connectors.wechat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.IntakeUnavailableException;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.OutboundWechat;
import org.hotlinehub.model.OutboundWechatStatus;
import org.hotlinehub.model.ResidentTexts;
import org.hotlinehub.model.port.IntakeQueue;
import org.hotlinehub.model.port.StatusNotices;
import org.hotlinehub.model.port.WechatConversations;
import org.hotlinehub.model.port.WechatFollowers;
import org.hotlinehub.model.port.WechatOutbox;
import org.jboss.logging.Logger;

/**
 * The WeChat outbox worker. A message goes as a customer-service message while the resident's 48-hour window is open;
 * outside it, or when WeChat says so (45015), a status message goes as a template message instead, and any other is
 * failed as undeliverable. System busy (-1), rate limits (45009, 45047) and network trouble are retried with
 * exponential backoff; a refused token is refreshed once by {@link WechatApi}. Without credentials every message is
 * recorded as SANDBOX. Also queues the status notices (from the ticket events) and re-queues contacts that missed
 * the intake queue.
 */
@ApplicationScoped
public class WechatSender {

    private static final Logger LOG = Logger.getLogger(WechatSender.class);
    static final int BATCH = 50;
    static final int MAX_ATTEMPTS = 8;
    static final Duration WINDOW = Duration.ofHours(48);
    static final int OUT_OF_WINDOW = 45015;
    static final Set<Integer> RETRYABLE = Set.of(-2, -1, 45009, 45047);
    static final String CUSTOM_SEND = "/cgi-bin/message/custom/send";
    static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

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

    /** One round: claims the due messages (SKIP LOCKED, so instances share the work) and tries each once. */
    public int sendDue() {
        Instant now = Instant.now();
        var due = outbox.claimDue(now, now.plus(config.delivery().timeout()).plusSeconds(30), BATCH);
        due.forEach(this::attempt);
        return due.size();
    }

    /**
     * Queues a status message for each notice, under the notice's key: a notice of an event read twice (a redelivery)
     * is queued once.
     */
    public void queueNotices(List<StatusNotices.StatusNotice> notices) {
        for (StatusNotices.StatusNotice n : notices) {
            Notice message = notice(n);
            outbox.enqueue(n.idempotencyKey(), n.openid(), message.text(), message.templateData(), n.purpose(),
                    n.reference());
        }
    }

    /** A status message: its text, and the keywords of the template it may go out as. */
    record Notice(String text, Map<String, String> templateData) {
    }

    /** Contacts whose decision was stored but which the broker could not take at the time. */
    public int resubmit() {
        List<WechatConversations.Decision> missed = conversations.unsubmitted(Instant.now().minusSeconds(10), BATCH);
        int done = 0;
        for (WechatConversations.Decision d : missed) {
            try {
                intake.submit(d.contact());
            } catch (IntakeUnavailableException e) {
                LOG.debugf("intake queue still unavailable: %s", e.getMessage());
                break;
            }
            if (conversations.markSubmitted(d.dedupeKey())) {
                outbox.enqueue("reply-" + d.dedupeKey(), d.openid(), d.reply(), null, "reply", d.reference());
            }
            done++;
        }
        return done;
    }

    static Notice notice(StatusNotices.StatusNotice n) {
        boolean english = "en".equals(n.language());
        return new Notice(ResidentTexts.status(n.reference(), n.status(), n.categoryZh(), n.categoryEn(), english),
                templateData(n.reference(), ResidentTexts.statusZh(n.status()), n.event().occurredAt()));
    }

    /** keyword1 the reference, keyword2 the status, keyword3 the time (a 工单进度通知 template). */
    static Map<String, String> templateData(String reference, String status, Instant at) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("keyword1", reference);
        data.put("keyword2", status);
        data.put("keyword3", TIME.format(at));
        return data;
    }

    void attempt(long id) {
        OutboundWechat m = outbox.pending(id).orElse(null);
        if (m == null) {
            return;
        }
        if (api.sandbox()) {
            outbox.markNotSent(id, OutboundWechatStatus.SANDBOX,
                    "sandbox mode: no WeChat app-id/app-secret, recorded and not sent", null);
            LOG.infof("sandbox WeChat message %d to %s not sent (%s)", id, Masks.openid(m.openid()), m.purpose());
            return;
        }
        Optional<WechatFollowers.Follower> follower = followers.find(m.openid());
        if (follower.isPresent() && !follower.get().subscribed()) {
            outbox.markNotSent(id, OutboundWechatStatus.FAILED, "the resident no longer follows the account", null);
            return;
        }
        boolean windowOpen = follower.map(f -> f.lastInteractionAt().isAfter(Instant.now().minus(WINDOW)))
                .orElse(false);
        try {
            WechatApi.Result result = windowOpen
                    ? api.post(CUSTOM_SEND, customerService(m))
                    : new WechatApi.Result(OUT_OF_WINDOW, "the 48-hour window is closed (checked by the hub)", null);
            OutboundWechat.Kind kind = OutboundWechat.Kind.CUSTOMER_SERVICE;
            if (result.errcode() == OUT_OF_WINDOW && m.templateData() != null) {
                Optional<String> template = config.wechat().templateId().filter(t -> !t.isBlank());
                if (template.isEmpty()) {
                    outbox.markNotSent(id, OutboundWechatStatus.FAILED, "outside the 48-hour window and"
                            + " hub.wechat.template-id is not set", String.valueOf(OUT_OF_WINDOW));
                    return;
                }
                kind = OutboundWechat.Kind.TEMPLATE;
                result = api.post(TEMPLATE_SEND, template(m, template.get()));
            }
            finish(m, kind, result);
        } catch (WechatApi.TokenException e) {
            retry(m, "access token: " + e.getMessage(), String.valueOf(e.errcode));
        }
    }

    private void finish(OutboundWechat m, OutboundWechat.Kind kind, WechatApi.Result result) {
        if (result.ok()) {
            outbox.markSent(m.id(), kind, result.msgid());
            LOG.infof("WeChat %s %d to %s sent (%s)", kind, m.id(), Masks.openid(m.openid()), m.purpose());
            return;
        }
        String detail = "WeChat " + result.errcode() + ": " + result.errmsg();
        if (RETRYABLE.contains(result.errcode())) {
            retry(m, detail, String.valueOf(result.errcode()));
        } else {
            outbox.markNotSent(m.id(), OutboundWechatStatus.FAILED, detail, String.valueOf(result.errcode()));
            LOG.warnf("WeChat message %d to %s refused: %s", m.id(), Masks.openid(m.openid()), detail);
        }
    }

    static Map<String, Object> customerService(OutboundWechat m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("touser", m.openid());
        body.put("msgtype", "text");
        body.put("text", Map.of("content", m.body()));
        return body;
    }

    private Map<String, Object> template(OutboundWechat m, String templateId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("touser", m.openid());
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

    private void retry(OutboundWechat m, String detail, String code) {
        int attempts = m.attempts() + 1;
        if (attempts >= MAX_ATTEMPTS) {
            outbox.markNotSent(m.id(), OutboundWechatStatus.FAILED, "gave up after " + attempts + " attempts: "
                    + detail, code);
            LOG.warnf("WeChat message %d to %s failed for good: %s", m.id(), Masks.openid(m.openid()), detail);
            return;
        }
        long initial = config.delivery().initialBackoff().toMillis();
        long capped = Math.min(initial * (1L << Math.min(attempts - 1, 20)), config.delivery().maxBackoff()
                .toMillis());
        Instant next = Instant.now().plusMillis(capped + ThreadLocalRandom.current().nextLong(capped / 5 + 1));
        outbox.retryLater(m.id(), detail, code, next);
        LOG.infof("WeChat message %d to %s: %s; retry at %s", m.id(), Masks.openid(m.openid()), detail, next);
    }
}
