package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.hotlinehub.connectors.jms.JmsEndpoints;

/**
 * The error policies of the Camel routes, in one place. {@link #ID}, for the message-driven routes: a few redeliveries
 * with exponential backoff for passing trouble (a database hiccup, a lock), then the original message goes to the
 * dead-letter queue with the reason, the route and where to replay it. The move happens in the consumer's JMS
 * transaction, so the message is never in both places or neither. {@link #SCHEDULED_JOBS}, for the timer routes: a
 * failed tick has no message to keep, so it is logged once (no redelivery) and the job runs again at its next tick.
 */
@ApplicationScoped
public class HubErrorPolicy extends RouteConfigurationBuilder {

    public static final String ID = "hub-error-policy";
    /** The route configuration every scheduled job (a timer route) names; see docs/routes.md. */
    public static final String SCHEDULED_JOBS = "hub-scheduled-jobs";
    public static final String REASON_HEADER = JmsEndpoints.DEAD_LETTER_REASON_HEADER;
    public static final String SOURCE_HEADER = JmsEndpoints.DEAD_LETTER_SOURCE_HEADER;
    public static final String DESTINATION_HEADER = JmsEndpoints.DEAD_LETTER_DESTINATION_HEADER;

    @Override
    public void configuration() {
        routeConfiguration(ID).errorHandler(deadLetterChannel(JmsEndpoints.deadLetterProducer())
                .useOriginalMessage()
                .maximumRedeliveries(4)
                .redeliveryDelay(200)
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhausted(true)
                .logStackTrace(true)
                // message bodies carry residents' phone numbers: they go to the dead-letter table, never to the log
                .logExhaustedMessageBody(false)
                .logExhaustedMessageHistory(false)
                .onPrepareFailure(HubErrorPolicy::describeFailure));
        // no redeliveries: the next tick is the retry; the exhausted failure is logged with its stack trace, as the
        // message-driven routes log theirs (without the message history)
        routeConfiguration(SCHEDULED_JOBS).errorHandler(defaultErrorHandler()
                .logExhausted(true)
                .logExhaustedMessageHistory(false)
                .retryAttemptedLogLevel(LoggingLevel.WARN));
    }

    static void describeFailure(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        var in = exchange.getIn();
        in.setHeader(REASON_HEADER, cause == null
                ? "unknown failure"
                : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        in.setHeader(SOURCE_HEADER, exchange.getFromRouteId());
        if (exchange.getFromEndpoint() != null) {
            in.setHeader(DESTINATION_HEADER, JmsEndpoints.destinationOf(exchange.getFromEndpoint().getEndpointUri()));
        }
    }
}
