package org.hotlinehub.survey;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ResidentTexts;
import org.hotlinehub.model.SurveyResult;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.port.SmsOutbox;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TimelineRepository;
import org.jboss.logging.Logger;

/**
 * Asks the resident whether a resolved ticket was solved, and applies the answer: satisfied, basically satisfied or
 * dissatisfied close the ticket with that result; not solved reopens it. Residents who wrote by SMS are asked by SMS;
 * the other channels' call-back comes with their own issues. Runs in the caller's transaction.
 */
@ApplicationScoped
public class SurveyService {

    private static final Logger LOG = Logger.getLogger(SurveyService.class);
    static final String ACTOR = "hub:survey";

    @Inject
    SmsOutbox sms;
    @Inject
    TimelineRepository timeline;

    /** After resolution: queues the survey question (once per resolution) and marks the ticket as awaiting it. */
    public void ask(TicketEntity ticket) {
        if (ticket.channel != Channel.SMS || ticket.resident == null || ticket.resident.phone == null) {
            return;
        }
        Instant now = Instant.now();
        ticket.surveyRequestedAt = now;
        ticket.surveyResult = null;
        ticket.surveyAnsweredAt = null;
        boolean english = "en".equals(ticket.language);
        sms.enqueue("survey-" + ticket.reference + "-" + now.toEpochMilli(), ticket.resident.phone,
                ResidentTexts.surveyQuestion(ticket.reference, english), "survey", ticket.reference);
        timeline.record(ticket.id, TimelineKind.SURVEY_REQUESTED, ACTOR, Channel.SMS, "survey question sent by SMS");
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
