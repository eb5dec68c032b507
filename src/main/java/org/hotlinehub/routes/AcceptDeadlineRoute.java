package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.dispatch.AcceptDeadlines;

/** Sweeps offers past their accept-by time and re-offers the tickets; a failed sweep is logged and runs again. */
@ApplicationScoped
public class AcceptDeadlineRoute extends RouteBuilder {

    @Inject
    HubConfig config;
    @Inject
    AcceptDeadlines deadlines;

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().logExhausted(true).retryAttemptedLogLevel(LoggingLevel.WARN));
        from("timer:dispatch-expiry?delay=2000&period=" + config.dispatch().expirySweepInterval().toMillis())
                .routeId(RouteIds.DISPATCH_EXPIRY)
                .bean(deadlines, "expireDue");
    }
}
