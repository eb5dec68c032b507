package org.hotlinehub.connectors.twilio;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.model.Attachment;
import org.hotlinehub.model.IntakeUnavailableException;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.PhoneNumbers;
import org.hotlinehub.model.port.SmsOutbox;
import org.jboss.logging.Logger;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Body;
import com.twilio.twiml.messaging.Message;

/**
 * Twilio's Messaging webhooks (docs/contract.md, "Inbound endpoints"). Every request must carry a valid
 * {@code X-Twilio-Signature} (403 otherwise, from {@link TwilioSignatureFilter}) and the fields Twilio always sends
 * (400 otherwise); nothing is stored
 * before both checks pass. A text is answered with TwiML only after what it asks for is durable (the contact on the
 * intake queue, or the partner's answer committed); when the broker or database cannot take it the answer is 503 and
 * Twilio retries.
 */
@Path(TwilioSmsResource.SMS_PATH)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@TwilioSigned
@Tag(name = "Twilio", description = "Webhooks called by Twilio Messaging (signed)")
public class TwilioSmsResource {

    static final String SMS_PATH = "/twilio/sms";
    static final String STATUS_PATH = SMS_PATH + "/status";

    private static final Logger LOG = Logger.getLogger(TwilioSmsResource.class);
    private static final Pattern SID = Pattern.compile("(SM|MM)[0-9a-fA-F]{32}");
    /** Twilio's limit for one (concatenated) message. */
    private static final int MAX_BODY = 1600;
    private static final int MAX_MEDIA = 10;

    @Inject
    TwilioForm form;
    @Inject
    TwilioSmsConversation conversation;
    @Inject
    SmsOutbox outbox;
    @Inject
    Clock clock;

    @POST
    @Operation(summary = "A text or MMS from a resident or partner; answered with TwiML")
    public Response inbound() {
        Map<String, String> params = form.params();
        String sid = params.get("MessageSid");
        if (sid == null || !SID.matcher(sid).matches()) {
            return badRequest("MessageSid is missing or not a Twilio message SID");
        }
        Optional<String> from = PhoneNumbers.normalize(params.get("From"));
        if (from.isEmpty()) {
            return badRequest("From is missing or not a phone number");
        }
        String body = params.getOrDefault("Body", "").strip();
        if (body.length() > MAX_BODY) {
            return badRequest("Body is longer than " + MAX_BODY + " characters");
        }
        List<Attachment> media;
        try {
            media = media(params);
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
        try {
            String reply = conversation.answer(new InboundSms(sid, from.get(), body, media, clock.instant()));
            return twiml(reply);
        } catch (IntakeUnavailableException e) {
            LOG.warnf("SMS %s from %s not taken: %s", sid, Masks.phone(from.get()), e.getMessage());
            return TwilioWebhook.unavailable("the hub cannot take this message now; try again shortly");
        }
    }

    @POST
    @Path("/status")
    @Operation(summary = "Delivery status of a message the hub sent")
    public Response status() {
        Map<String, String> params = form.params();
        String sid = params.get("MessageSid");
        String status = params.get("MessageStatus");
        if (sid == null || sid.isBlank() || status == null || status.isBlank()) {
            return badRequest("MessageSid and MessageStatus are required");
        }
        Optional<Integer> rank = TwilioMessageStatus.rank(status);
        if (rank.isEmpty()) {
            return badRequest("unknown MessageStatus '" + status + "'");
        }
        String errorCode = params.get("ErrorCode");
        if (!outbox.recordStatus(sid, status, rank.get(), errorCode == null || errorCode.isBlank()
                ? null
                : errorCode)) {
            LOG.infof("status %s for unknown message %s ignored", status, sid);
        }
        return twiml(null);
    }

    /** MediaUrl0..N-1 with their content types, N = NumMedia. */
    private static List<Attachment> media(Map<String, String> params) {
        String num = params.getOrDefault("NumMedia", "0");
        int count;
        try {
            count = Integer.parseInt(num.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("NumMedia '" + num + "' is not a number");
        }
        if (count < 0 || count > MAX_MEDIA) {
            throw new IllegalArgumentException("NumMedia must be between 0 and " + MAX_MEDIA);
        }
        List<Attachment> media = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String url = params.get("MediaUrl" + i);
            if (url == null || !url.startsWith("https://")) {
                throw new IllegalArgumentException("MediaUrl" + i + " is missing or not an https URL");
            }
            String type = params.getOrDefault("MediaContentType" + i, "application/octet-stream");
            media.add(new Attachment("mms-" + i, type, 0, null, url));
        }
        return media;
    }

    /**
     * TwiML with one message, or an empty {@code <Response/>} for no reply (null or empty; never an empty body: Twilio
     * error 11200).
     */
    static Response twiml(String reply) {
        MessagingResponse.Builder twiml = new MessagingResponse.Builder();
        if (reply != null && !reply.isEmpty()) {
            twiml.message(new Message.Builder().body(new Body.Builder(reply).build()).build());
        }
        return TwilioWebhook.xml(twiml.build());
    }

    private static Response badRequest(String message) {
        return TwilioWebhook.badRequest(message);
    }
}
