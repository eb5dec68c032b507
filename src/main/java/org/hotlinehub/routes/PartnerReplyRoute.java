package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.hotlinehub.connectors.jms.JmsEndpoints;
import org.hotlinehub.dispatch.PartnerReplies;
import org.hotlinehub.model.PartnerReply;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Partners' answers over the broker: hub.partner.replies → the same transitions as the partner API. When the
 * partner sets JMSReplyTo it gets the assignment back; a reply that cannot be applied is dead-lettered with the reason.
 */
@ApplicationScoped
public class PartnerReplyRoute extends RouteBuilder {

    @Inject
    ObjectMapper json;
    @Inject
    PartnerReplies replies;

    @Override
    public void configure() {
        from(JmsEndpoints.partnerRepliesConsumer())
                .routeId(RouteIds.PARTNER_REPLIES)
                .routeConfigurationId(HubErrorPolicy.ID)
                .unmarshal(new JacksonDataFormat(json, PartnerReply.class))
                // the assignment becomes the body: it is the answer when the partner set JMSReplyTo
                .setBody(exchange -> replies.apply(
                        exchange.getMessage().getHeader(JmsEndpoints.PARTNER_KEY_HEADER, String.class),
                        exchange.getMessage().getBody(PartnerReply.class)))
                .marshal(new JacksonDataFormat(json, Object.class));
    }
}
