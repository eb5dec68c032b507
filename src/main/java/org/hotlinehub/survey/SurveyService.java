package org.hotlinehub.survey;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.SurveyResult;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.port.SurveyAsker;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TimelineRepository;
import org.jboss.logging.Logger;

/**
 * Asks the resident whether a resolved ticket was solved, and applies the answer: satisfied, basically satisfied or
 * dissatisfied close the ticket with that result; not solved reopens it. The question goes out through the
 * {@link SurveyAsker} of the resident's channel. Runs in the caller's transaction.
 */
@ApplicationScoped
public class SurveyService {

    private static final Logger LOG = Logger.getLogger(SurveyService.class);
    static final String ACTOR = "hub:survey";

    @Inject
    Instance<SurveyAsker> askers;
    @Inject
    TimelineRepository timeline;

    /**
     * After resolution: asks the resident on the channel they used when it can reach them, otherwise by SMS when they
     * gave a phone number (once per resolution), and marks the ticket as awaiting the answer. Nobody to ask: nothing.
     */
    public void ask(TicketEntity ticket) {
        if (ticket.resident == null) {
            return;
        }
        Instant now = Instant.now();
        SurveyAsker.Question question = new SurveyAsker.Question(
                "survey-" + ticket.reference + "-" + now.toEpochMilli(),
                ticket.reference, ticket.resident.id, ticket.resident.phone, ticket.language);
        Optional<SurveyAsker> asker = askerFor(ticket.channel, question).or(() -> askerFor(Channel.SMS, question));
        if (asker.isEmpty()) {
            return;
        }
        ticket.surveyRequestedAt = now;
        ticket.surveyResult = null;
        ticket.surveyAnsweredAt = null;
        String what = asker.get().ask(question);
        timeline.record(ticket.id, TimelineKind.SURVEY_REQUESTED, ACTOR, asker.get().channel(), what);
    }

    private Optional<SurveyAsker> askerFor(Channel channel, SurveyAsker.Question question) {
        return askers.stream().filter(a -> a.channel() == channel && a.canReach(question)).findFirst();
    }

    /** The resident's answer; an answer to a ticket that is no longer resolved is kept on the timeline only. */
    public void answer(TicketEntity ticket, SurveyResult result, Channel channel) {
        if (ticket.status != TicketStatus.RESOLVED) {
            timeline.record(ticket.id, TimelineKind.FOLLOW_UP, "resident", channel,
                    "survey answer " + result.name().toLowerCase() + " while the ticket is "
                            + ticket.status.name().toLowerCase() + "; not applied");
            return;
        }
        Instant now = Instant.now();
        ticket.surveyResult = result;
        ticket.surveyAnsweredAt = now;
        ticket.updatedAt = now;
        timeline.record(ticket.id, TimelineKind.SURVEY_ANSWERED, "resident", channel,
                result.labelZh() + " / " + result.labelEn());
        if (result == SurveyResult.NOT_SOLVED) {
            ticket.status = TicketStatus.REOPENED;
            timeline.record(ticket.id, TimelineKind.REOPENED, ACTOR, channel,
                    "the resident says the problem is not solved");
        } else {
            ticket.status = TicketStatus.CLOSED;
        }
        LOG.infof("ticket %s survey: %s → %s", ticket.reference, result, ticket.status);
    }
}
