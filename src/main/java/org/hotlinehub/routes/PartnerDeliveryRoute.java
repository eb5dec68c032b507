package org.hotlinehub.routes;

import java.util.ArrayList;
import java.util.concurrent.ExecutorService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.dispatch.DeliveryWorker;

/**
 * The outbox worker: claims due partner deliveries and reads them in one transaction (several instances share the work
 * through SKIP LOCKED), sends them in parallel outside any transaction, and records every outcome in one more. A
 * failed tick is logged and the claimed rows come due again after their lease.
 */
@ApplicationScoped
public class PartnerDeliveryRoute extends RouteBuilder {

    @Inject
    HubConfig config;
    @Inject
    DeliveryWorker worker;

    @Override
    public void configure() {
        ExecutorService senders = getContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "partner-delivery", config.delivery().parallelism());
        errorHandler(defaultErrorHandler().logExhausted(true).logExhaustedMessageHistory(false)
                .retryAttemptedLogLevel(LoggingLevel.WARN));
        from("timer:partner-delivery?delay=1000&period=" + config.delivery().pollInterval().toMillis())
                .routeId(RouteIds.DELIVERY)
                .bean(worker, "claimDue")
                .filter(simple("${body.size()} > 0"))
                .split(body(), AggregationStrategies.flexible().accumulateInCollection(ArrayList.class))
                .parallelProcessing().executorService(senders)
                .bean(worker, "send")
                .end()
                .bean(worker, "recordAll");
    }
}
