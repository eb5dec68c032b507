package org.hotlinehub.connectors.twilio;

import static org.hotlinehub.connectors.twilio.VoicePrompts.say;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.RetryLaterException;
import org.hotlinehub.model.port.OperatorCalls;
import org.hotlinehub.model.port.ResidentReach;
import org.jboss.logging.Logger;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.type.Client;
import com.twilio.type.Endpoint;
import com.twilio.type.PhoneNumber;

/**
 * "Call the resident" from the console: the Calls API rings the operator's own phone (or Twilio Client) from the
 * hotline number; when they answer, Twilio asks {@code /twilio/voice/bridge} what to do and the hub dials the
 * resident or emergency contact with the hotline number as caller id, so neither side sees the other's number. The
 * URL carries the ticket and the target, never the number; it is looked up only when the operator has answered.
 */
@ApplicationScoped
@Path(VoiceWebhooks.VOICE_PATH + "/bridge")
@TwilioSigned
@Tag(name = "Twilio", description = "Webhooks called by Twilio (signed)")
public class TwilioOperatorBridge implements OperatorCalls {

    private static final Logger LOG = Logger.getLogger(TwilioOperatorBridge.class);
    private static final int DIAL_TIMEOUT = 30;

    @Inject
    TwilioApiClient api;
    @Inject
    VoiceWebhooks webhooks;
    @Inject
    ResidentReach reach;

    @Override
    public String callOperatorThen(String operatorTarget, String reference, String target, boolean english) {
        if (api.sandbox()) {
            LOG.infof("sandbox: call to operator %s for ticket %s not placed", Masks.phone(operatorTarget), reference);
            return "sandbox mode: no Twilio credentials, not called";
        }
        String from = api.fromNumber()
                .orElseThrow(() -> new RetryLaterException("hub.twilio.from-number is not set"));
        Endpoint to = operatorTarget.startsWith("client:")
                ? new Client(operatorTarget)
                : new PhoneNumber(operatorTarget);
        String url = webhooks.url("/bridge?ticket=" + TwilioVoiceResource.encode(reference) + "&target="
                + TwilioVoiceResource.encode(target) + "&lang=" + TwilioVoiceResource.lang(english));
        try {
            Call call = Call.creator(to, new PhoneNumber(from), URI.create(url)).setMethod(HttpMethod.POST)
                    .setStatusCallback(URI.create(webhooks.url("/status"))).setStatusCallbackMethod(HttpMethod.POST)
                    .setStatusCallbackEvent(TwilioVoiceCaller.STATUS_EVENTS)
                    .setTimeout(TwilioVoiceCaller.RING_SECONDS).create(api.client());
            return "operator's call " + call.getSid();
        } catch (ApiException | ApiConnectionException e) {
            throw new RetryLaterException("Twilio did not place the call: " + e.getMessage());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The operator answered the hub's call: dial the ticket's resident or emergency contact")
    public Response bridge(@Context UriInfo uri, @QueryParam("ticket") String reference,
            @QueryParam("target") String target, @QueryParam("lang") String lang) {
        return webhooks.handle(uri, true, call -> {
            if (reference == null || reference.isBlank() || target == null || target.isBlank()) {
                return TwilioWebhook.badRequest("ticket and target are required");
            }
            boolean english = "en".equals(lang);
            String number;
            try {
                number = reach.dialNumber(reference, target);
            } catch (NotFoundException | IllegalArgumentException e) {
                return TwilioWebhook.badRequest(e.getMessage());
            }
            Dial.Builder dial = new Dial.Builder().timeout(DIAL_TIMEOUT).number(new Number.Builder(number).build());
            String hotline = api.fromNumber().orElse(call.param("From"));
            if (hotline != null && !hotline.isEmpty()) {
                dial.callerId(hotline);
            }
            LOG.infof("operator's call %s: dialling the %s of ticket %s (%s)", call.callSid(), target, reference,
                    Masks.phone(number));
            return VoiceWebhooks.twiml(new VoiceResponse.Builder()
                    .say(say(english, VoicePrompts.in(english).bridgeConnecting(VoicePrompts.digits(reference),
                            ResidentReach.RESIDENT.equals(target))))
                    .dial(dial.build()).hangup(new Hangup.Builder().build()).build());
        });
    }
}
