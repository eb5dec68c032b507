package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.retention.RetentionJob;

/**
 * The nightly retention job (docs/retention.md): every {@code hub.retention.check-interval} each instance asks whether
 * tonight's run is due; the one that claims the night runs it ({@link RetentionJob#runIfDue}). Off with
 * {@code hub.retention.nightly=false}. A failed tick is logged and tried again at the next
 * ({@link HubErrorPolicy#SCHEDULED_JOBS}); a run cut short is taken over later or continued the next night.
 */
@ApplicationScoped
public class RetentionRoute extends RouteBuilder {

    @Inject
    HubConfig config;
    @Inject
    RetentionJob job;

    @Override
    public void configure() {
        if (!config.retention().nightly()) {
            return;
        }
        from("timer:retention?delay=60000&period=" + config.retention().checkInterval().toMillis())
                .routeId(RouteIds.RETENTION)
                .routeConfigurationId(HubErrorPolicy.SCHEDULED_JOBS)
                .process(exchange -> job.runIfDue());
    }
}
