package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.connectors.twilio.TwilioSmsSender;

/**
 * The SMS outbox worker: sends due outbound messages (partner offers, survey and clarifying questions) through Twilio,
 * or records them as not sent in sandbox mode. A failed tick is logged; claimed messages come due again after their
 * lease.
 */
@ApplicationScoped
public class SmsOutboundRoute extends RouteBuilder {

    @Inject
    HubConfig config;
    @Inject
    TwilioSmsSender sender;

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().logExhausted(true).logExhaustedMessageHistory(false)
                .retryAttemptedLogLevel(LoggingLevel.WARN));
        from("timer:sms-outbound?delay=1000&period=" + config.delivery().pollInterval().toMillis())
                .routeId(RouteIds.SMS_OUTBOUND)
                .bean(sender, "sendDue");
    }
}
