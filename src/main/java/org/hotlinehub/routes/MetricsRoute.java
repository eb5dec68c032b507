package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.hotlinehub.metrics.OperationsGauges;

/**
 * Reads the database figures behind the operations gauges every {@link OperationsGauges#REFRESH}, so a scrape of
 * {@code /q/metrics} reads a snapshot and never the database. A failed tick is logged
 * ({@link HubErrorPolicy#SCHEDULED_JOBS}) and the gauges read NaN until the next one succeeds.
 */
@ApplicationScoped
public class MetricsRoute extends RouteBuilder {

    @Inject
    OperationsGauges gauges;

    @Override
    public void configure() {
        from("timer:metrics-refresh?delay=1000&period=" + OperationsGauges.REFRESH.toMillis())
                .routeId(RouteIds.METRICS_REFRESH)
                .routeConfigurationId(HubErrorPolicy.SCHEDULED_JOBS)
                .process(exchange -> gauges.refresh());
    }
}
