package org.hotlinehub.connectors.twilio;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hotlinehub.model.InputText;

import com.twilio.twiml.TwiML;

/** What every Twilio webhook of the hub shares: the signature check over all parameters, and the plain answers. */
final class TwilioWebhook {

    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    static final MediaType TEXT_XML = MediaType.TEXT_XML_TYPE.withCharset("UTF-8");

    private TwilioWebhook() {
    }

    /** The form's parameters (every one Twilio sent: they are all signed), when the signature is valid. */
    static Optional<Map<String, String>> signed(TwilioSignatureCheck signatures, String signature, UriInfo uri,
            MultivaluedMap<String, String> form) {
        Map<String, String> params = new LinkedHashMap<>();
        if (form != null) {
            form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        }
        String query = uri.getRequestUri().getRawQuery();
        String pathAndQuery = uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
        if (!signatures.valid(pathAndQuery, params, signature)) {
            return Optional.empty();
        }
        // signed as sent; then cleaned of control characters (InputText) like every channel: Twilio cannot be told 400
        params.replaceAll((name, value) -> InputText.clean(value));
        return Optional.of(params);
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
