package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.connectors.twilio.TwilioVoiceCaller;

/**
 * The outbound-call worker: places the queued calls (the call-back survey by voice) through the Twilio Calls API, or
 * records them as not placed in sandbox mode. Never inside the transaction that queued them. A failed tick is logged;
 * claimed calls come due again after their lease.
 */
@ApplicationScoped
public class VoiceOutboundRoute extends RouteBuilder {

    @Inject
    HubConfig config;
    @Inject
    TwilioVoiceCaller caller;

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().logExhausted(true).logExhaustedMessageHistory(false)
                .retryAttemptedLogLevel(LoggingLevel.WARN));
        from("timer:voice-outbound?delay=1000&period=" + config.delivery().pollInterval().toMillis())
                .routeId(RouteIds.VOICE_OUTBOUND)
                .bean(caller, "callDue");
    }
}
