package org.hotlinehub.intake;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ContactIntent;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.RetryLaterException;
import org.hotlinehub.model.SurveyResult;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TicketCreated;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.port.ResidentReplies;
import org.hotlinehub.model.port.SmsOutbox;
import org.hotlinehub.store.InboundContactEntity;
import org.hotlinehub.store.ReferenceLookup;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TicketRepository;
import org.hotlinehub.store.TimelineRepository;
import org.hotlinehub.survey.SurveyService;
import org.jboss.logging.Logger;

/**
 * The resident's side of a conversation about a ticket: follow-ups go on its timeline (and, while the ticket waits
 * in triage, may supply the place or need it lacked, so it can be dispatched after all; for a ticket merged into
 * another, such as a report of an incident, also on the timeline of the ticket carried on); survey answers close or
 * reopen it. A new SMS ticket intake cannot classify or locate gets one clarifying question back. Runs inside
 * {@link IntakeService#accept}'s transaction.
 */
@ApplicationScoped
public class Conversations {

    private static final Logger LOG = Logger.getLogger(Conversations.class);
    static final String RESIDENT = "resident";

    @Inject
    ResidentReplies replies;
    @Inject
    TicketRepository tickets;
    @Inject
    TimelineRepository timeline;
    @Inject
    Classifier classifier;
    @Inject
    Locator locator;
    @Inject
    Priorities priorities;
    @Inject
    SurveyService surveys;
    @Inject
    SmsOutbox sms;
    @Inject
    ReferenceLookup directory;
    @Inject
    Clock clock;

    /** @return the event to publish when a follow-up made a triage ticket dispatchable, else empty */
    Optional<TicketCreated> reply(InboundContactEntity row, InboundContact contact) {
        // refresh, not find: the ticket may already be in this session from an earlier read, and a lock taken on a
        // stale copy would write its old status back over what dispatch committed meanwhile
        TicketEntity ticket = tickets.findByReferenceOrAlias(contact.reference())
                .map(t -> {
                    tickets.getEntityManager().refresh(t, LockModeType.PESSIMISTIC_WRITE);
                    return t;
                })
                .orElseThrow(() -> new RetryLaterException("no ticket " + contact.reference() + " yet for the "
                        + contact.intent().name().toLowerCase() + " " + contact.channel() + ":"
                        + contact.externalId()));
        row.ticketId = ticket.id;
        row.residentId = ticket.resident == null ? null : ticket.resident.id;
        if (contact.intent() == ContactIntent.SURVEY_ANSWER) {
            Optional<SurveyResult> result = SurveyResult.parse(contact.text());
            if (result.isPresent()) {
                surveys.answer(ticket, result.get(), contact.channel());
                return Optional.empty();
            }
        }
        return followUp(ticket, contact);
    }

    private Optional<TicketCreated> followUp(TicketEntity ticket, InboundContact contact) {
        String text = contact.text() == null ? "" : contact.text().strip();
        String said = text.isEmpty() ? contact.attachments().size() + " attachment(s)" : text;
        timeline.record(ticket.id, TimelineKind.FOLLOW_UP, RESIDENT, contact.channel(), said);
        if (ticket.status == TicketStatus.MERGED && ticket.mergedIntoId != null) {
            // a report of an incident (or a duplicate merged by hand): its resident's word goes on the record of the
            // ticket carried on, without touching that ticket's row (an incident's row is busy while reports join)
            timeline.record(ticket.mergedIntoId, TimelineKind.FOLLOW_UP, RESIDENT, contact.channel(),
                    SystemReason.FOLLOW_UP_OF_MERGED.text(ticket.reference) + ": " + said);
        }
        ticket.updatedAt = clock.instant();
        IntakeService.storeAttachments(ticket.id, contact.attachments(), ticket.updatedAt);
        if (contact.lat() != null && contact.lon() != null && ticket.lat == null) {
            // A location shared after the request (WeChat): the ticket's point, and below its place if it had none.
            ticket.lat = contact.lat();
            ticket.lon = contact.lon();
        }
        if (ticket.status != TicketStatus.TRIAGE || text.isEmpty()) {
            return Optional.empty();
        }
        ticket.description = ticket.description + "\n" + text;
        if (ticket.category == null) {
            classifier.classify(ticket.description).ifPresent(match -> {
                ticket.category = directory.categoryReference(match.entry());
                timeline.record(ticket.id, TimelineKind.CLASSIFIED, IntakeService.ACTOR, null,
                        match.describe() + "; " + SystemReason.AFTER_FOLLOW_UP.text());
            });
        }
        if (ticket.place == null) {
            InboundContact answer = new InboundContact(contact.channel(), contact.externalId(), ticket.reference,
                    contact.receivedAt(), contact.phone(), null, text, ticket.language, null, null, text,
                    contact.lat(), contact.lon(), null);
            Long home = ticket.resident == null || ticket.resident.place == null ? null : ticket.resident.place.id;
            locator.locate(answer, home).ifPresent(location -> {
                ticket.place = directory.placeReference(location.place());
                timeline.record(ticket.id, TimelineKind.LOCATED, IntakeService.ACTOR, null,
                        SystemReason.LOCATED_AFTER_FOLLOW_UP.text(location.place().type(), location.place().code(),
                                location.how()));
            });
        }
        if (ticket.category == null || ticket.place == null) {
            ticket.triageReason = (ticket.category == null
                    ? SystemReason.STILL_UNCLEAR_NO_CATEGORY
                    : SystemReason.STILL_UNCLEAR_NO_PLACE).text();
            return Optional.empty();
        }
        ticket.priority = priorities.of(ticket.category, ticket.resident);
        ticket.triageReason = null;
        ticket.status = TicketStatus.RECEIVED;
        LOG.infof("ticket %s leaves triage after the resident's follow-up", ticket.reference);
        return Optional.of(new TicketCreated(ticket.id, ticket.reference, false, clock.instant()));
    }

    /** One clarifying question for a new SMS ticket that landed in triage: where it is, else what is needed. */
    /**
     * @param located whether intake found the ticket's place
     * @return the timeline entry to write, or empty when nothing was asked
     */
    Optional<String> askIfUnclear(String reference, String language, boolean located, InboundContact contact) {
        if (contact.channel() != Channel.SMS || contact.phone() == null) {
            return Optional.empty();
        }
        boolean english = "en".equals(language);
        String question = located
                ? replies.askCategory(reference, english)
                : replies.askPlace(reference, english);
        sms.enqueue("clarify-" + reference, contact.phone(), question, "clarification", reference);
        return Optional.of(located ? "asked what help is needed" : "asked for the compound or address");
    }
}
