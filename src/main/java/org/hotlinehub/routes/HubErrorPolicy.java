package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.hotlinehub.connectors.jms.JmsEndpoints;

/**
 * The one error policy of the message-driven routes: a few redeliveries with exponential backoff for passing trouble
 * (a database hiccup, a lock), then the original message goes to the dead-letter queue with the reason, the route and
 * where to replay it. The move happens in the consumer's JMS transaction, so the message is never in both places or
 * neither.
 */
@ApplicationScoped
public class HubErrorPolicy extends RouteConfigurationBuilder {

    public static final String ID = "hub-error-policy";
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
                .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN)
                .logExhausted(true)
                .logStackTrace(true)
                // message bodies carry residents' phone numbers: they go to the dead-letter table, never to the log
                .logExhaustedMessageBody(false)
                .logExhaustedMessageHistory(false)
                .onPrepareFailure(HubErrorPolicy::describeFailure));
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
