package org.hotlinehub.connectors.twilio;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.connectors.twilio.VoiceCalls.CallState;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.OutboxChannel;
import org.hotlinehub.model.OutboxMessage;
import org.hotlinehub.model.SendResult;
import org.hotlinehub.model.port.OutboxSender;
import org.hotlinehub.model.port.VoiceOutbox;
import org.jboss.logging.Logger;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;

/**
 * The hub's side of the Calls API: places the outbox's calls (survey calls; recorded only in sandbox mode) and
 * connects a waiting caller to the operator who takes the next call, by redirecting the caller's call to TwiML that
 * dials the operator's phone or client.
 */
@ApplicationScoped
public class TwilioVoiceCaller implements OutboxSender {

    private static final Logger LOG = Logger.getLogger(TwilioVoiceCaller.class);
    /** Seconds the resident's phone rings before Twilio reports no-answer. */
    static final int RING_SECONDS = 30;
    static final List<String> STATUS_EVENTS = List.of("initiated", "ringing", "answered", "completed");

    @Inject
    VoiceCalls calls;
    @Inject
    TwilioApiClient api;
    @Inject
    VoiceWebhooks webhooks;
    @Inject
    HubConfig config;

    @Override
    public OutboxChannel channel() {
        return OutboxChannel.VOICE;
    }

    /**
     * Places one queued call. Twilio's answer that it could not take the call now (429, 5xx, no connection) is worth
     * a retry that does not count as an attempt: a call's attempts are the calls placed.
     */
    @Override
    public SendResult send(OutboxMessage c) {
        if (api.sandbox()) {
            LOG.infof("sandbox: %s call %d to %s not placed", c.topic(), c.id(), Masks.phone(c.recipient()));
            return SendResult.notSent(VoiceOutbox.Status.SANDBOX.name(), "sandbox mode: no Twilio credentials,"
                    + " recorded and not called", null);
        }
        if (api.fromNumber().isEmpty()) {
            return SendResult.notSent(VoiceOutbox.Status.FAILED.name(), "hub.twilio.from-number is not set", null);
        }
        try {
            Call call = Call.creator(new PhoneNumber(c.recipient()), new PhoneNumber(api.fromNumber().get()),
                    URI.create(webhooks.url("/" + c.topic() + "?id=" + c.id()))).setMethod(HttpMethod.POST)
                    .setStatusCallback(URI.create(webhooks.url("/status"))).setStatusCallbackMethod(HttpMethod.POST)
                    .setStatusCallbackEvent(STATUS_EVENTS).setTimeout(RING_SECONDS).create(api.client());
            LOG.infof("%s call %d to %s placed as %s (attempt %d of %d)", c.topic(), c.id(),
                    Masks.phone(c.recipient()), call.getSid(), c.attempts() + 1, c.maxAttempts());
            return SendResult.delivered("placed", call.getSid(), null, 0);
        } catch (ApiException e) {
            Integer http = e.getStatusCode();
            String detail = "Twilio " + (http == null ? "error" : "HTTP " + http) + ": " + e.getMessage();
            if (http == null || http == 429 || http >= 500) {
                return SendResult.retryUncounted(detail);
            }
            LOG.warnf("%s call %d to %s refused: %s", c.topic(), c.id(), Masks.phone(c.recipient()), detail);
            return SendResult.notSent(VoiceOutbox.Status.FAILED.name(), detail, null);
        } catch (ApiConnectionException e) {
            return SendResult.retryUncounted("cannot reach Twilio: " + e.getMessage());
        }
    }

    /** What became of an operator's request for the next caller. */
    public record Taken(CallState call, String target, boolean sandbox) {
    }

    /**
     * Connects the longest-waiting caller (priority queue first) to this operator.
     *
     * @param to the operator's phone or {@code client:identity}; empty: {@code hub.voice.operators.<operator>}
     * @return empty when nobody is waiting
     * @throws IllegalArgumentException when there is nowhere to connect the operator
     */
    public Optional<Taken> takeNext(String operator, Optional<String> to) {
        String target = to.filter(t -> !t.isBlank()).map(String::strip)
                .or(() -> Optional.ofNullable(config.voice().operators().get(operator)))
                .orElseThrow(() -> new IllegalArgumentException("no phone or client for operator '" + operator
                        + "': set hub.voice.operators." + operator + " (+8613… or client:<identity>) or send \"to\""));
        if (!target.startsWith("client:") && !target.matches("\\+[1-9]\\d{7,14}")) {
            throw new IllegalArgumentException("to must be an E.164 phone number or client:<identity>");
        }
        Optional<CallState> next = calls.takeNext(operator, config.voice().priorityQueue());
        if (next.isEmpty()) {
            return Optional.empty();
        }
        CallState call = next.get();
        if (api.sandbox()) {
            LOG.infof("sandbox: call %s for operator %s not connected", call.callSid(), operator);
            return Optional.of(new Taken(call, target, true));
        }
        String url = webhooks.url("/connect?lang=" + ("en".equals(call.language()) ? "en" : "zh") + "&to="
                + TwilioVoiceResource.encode(target));
        try {
            Call.updater(call.callSid()).setUrl(URI.create(url)).setMethod(HttpMethod.POST).update(api.client());
            LOG.infof("call %s from %s connecting to operator %s", call.callSid(), Masks.phone(call.from()), operator);
            return Optional.of(new Taken(call, target, false));
        } catch (ApiException | ApiConnectionException e) {
            // Back in line where it was: the caller keeps waiting and another try (or operator) can take it.
            calls.enqueued(call.callSid(), call.queue());
            throw new WebApplicationException("Twilio did not connect call " + call.callSid() + ": " + e.getMessage()
                    + "; the caller is back in the queue", e, 502);
        }
    }
}
