package org.hotlinehub.connectors.twilio;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.OutboundSms;
import org.hotlinehub.model.OutboundSmsStatus;
import org.hotlinehub.model.port.SmsOutbox;
import org.jboss.logging.Logger;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;

/**
 * Sends due outbound SMS through the Twilio API. Too many requests (429), a Twilio server error (5xx) or no
 * connection is retried with exponential backoff; another refusal fails the message with Twilio's error code, and
 * "unsubscribed recipient" (21610) also records the opt-out. Opted-out recipients are never sent to; in sandbox mode
 * the message is recorded as not sent.
 */
@ApplicationScoped
public class TwilioSmsSender {

    private static final Logger LOG = Logger.getLogger(TwilioSmsSender.class);
    static final int BATCH = 50;
    static final int MAX_ATTEMPTS = 8;
    /** Twilio: "Attempt to send to unsubscribed recipient". */
    static final int UNSUBSCRIBED = 21610;

    @Inject
    SmsOutbox outbox;
    @Inject
    TwilioApiClient api;
    @Inject
    HubConfig config;

    /** One round: claims the due messages (SKIP LOCKED, so instances share the work) and tries each once. */
    public int sendDue() {
        Instant now = Instant.now();
        var due = outbox.claimDue(now, now.plus(config.delivery().timeout()).plusSeconds(30), BATCH);
        due.forEach(this::attempt);
        return due.size();
    }

    void attempt(long id) {
        OutboundSms m = outbox.pending(id).orElse(null);
        if (m == null) {
            return;
        }
        if (outbox.optedOut(m.to())) {
            outbox.markNotSent(id, OutboundSmsStatus.BLOCKED, "the recipient opted out (STOP / 退订)", null);
            return;
        }
        if (api.sandbox()) {
            outbox.markNotSent(id, OutboundSmsStatus.SANDBOX,
                    "sandbox mode: no Twilio credentials, recorded and not sent", null);
            LOG.infof("sandbox SMS %d to %s not sent (%s, %d segment(s))", id, Masks.phone(m.to()), m.purpose(),
                    m.segments());
            return;
        }
        if (api.fromNumber().isEmpty()) {
            outbox.markNotSent(id, OutboundSmsStatus.FAILED, "hub.twilio.from-number is not set", null);
            return;
        }
        try {
            Message sent = Message.creator(new PhoneNumber(m.to()), new PhoneNumber(api.fromNumber().get()), m.body())
                    .setStatusCallback(URI.create(api.statusCallbackUrl())).create(api.client());
            String status = sent.getStatus() == null ? "queued" : sent.getStatus().toString();
            outbox.markSent(id, sent.getSid(), status, TwilioMessageStatus.rank(status).orElse(1));
            LOG.infof("SMS %d to %s sent as %s (%s)", id, Masks.phone(m.to()), sent.getSid(), m.purpose());
        } catch (ApiException e) {
            Integer http = e.getStatusCode();
            String code = e.getCode() == null ? null : e.getCode().toString();
            String detail = "Twilio " + (http == null ? "error" : "HTTP " + http) + (code == null ? "" : " " + code)
                    + ": " + e.getMessage();
            if (http == null || http == 429 || http >= 500) {
                retry(m, detail);
            } else if (e.getCode() != null && e.getCode() == UNSUBSCRIBED) {
                outbox.optOut(m.to());
                outbox.markNotSent(id, OutboundSmsStatus.BLOCKED, detail, code);
            } else {
                outbox.markNotSent(id, OutboundSmsStatus.FAILED, detail, code);
                LOG.warnf("SMS %d to %s refused: %s", id, Masks.phone(m.to()), detail);
            }
        } catch (ApiConnectionException e) {
            retry(m, "cannot reach Twilio: " + e.getMessage());
        }
    }

    private void retry(OutboundSms m, String detail) {
        int attempts = m.attempts() + 1;
        if (attempts >= MAX_ATTEMPTS) {
            outbox.markNotSent(m.id(), OutboundSmsStatus.FAILED, "gave up after " + attempts + " attempts: " + detail,
                    null);
            LOG.warnf("SMS %d to %s failed for good: %s", m.id(), Masks.phone(m.to()), detail);
            return;
        }
        Instant next = Instant.now().plus(backoff(attempts));
        outbox.retryLater(m.id(), detail, next);
        LOG.infof("SMS %d to %s: %s; retry at %s", m.id(), Masks.phone(m.to()), detail, next);
    }

    Duration backoff(int attempts) {
        long initial = config.delivery().initialBackoff().toMillis();
        long capped = Math.min(initial * (1L << Math.min(attempts - 1, 20)), config.delivery().maxBackoff()
                .toMillis());
        return Duration.ofMillis(capped + ThreadLocalRandom.current().nextLong(capped / 5 + 1));
    }
}
