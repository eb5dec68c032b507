package org.hotlinehub.connectors.twilio;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.Masks;
import org.hotlinehub.model.OutboundSmsStatus;
import org.hotlinehub.model.OutboxChannel;
import org.hotlinehub.model.OutboxMessage;
import org.hotlinehub.model.SendResult;
import org.hotlinehub.model.port.OutboxSender;
import org.hotlinehub.model.port.SmsOutbox;
import org.jboss.logging.Logger;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;

/**
 * Sends the outbox's text messages through the Twilio API. Too many requests (429), a Twilio server error (5xx) or no
 * connection is worth a retry; another refusal fails the message with Twilio's error code, and "unsubscribed
 * recipient" (21610) also records the opt-out. Opted-out recipients are never sent to; in sandbox mode the message is
 * recorded as not sent.
 */
@ApplicationScoped
public class TwilioSmsSender implements OutboxSender {

    private static final Logger LOG = Logger.getLogger(TwilioSmsSender.class);
    /** Twilio: "Attempt to send to unsubscribed recipient". */
    static final int UNSUBSCRIBED = 21610;

    @Inject
    SmsOutbox outbox;
    @Inject
    TwilioApiClient api;

    @Override
    public OutboxChannel channel() {
        return OutboxChannel.SMS;
    }

    @Override
    public SendResult send(OutboxMessage m) {
        String to = m.recipient();
        if (m.optedOut()) { // read with the claim
            return SendResult.notSent(OutboundSmsStatus.BLOCKED.name(), "the recipient opted out (STOP / 退订)", null);
        }
        if (api.sandbox()) {
            LOG.infof("sandbox SMS %d to %s not sent (%s)", m.id(), Masks.phone(to), m.topic());
            return SendResult.notSent(OutboundSmsStatus.SANDBOX.name(),
                    "sandbox mode: no Twilio credentials, recorded and not sent", null);
        }
        if (api.fromNumber().isEmpty()) {
            return SendResult.failed(OutboundSmsStatus.FAILED.name(), "hub.twilio.from-number is not set", null);
        }
        try {
            Message sent = Message.creator(new PhoneNumber(to), new PhoneNumber(api.fromNumber().get()), m.body())
                    .setStatusCallback(URI.create(api.statusCallbackUrl())).create(api.client());
            String status = sent.getStatus() == null ? "queued" : sent.getStatus().toString();
            LOG.infof("SMS %d to %s sent as %s (%s)", m.id(), Masks.phone(to), sent.getSid(), m.topic());
            return SendResult.delivered("sent", sent.getSid(), status, TwilioMessageStatus.rank(status).orElse(1));
        } catch (ApiException e) {
            Integer http = e.getStatusCode();
            String code = e.getCode() == null ? null : e.getCode().toString();
            String detail = "Twilio " + (http == null ? "error" : "HTTP " + http) + (code == null ? "" : " " + code)
                    + ": " + e.getMessage();
            if (http == null || http == 429 || http >= 500) {
                return SendResult.retry(detail);
            }
            if (e.getCode() != null && e.getCode() == UNSUBSCRIBED) {
                outbox.optOut(to);
                return SendResult.notSent(OutboundSmsStatus.BLOCKED.name(), detail, code);
            }
            LOG.warnf("SMS %d to %s refused: %s", m.id(), Masks.phone(to), detail);
            return SendResult.failed(OutboundSmsStatus.FAILED.name(), detail, code);
        } catch (ApiConnectionException e) {
            return SendResult.retry("cannot reach Twilio: " + e.getMessage());
        }
    }
}
