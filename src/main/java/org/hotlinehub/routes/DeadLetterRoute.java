package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsConstants;
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
                .process(this::record);
    }

    private void record(Exchange exchange) {
        Message in = exchange.getMessage();
        deadLetters.record(in.getHeader(JmsConstants.JMS_HEADER_MESSAGE_ID, String.class),
                in.getHeader(HubErrorPolicy.SOURCE_HEADER, String.class),
                in.getHeader(HubErrorPolicy.REASON_HEADER, String.class),
                in.getHeader(HubErrorPolicy.DESTINATION_HEADER, String.class), in.getBody(String.class),
                in.getHeaders());
    }
}
