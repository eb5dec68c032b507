package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.dispatch.AcceptDeadlines;
import org.hotlinehub.dispatch.ResolveDeadlines;

/**
 * The deadline sweep: offers past accept-by are re-offered, then warnings and overdue marks fire. A failed sweep is
 * logged and runs again at the next tick.
 */
@ApplicationScoped
public class AcceptDeadlineRoute extends RouteBuilder {

    @Inject
    HubConfig config;
    @Inject
    AcceptDeadlines deadlines;
    @Inject
    ResolveDeadlines clocks;

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().logExhausted(true).retryAttemptedLogLevel(LoggingLevel.WARN));
        from("timer:dispatch-expiry?delay=2000&period=" + config.dispatch().expirySweepInterval().toMillis())
                .routeId(RouteIds.DISPATCH_EXPIRY)
                // warnings first: a sweep that comes late still warns before it expires
                .bean(clocks, "fireDue")
                .bean(deadlines, "expireDue");
    }
}
