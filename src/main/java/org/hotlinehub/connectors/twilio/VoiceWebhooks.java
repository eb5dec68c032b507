package org.hotlinehub.connectors.twilio;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.connectors.twilio.VoiceCalls.CallEvent;
import org.hotlinehub.model.IntakeUnavailableException;
import org.hotlinehub.model.PhoneNumbers;
import org.hotlinehub.model.port.VoiceOutbox;
import org.hotlinehub.model.port.VoiceOutbox.OutboundCall;
import org.jboss.logging.Logger;

import com.twilio.twiml.VoiceResponse;

/**
 * The steps every voice webhook takes before its own, once {@link TwilioSignatureFilter} has let it in (403, nothing
 * stored): a CallSid (400), then the call's status in the call log, once per sid and status. A contact that cannot be
 * made durable answers 503.
 */
@ApplicationScoped
public class VoiceWebhooks {

    static final String VOICE_PATH = "/twilio/voice";
    private static final Logger LOG = Logger.getLogger(VoiceWebhooks.class);
    private static final Pattern CALL_SID = Pattern.compile("CA[0-9a-fA-F]{32}");

    @Inject
    TwilioForm form;
    @Inject
    VoiceOutbox outbox;
    @Inject
    VoiceCalls calls;
    @Inject
    HubConfig config;

    /** @param log whether the request is about the call itself (not an operator's leg) and goes in the call log */
    Response handle(UriInfo uri, boolean log, Function<VoiceRequest, Response> then) {
        Map<String, String> params = form.params();
        String sid = params.get("CallSid");
        if (sid == null || !CALL_SID.matcher(sid).matches()) {
            return TwilioWebhook.badRequest("CallSid is missing or not a Twilio call SID");
        }
        String direction = params.getOrDefault("Direction", "inbound");
        String party = direction.startsWith("outbound") ? params.get("To") : params.get("From");
        VoiceRequest request = new VoiceRequest(sid, PhoneNumbers.normalize(party).orElse(null), params);
        String status = params.get("CallStatus");
        Optional<Integer> rank = TwilioCallStatus.rank(status);
        if (status != null && !status.isBlank() && rank.isEmpty()) {
            return TwilioWebhook.badRequest("unknown CallStatus '" + status + "'");
        }
        try {
            if (log && rank.isPresent()) {
                calls.log(new CallEvent(sid, direction, PhoneNumbers.normalize(params.get("From")).orElse(null),
                        PhoneNumbers.normalize(params.get("To")).orElse(null), status.strip().toLowerCase(),
                        rank.get(), number(params.get("CallDuration")), number(params.get("SequenceNumber"))));
            }
            return then.apply(request);
        } catch (IntakeUnavailableException e) {
            LOG.warnf("voice webhook %s for call %s not taken: %s", uri.getPath(), sid, e.getMessage());
            return TwilioWebhook.unavailable("the hub cannot take this now; try again shortly");
        }
    }

    /**
     * A webhook about the hub's own outbound call {@code id} (a voice outbox row) placed for {@code purpose}, answered
     * with the TwiML {@code answer} gives; a call that is not one is hung up.
     */
    Response onOutboundCall(UriInfo uri, long id, String purpose,
            BiFunction<VoiceRequest, OutboundCall, VoiceResponse> answer) {
        return handle(uri, true, call -> twiml(outbox.find(id).filter(c -> purpose.equals(c.purpose()))
                .map(c -> answer.apply(call, c)).orElseGet(() -> VoiceTwiml.hangUp(new VoiceResponse.Builder()))));
    }

    /** The absolute URL Twilio is to request next, e.g. {@code url("/menu?lang=zh")}. */
    String url(String pathAndQuery) {
        return config.publicBaseUrl().replaceAll("/+$", "") + VOICE_PATH + pathAndQuery;
    }

    static Response twiml(VoiceResponse response) {
        return TwilioWebhook.xml(response);
    }

    static Response empty() {
        return twiml(new VoiceResponse.Builder().build());
    }

    static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
