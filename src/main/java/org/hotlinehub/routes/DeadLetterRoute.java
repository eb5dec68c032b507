package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.hotlinehub.connectors.jms.JmsEndpoints;
import org.hotlinehub.deadletter.DeadLetterService;

/**
 * hub.dlq → the dead_letter table, where operators list and replay them. No error handler of its own: if the
 * database cannot take it, the transaction rolls back and the broker redelivers later; nothing is dropped.
 */
@ApplicationScoped
public class DeadLetterRoute extends RouteBuilder {

    @Inject
    DeadLetterService deadLetters;

    @Override
    public void configure() {
        from(JmsEndpoints.deadLetterConsumer())
                .routeId(RouteIds.DEAD_LETTER)
                .errorHandler(noErrorHandler())
                .convertBodyTo(String.class)
                .bean(deadLetters, "record(${header.JMSMessageID}, ${header." + HubErrorPolicy.SOURCE_HEADER
                        + "}, ${header." + HubErrorPolicy.REASON_HEADER + "}, ${header."
                        + HubErrorPolicy.DESTINATION_HEADER + "}, ${body}, ${headers})");
    }
}
