package org.hotlinehub.survey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.config.HubTime;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ResidentTexts;
import org.hotlinehub.model.SurveyResult;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TicketReopened;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.TimelineTimes;
import org.hotlinehub.model.port.SurveyAsker;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.IncidentRows;
import org.hotlinehub.store.SurveyAnswerEntity;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TicketRepository;
import org.hotlinehub.store.TimelineRepository;
import org.jboss.logging.Logger;

/**
 * Asks the resident whether a resolved ticket was solved, and applies the answer: satisfied, basically satisfied or
 * dissatisfied close the ticket with that result; not solved reopens it and hands it on
 * ({@code hub.survey.reopen-to}). No answer within {@code hub.survey.no-reply-after} closes it as "no reply"; a
 * resident no channel reaches is not asked and the ticket closes as "not asked" — both kept apart in the rates. Every
 * outcome is a {@link SurveyAnswerEntity} row attributed to the lead assignment that resolved the ticket. The question
 * goes out through the {@link SurveyAsker} of the resident's channel. Runs in the caller's transaction.
 */
@ApplicationScoped
public class SurveyService {

    private static final Logger LOG = Logger.getLogger(SurveyService.class);
    static final String ACTOR = "hub:survey";
    static final int BATCH = 100;

    @Inject
    Instance<SurveyAsker> askers;
    @Inject
    TimelineRepository timeline;
    @Inject
    TicketRepository tickets;
    @Inject
    AssignmentRepository assignments;
    @Inject
    Event<TicketReopened> reopened;
    @Inject
    HubConfig config;
    @Inject
    EntityManager em;
    @Inject
    HubTime time;
    @Inject
    IncidentRows incidents;

    /**
     * After resolution: asks the resident on the channel they used when it can reach them, otherwise by SMS when they
     * gave a phone number (once per resolution), and marks the ticket as awaiting the answer. Nobody to ask: the
     * ticket closes without a call-back.
     */
    public void ask(TicketEntity ticket) {
        Instant now = time.now();
        ticket.surveyRequestedAt = now;
        ticket.surveyResult = null;
        ticket.surveyAnsweredAt = null;
        Optional<SurveyAsker> asker = Optional.empty();
        SurveyAsker.Question question = null;
        String resolution = resolutionForReporters(ticket);
        if (ticket.resident != null) {
            question = new SurveyAsker.Question("survey-" + ticket.reference + "-" + now.toEpochMilli(),
                    ticket.reference, ticket.resident.id, ticket.resident.phone, ticket.language, resolution);
            SurveyAsker.Question q = question;
            asker = askerFor(ticket.channel, q).or(() -> askerFor(Channel.SMS, q));
        }
        askReporters(ticket, resolution, now);
        if (asker.isEmpty()) {
            close(ticket, SurveyAnswerEntity.NOT_ASKED, null, now);
            timeline.record(ticket.id, TimelineKind.SURVEY_NO_REPLY, ACTOR, null,
                    SystemReason.SURVEY_UNREACHABLE.text());
            return;
        }
        String what = asker.get().ask(question);
        timeline.record(ticket.id, TimelineKind.SURVEY_REQUESTED, ACTOR, asker.get().channel(), what);
    }

    /**
     * The other reporters of an incident are asked too, each on their own channel and about their own ticket (their
     * reference): each answer counts in the satisfaction rate, while the incident counts once in the resolution rate
     * (a reporter's ticket is MERGED). A reporter no channel reaches is not asked and leaves no row.
     */
    private void askReporters(TicketEntity incident, String resolution, Instant now) {
        for (long id : incidents.linkedTickets(incident.id)) {
            TicketEntity reporter = tickets.findById(id);
            if (reporter.resident == null) {
                continue;
            }
            reporter.surveyRequestedAt = now;
            reporter.surveyResult = null;
            reporter.surveyAnsweredAt = null;
            SurveyAsker.Question q = new SurveyAsker.Question("survey-" + reporter.reference + "-" + now.toEpochMilli(),
                    reporter.reference, reporter.resident.id, reporter.resident.phone, reporter.language, resolution);
            askerFor(reporter.channel, q).or(() -> askerFor(Channel.SMS, q)).ifPresent(a -> timeline.record(
                    reporter.id, TimelineKind.SURVEY_REQUESTED, ACTOR, a.channel(), a.ask(q) + " ("
                            + SystemReason.SURVEY_OF_REPORTER.text(incident.reference) + ")"));
        }
    }

    /**
     * For an incident (a ticket with other reporters), what its lead did, as residents read it: the question to each
     * reporter and to the incident's own resident says it, so they get one message at the resolution, not a
     * broadcast of it and the question apart ({@code IncidentBroadcast} leaves the resolution out). Null for a ticket
     * of one resident, whose question stays as it was.
     */
    private String resolutionForReporters(TicketEntity ticket) {
        if (ticket.reporterCount <= 1) {
            return null;
        }
        return assignments.latestLead(ticket.id).map(a -> ResidentTexts.partnerNote(a.resolutionNote)).orElse(null);
    }

