package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.connectors.jms.JmsEndpoints;
import org.hotlinehub.intake.IntakeService;
import org.hotlinehub.model.InboundContact;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * hub.intake → ticket → hub.events; replies about a ticket (follow-ups, survey answers) publish only when they make it
 * dispatchable. Transacted: the contact leaves the queue only when its ticket is committed (or it was dead-lettered);
 * a redelivery after a crash finds the ticket by (channel, external id).
 */
@ApplicationScoped
public class IntakeRoute extends RouteBuilder {

    public static final String TICKET_CREATED = "TicketCreated";

    @Inject
    ObjectMapper json;
    @Inject
    HubConfig config;

    @Inject
    IntakeService intake;

    @Override
    public void configure() {
        from(JmsEndpoints.intakeConsumer())
                .routeId(RouteIds.INTAKE)
                .routeConfigurationId(HubErrorPolicy.ID)
                .startupOrder(20)
                .autoStartup(!config.intake().paused())
                .unmarshal(new JacksonDataFormat(json, InboundContact.class))
                .bean(intake, "accept").id(RouteIds.INTAKE_ACCEPT)
                .filter(body().isNotNull())
                .marshal(new JacksonDataFormat(json, Object.class))
                .setHeader(JmsEndpoints.EVENT_TYPE_HEADER, constant(TICKET_CREATED))
                .to(JmsEndpoints.eventsProducer()).id(RouteIds.INTAKE_PUBLISH);
    }
}
