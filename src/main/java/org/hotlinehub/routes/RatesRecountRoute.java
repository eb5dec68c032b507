package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.hotlinehub.casework.RateAggregates;
import org.hotlinehub.config.HubConfig;

/**
 * Every {@code hub.rates.recount-interval}: counts the periods changed since into the rates' aggregates
 * ({@link RateAggregates}); a full round asks for the next at once. One node at a time (an advisory lock); a failed
 * tick is logged and tried again at the next ({@link HubErrorPolicy#SCHEDULED_JOBS}), its days still marked.
 */
@ApplicationScoped
public class RatesRecountRoute extends RouteBuilder {

    @Inject
    HubConfig config;
    @Inject
    RateAggregates aggregates;

    @Override
    public void configure() {
        from("timer:rates-recount?delay=5000&period=" + config.rates().recountInterval().toMillis())
                .routeId(RouteIds.RATES_RECOUNT)
                .routeConfigurationId(HubErrorPolicy.SCHEDULED_JOBS)
                .process(exchange -> {
                    while (aggregates.recount()) {
                        // a backlog (after a bulk load): the next round at once
                    }
                });
    }
}
