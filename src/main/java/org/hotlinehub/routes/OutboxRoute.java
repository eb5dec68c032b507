package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.outbound.OutboxWorker;

/**
 * The poll of the hub's one outbox (partner webhooks and queues, SMS, WeChat, voice call-backs): every
 * {@code hub.delivery.poll-interval} the outbox worker is asked for a round, which finds retries that came due and rows
 * another instance wrote. Rows written here wake the worker when their transaction commits, without waiting for it.
 */
@ApplicationScoped
public class OutboxRoute extends RouteBuilder {

    @Inject
    HubConfig config;
    @Inject
    OutboxWorker worker;

    @Override
    public void configure() {
        from("timer:outbox?delay=1000&period=" + config.delivery().pollInterval().toMillis())
                .routeId(RouteIds.OUTBOX)
                .routeConfigurationId(HubErrorPolicy.SCHEDULED_JOBS)
                .process(exchange -> worker.wake());
    }
}
