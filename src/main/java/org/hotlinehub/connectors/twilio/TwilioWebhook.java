package org.hotlinehub.connectors.twilio;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.twilio.twiml.TwiML;

/** What every Twilio webhook of the hub shares: the signature header and the plain answers. */
final class TwilioWebhook {

    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    static final MediaType TEXT_XML = MediaType.TEXT_XML_TYPE.withCharset("UTF-8");

    private TwilioWebhook() {
    }

    static Response xml(TwiML twiml) {
        return Response.ok(TwimlXml.of(twiml)).type(TEXT_XML).build();
    }

    static Response forbidden() {
        return Response.status(403).type(MediaType.TEXT_PLAIN_TYPE).entity("invalid or missing X-Twilio-Signature")
                .build();
    }

    static Response badRequest(String message) {
        return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE).entity(message).build();
    }

    static Response unavailable(String message) {
        return Response.status(503).header("Retry-After", "5").type(MediaType.TEXT_PLAIN_TYPE).entity(message)
                .build();
    }
}