    private Optional<SurveyAsker> askerFor(Channel channel, SurveyAsker.Question question) {
        return askers.stream().filter(a -> a.channel() == channel && a.canReach(question)).findFirst();
    }

    /** The resident's answer; an answer to a ticket that is no longer resolved is kept on the timeline only. */
    public void answer(TicketEntity ticket, SurveyResult result, Channel channel) {
        if (ticket.status == TicketStatus.MERGED && ticket.mergedIntoId != null && ticket.surveyRequestedAt != null
                && ticket.surveyAnsweredAt == null) {
            reporterAnswer(ticket, result, channel);
            return;
        }
        if (ticket.status != TicketStatus.RESOLVED) {
            timeline.record(ticket.id, TimelineKind.FOLLOW_UP, "resident", channel,
                    SystemReason.SURVEY_NOT_APPLIED.text(result.name().toLowerCase(),
                            ticket.status.name().toLowerCase()));
            return;
        }
        Instant now = time.now();
        ticket.surveyResult = result;
        ticket.surveyAnsweredAt = now;
        record(ticket, result.name(), channel, now);
        timeline.record(ticket.id, TimelineKind.SURVEY_ANSWERED, "resident", channel,
                SystemReason.SURVEY_ANSWER_BOTH.text(result.labelZh(), result.labelEn()));
        if (result == SurveyResult.NOT_SOLVED) {
            reopened.fire(new TicketReopened(ticket.id, config.survey().reopenTo(),
                    SystemReason.NOT_SOLVED.text(), ACTOR, channel));
        } else {
            ticket.status = TicketStatus.CLOSED;
            ticket.updatedAt = now;
        }
        LOG.infof("ticket %s survey: %s → %s", ticket.reference, result, ticket.status);
    }

    /**
     * A reporter of an incident answered about their own (merged) ticket: the answer is a row of its own, attributed
     * to the incident's lead, so it counts in the partner's satisfaction rate; "not solved" reopens the incident while
     * it is still resolved.
     */
    private void reporterAnswer(TicketEntity reporter, SurveyResult result, Channel channel) {
        Instant now = time.now();
        TicketEntity incident = tickets.findById(reporter.mergedIntoId);
        reporter.surveyResult = result;
        reporter.surveyAnsweredAt = now;
        record(reporter, incident.id, result.name(), channel, now);
        timeline.record(reporter.id, TimelineKind.SURVEY_ANSWERED, "resident", channel,
                SystemReason.SURVEY_ANSWER_BOTH.text(result.labelZh(), result.labelEn())
                        + SystemReason.SURVEY_OF_INCIDENT.text(incident.reference));
        if (result == SurveyResult.NOT_SOLVED && incident.status == TicketStatus.RESOLVED) {
            reopened.fire(new TicketReopened(incident.id, config.survey().reopenTo(),
                    SystemReason.REPORTER_NOT_SOLVED.text(reporter.reference), ACTOR, channel));
        }
        LOG.infof("ticket %s (incident %s) survey: %s", reporter.reference, incident.reference, result);
    }

    /**
     * Closes tickets whose question went unanswered for {@code hub.survey.no-reply-after}, oldest first; rows are
     * claimed with SKIP LOCKED, so with several hub instances each is closed once.
     *
     * @return how many were closed
     */
    @Transactional
    public int closeUnanswered() {
        Instant now = time.now();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from ticket where status = 'RESOLVED'"
                + " and survey_answered_at is null and survey_requested_at <= ?1"
                + " order by survey_requested_at limit ?2 for update skip locked")
                .setParameter(1, now.minus(config.survey().noReplyAfter())).setParameter(2, BATCH).getResultList();
        for (Number id : ids) {
            TicketEntity ticket = tickets.findById(id.longValue());
            close(ticket, SurveyAnswerEntity.NO_REPLY, null, now);
            timeline.record(ticket.id, TimelineKind.SURVEY_NO_REPLY, ACTOR, null,
                    SystemReason.SURVEY_NO_REPLY_SINCE.text(TimelineTimes.minute(ticket.surveyRequestedAt, time.zone()),
                            config.survey().noReplyAfter()));
        }
        return ids.size();
    }

    private void close(TicketEntity ticket, String outcome, Channel channel, Instant now) {
        record(ticket, outcome, channel, now);
        ticket.status = TicketStatus.CLOSED;
        ticket.updatedAt = now;
    }

    private void record(TicketEntity ticket, String outcome, Channel channel, Instant now) {
        record(ticket, ticket.id, outcome, channel, now);
    }

    /** @param judged the ticket whose lead the answer judges: the ticket itself, or a reporter's incident */
    private void record(TicketEntity ticket, long judged, String outcome, Channel channel, Instant now) {
        SurveyAnswerEntity answer = new SurveyAnswerEntity();
        answer.ticketId = ticket.id;
        answer.assignmentId = assignments.latestLead(judged).map(a -> a.id).orElse(null);
        answer.outcome = outcome;
        answer.channel = channel;
        answer.askedAt = ticket.surveyRequestedAt == null ? now : ticket.surveyRequestedAt;
        answer.answeredAt = now;
        answer.persist();
        ticket.surveyOutcome = outcome;
        ticket.surveyExcluded = false;
    }
}
