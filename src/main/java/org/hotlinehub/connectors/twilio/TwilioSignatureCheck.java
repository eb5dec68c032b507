package org.hotlinehub.connectors.twilio;

import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.jboss.logging.Logger;

import com.twilio.security.RequestValidator;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * Checks {@code X-Twilio-Signature} with the SDK's {@link RequestValidator} (HMAC-SHA1 over the URL and every form
 * parameter, constant-time compare, with and without the default port) against the URL Twilio was given:
 * {@code hub.public-base-url} + path + query, never the URL this server sees behind a proxy. Without an auth token
 * nothing can be verified, so every request is refused: an unsigned SMS endpoint would let anyone file tickets and
 * answer for partners.
 */
@ApplicationScoped
@Startup
public class TwilioSignatureCheck {

    private static final Logger LOG = Logger.getLogger(TwilioSignatureCheck.class);

    @Inject
    HubConfig config;

    private RequestValidator validator;
    private boolean off;

    @PostConstruct
    void init() {
        if (!config.twilio().signatureCheck()) {
            if (LaunchMode.current() == LaunchMode.NORMAL) {
                LOG.error("hub.twilio.signature-check=false is ignored: only dev and test mode may skip the check");
            } else {
                off = true;
                LOG.warn("hub.twilio.signature-check=false: /twilio webhooks are NOT verified (dev mode only)");
            }
        }
        config.twilio().authToken().filter(t -> !t.isBlank()).ifPresentOrElse(t -> validator = new RequestValidator(t),
                () -> LOG.warn("hub.twilio.auth-token is not set: the Twilio webhooks (/twilio/sms, /twilio/voice and"
                        + " their callbacks) refuse every request (403) because their signature cannot be checked"));
    }

    /** @param pathAndQuery the request's path and raw query as received, e.g. {@code /twilio/sms} */
    public boolean valid(String pathAndQuery, Map<String, String> params, String signature) {
        if (off) {
            return true;
        }
        if (validator == null || signature == null || signature.isBlank()) {
            return false;
        }
        String url = config.publicBaseUrl().replaceAll("/+$", "") + pathAndQuery;
        return validator.validate(url, params, signature);
    }
}
