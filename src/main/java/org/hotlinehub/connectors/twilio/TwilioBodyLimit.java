package org.hotlinehub.connectors.twilio;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.hotlinehub.model.InputLimits;
import org.jboss.logging.Logger;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Every Twilio webhook body (messages, status callbacks, voice and its callbacks) is at most
 * {@link InputLimits#WEBHOOK_BODY_BYTES}, as WeChat's: a larger one is answered 413 before it is read or parsed, and
 * one of unknown length 411 (Twilio always sends Content-Length). The hub-wide quarkus.http.limits.max-body-size stays
 * larger for the form's photos.
 */
@ApplicationScoped
public class TwilioBodyLimit {

    private static final Logger LOG = Logger.getLogger(TwilioBodyLimit.class);
    static final String PREFIX = "/twilio/";

    void install(@Observes Router router) {
        router.post(PREFIX + "*").order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            refuse(context, 411, "Content-Length is required");
            return;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            refuse(context, 400, "Content-Length '" + length + "' is not a number");
            return;
        }
        if (bytes > InputLimits.WEBHOOK_BODY_BYTES) {
            LOG.warnf("refused a %d byte body on %s", bytes, context.request().path());
            refuse(context, 413, "the body is larger than " + InputLimits.WEBHOOK_BODY_BYTES + " bytes");
            return;
        }
        context.next();
    }

    private static void refuse(RoutingContext context, int status, String message) {
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .putHeader(HttpHeaders.CONNECTION, "close").end(message + "\n");
    }
}
