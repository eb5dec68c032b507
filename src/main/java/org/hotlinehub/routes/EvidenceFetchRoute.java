package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.hotlinehub.casework.EvidenceFetchJob;
import org.hotlinehub.config.HubConfig;

/**
 * Every {@code hub.evidence.fetch-interval}: fetches the voicemail recordings and MMS pictures still known only by
 * their provider's URL ({@link EvidenceFetchJob}); a full round asks for the next at once. A failed tick is logged and
 * tried again at the next ({@link HubErrorPolicy#SCHEDULED_JOBS}); the rows it claimed come due after their lease.
 */
@ApplicationScoped
public class EvidenceFetchRoute extends RouteBuilder {

    @Inject
    HubConfig config;
    @Inject
    EvidenceFetchJob job;

    @Override
    public void configure() {
        from("timer:evidence-fetch?delay=2000&period=" + config.evidence().fetchInterval().toMillis())
                .routeId(RouteIds.EVIDENCE_FETCH)
                .routeConfigurationId(HubErrorPolicy.SCHEDULED_JOBS)
                .process(exchange -> {
                    while (job.run() == EvidenceFetchJob.BATCH) {
                        // a backlog (after an outage): the next batch at once
                    }
                });
    }
}
