package org.hotlinehub.connectors.twilio;

import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.jboss.logging.Logger;

import com.twilio.http.TwilioRestClient;

import io.quarkus.runtime.Startup;

/**
 * The Twilio REST client, built once from {@code hub.twilio.*}. Without an account SID and auth token there is none:
 * the hub runs in sandbox mode, where outbound messages are recorded and marked as not sent. Built at start so the
 * mode is logged then, not at the first message.
 */
@ApplicationScoped
@Startup
public class TwilioApiClient {

    private static final Logger LOG = Logger.getLogger(TwilioApiClient.class);

    @Inject
    HubConfig config;

    private TwilioRestClient client;

    @PostConstruct
    void init() {
        var twilio = config.twilio();
        if (twilio.accountSid().isEmpty() || twilio.authToken().isEmpty()) {
            LOG.warn("Twilio SMS sandbox mode: hub.twilio.account-sid / hub.twilio.auth-token are not set, outbound"
                    + " SMS are recorded (GET /api/v1/outbound-messages) and NOT sent");
            return;
        }
        if (twilio.fromNumber().isEmpty()) {
            LOG.error("hub.twilio.from-number is not set: outbound SMS will fail until it is");
        }
        String sid = twilio.accountSid().get();
        client = new TwilioRestClient.Builder(sid, twilio.authToken().get()).accountSid(sid)
                .httpClient(new TwilioBaseUrlHttpClient(twilio.apiBaseUrl())).build();
        LOG.infof("Twilio SMS through %s", twilio.apiBaseUrl());
    }

    public boolean sandbox() {
        return client == null;
    }

    public TwilioRestClient client() {
        if (client == null) {
            throw new IllegalStateException("no Twilio credentials: sandbox mode");
        }
        return client;
    }

    public Optional<String> fromNumber() {
        return config.twilio().fromNumber();
    }

    /** Where Twilio posts the status of the messages we send. */
    public String statusCallbackUrl() {
        return config.publicBaseUrl().replaceAll("/+$", "") + TwilioSmsResource.STATUS_PATH;
    }
}
