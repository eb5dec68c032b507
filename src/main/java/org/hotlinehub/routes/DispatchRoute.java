package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.hotlinehub.connectors.jms.JmsEndpoints;
import org.hotlinehub.dispatch.Dispatcher;
import org.hotlinehub.model.TicketCreated;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * TicketCreated → an assignment offered to the chosen partner, with its delivery in the outbox. Starts before the
 * intake route so that its durable subscription exists before the first event is published.
 */
@ApplicationScoped
public class DispatchRoute extends RouteBuilder {

    @Inject
    ObjectMapper json;

    @Inject
    Dispatcher dispatcher;

    @Override
    public void configure() {
        from(JmsEndpoints.eventsSubscription("hub-dispatch"))
                .routeId(RouteIds.DISPATCH)
                .routeConfigurationId(HubErrorPolicy.ID)
                .startupOrder(10)
                .filter(header(JmsEndpoints.EVENT_TYPE_HEADER).isEqualTo(IntakeRoute.TICKET_CREATED))
                .unmarshal(new JacksonDataFormat(json, TicketCreated.class))
                .filter(simple("${body.triage} == false"))
                .bean(dispatcher, "dispatch");
    }
}
