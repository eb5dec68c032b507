package org.hotlinehub.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.AppealStatus;
import org.hotlinehub.model.AppealView;
import org.hotlinehub.model.IllegalTransitionException;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.Strings;
import org.hotlinehub.model.SurveyResult;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.port.SurveyAppeals;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.SurveyAnswerEntity;
import org.hotlinehub.store.SurveyAppealEntity;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TicketRepository;
import org.hotlinehub.store.TimelineRepository;

/**
 * Appeals against survey results. One appeal per result (a unique key on the result), so a repeated filing answers
 * the first; the decision locks the appeal row, so two supervisors deciding at once apply one after the other.
 */
@ApplicationScoped
public class AppealService implements SurveyAppeals {

    static final List<String> APPEALABLE = List.of(SurveyResult.DISSATISFIED.name(), SurveyResult.NOT_SOLVED.name());

    @Inject
    AssignmentRepository assignments;
    @Inject
    TicketRepository tickets;
    @Inject
    TimelineRepository timeline;
    @Inject
    HubConfig config;
    @Inject
    Clock clock;

    @Override
    @Transactional
    public AppealView appeal(String partnerCode, long assignmentId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an appeal needs a reason (field \"reason\") a supervisor can check");
        }
        AssignmentEntity a = assignments.lockForAssignee(assignmentId, partnerCode).orElseThrow(
                () -> new NotFoundException("assignment " + assignmentId + " is not offered to " + partnerCode));
        SurveyAnswerEntity answer = SurveyAnswerEntity.<SurveyAnswerEntity>find(
                "assignmentId = ?1 and outcome in ?2 order by id desc", a.id, APPEALABLE).firstResultOptional()
                .orElseThrow(() -> new IllegalTransitionException("assignment " + a.id + " has no dissatisfied or"
                        + " not-solved survey result to appeal"));
        Optional<SurveyAppealEntity> filed = SurveyAppealEntity.find("surveyAnswerId", answer.id)
                .firstResultOptional();
        if (filed.isPresent()) {
            return view(filed.get(), answer);
        }
        Instant now = clock.instant();
        if (now.isAfter(answer.answeredAt.plus(config.survey().appealWithin()))) {
            throw new IllegalTransitionException("the survey result of " + answer.answeredAt + " can no longer be"
                    + " appealed (appeals within " + config.survey().appealWithin() + ")");
        }
        SurveyAppealEntity appeal = new SurveyAppealEntity();
        appeal.surveyAnswerId = answer.id;
        appeal.ticketId = answer.ticketId;
        appeal.assignmentId = a.id;
        appeal.partnerCode = partnerCode;
        appeal.reason = reason.strip();
        appeal.status = AppealStatus.PENDING;
        appeal.filedAt = now;
        appeal.persist();
        timeline.record(answer.ticketId, TimelineKind.APPEALED, "partner:" + partnerCode, null,
                SystemReason.APPEAL_FILED.text(answer.outcome.toLowerCase(), appeal.reason));
        return view(appeal, answer);
    }

    @Override
    @Transactional
    public Optional<AppealView> ofAssignment(String partnerCode, long assignmentId) {
        return SurveyAppealEntity.<SurveyAppealEntity>find("assignmentId = ?1 and partnerCode = ?2 order by id desc",
                assignmentId, partnerCode).firstResultOptional().map(this::view);
    }

    @Override
    @Transactional
    public List<AppealView> list(Optional<AppealStatus> status, int offset, int limit) {
        var query = status.isPresent()
                ? SurveyAppealEntity.<SurveyAppealEntity>find("status = ?1 order by id desc", status.get())
                : SurveyAppealEntity.<SurveyAppealEntity>find("order by id desc");
        return query.range(offset, offset + limit - 1).list().stream().map(this::view).toList();
    }

    @Override
    @Transactional
    public List<AppealView> ofTicket(String reference) {
        return tickets.findByReferenceOrAlias(reference).map(t -> SurveyAppealEntity
                .<SurveyAppealEntity>list("ticketId = ?1 order by id", t.id).stream().map(this::view).toList())
                .orElse(List.of());
    }

    @Override
    @Transactional
    public AppealView get(long appealId) {
        return view(SurveyAppealEntity.<SurveyAppealEntity>findByIdOptional(appealId)
                .orElseThrow(() -> new NotFoundException("no appeal " + appealId)));
    }

    @Override
    @Transactional
    public AppealView decide(long appealId, boolean uphold, String note, String actor) {
        SurveyAppealEntity appeal = SurveyAppealEntity.<SurveyAppealEntity>findByIdOptional(appealId,
                LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> new NotFoundException("no appeal " + appealId));
        AppealStatus decision = uphold ? AppealStatus.UPHELD : AppealStatus.REJECTED;
        if (appeal.status == decision) {
            return view(appeal);
        }
        if (appeal.status != AppealStatus.PENDING) {
            throw new IllegalTransitionException("appeal " + appealId + " was already "
                    + appeal.status.name().toLowerCase() + " by " + appeal.decidedBy);
        }
        Instant now = clock.instant();
        appeal.status = decision;
        appeal.decidedAt = now;
        appeal.decidedBy = actor;
        appeal.decisionNote = Strings.blankToNull(note);
        SurveyAnswerEntity answer = SurveyAnswerEntity.findById(appeal.surveyAnswerId);
        if (uphold) {
            answer.excluded = true;
            long latest = SurveyAnswerEntity.<SurveyAnswerEntity>find("ticketId = ?1 order by id desc",
                    answer.ticketId).firstResult().id;
            if (latest == answer.id) {
                TicketEntity ticket = tickets.findById(answer.ticketId);
                ticket.surveyExcluded = true;
            }
        }
        timeline.record(appeal.ticketId, TimelineKind.APPEAL_DECIDED, actor, null,
                (uphold ? SystemReason.APPEAL_UPHELD : SystemReason.APPEAL_REJECTED).text(appeal.partnerCode,
                        answer.outcome.toLowerCase())
                        + (appeal.decisionNote == null ? "" : " — " + appeal.decisionNote));
        return view(appeal, answer);
    }

    private AppealView view(SurveyAppealEntity appeal) {
        return view(appeal, SurveyAnswerEntity.findById(appeal.surveyAnswerId));
    }

    private AppealView view(SurveyAppealEntity appeal, SurveyAnswerEntity answer) {
        TicketEntity ticket = tickets.findById(appeal.ticketId);
        return new AppealView(appeal.id, ticket.reference, appeal.assignmentId, appeal.partnerCode, answer.outcome,
                answer.answeredAt, appeal.reason, appeal.status, appeal.filedAt, appeal.decidedAt, appeal.decidedBy,
                appeal.decisionNote);
    }
}
