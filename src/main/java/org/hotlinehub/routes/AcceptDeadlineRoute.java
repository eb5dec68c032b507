package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.connectors.twilio.CheckIns;
import org.hotlinehub.dispatch.AcceptDeadlines;
import org.hotlinehub.dispatch.EmergencyOffers;
import org.hotlinehub.dispatch.ResolveDeadlines;
import org.hotlinehub.survey.SurveyService;

/**
 * The deadline sweep: emergencies nobody took in their window go to the operators, warnings and overdue marks fire, offers past accept-by are re-offered, and unanswered call-back
 * questions close as "no reply", and residents who missed their daily check-in raise an emergency. Every step claims its rows with SKIP LOCKED and stamps them, so the sweep can run on
 * every hub instance at once and each event still fires once; its time comes from the injected Clock. A failed sweep
 * is logged and runs again at the next tick ({@link HubErrorPolicy#SCHEDULED_JOBS}).
 */
@ApplicationScoped
public class AcceptDeadlineRoute extends RouteBuilder {

    @Inject
    HubConfig config;
    @Inject
    AcceptDeadlines deadlines;
    @Inject
    ResolveDeadlines clocks;
    @Inject
    SurveyService surveys;
    @Inject
    EmergencyOffers emergencies;
    @Inject
    CheckIns checkIns;

    @Override
    public void configure() {
        from("timer:dispatch-expiry?delay=2000&period=" + config.dispatch().expirySweepInterval().toMillis())
                .routeId(RouteIds.DISPATCH_EXPIRY)
                .routeConfigurationId(HubErrorPolicy.SCHEDULED_JOBS)
                // emergencies nobody took within their window go to the operators (before their offers expire)
                .process(exchange -> emergencies.escalateDue())
                // warnings first: a sweep that comes late still warns before it expires
                .process(exchange -> clocks.fireDue())
                .process(exchange -> deadlines.expireDue())
                // call-back questions nobody answered in hub.survey.no-reply-after close as "no reply"
                .process(exchange -> surveys.closeUnanswered())
                // residents whose daily check-in time passed today without one: call assurance's emergency (last,
                // as it waits for the intake queue)
                .process(exchange -> checkIns.raiseMissed());
    }
}
