package org.hotlinehub.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.incident.IncidentDetection;
import org.hotlinehub.model.Attachment;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ContactIntent;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.OperatorContacts;
import org.hotlinehub.model.PlaceType;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TicketCreated;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.store.AttachmentEntity;
import org.hotlinehub.store.InboundContactEntity;
import org.hotlinehub.store.InboundContactRepository;
import org.hotlinehub.store.IntakeRows;
import org.hotlinehub.store.ReferenceLookup;
import org.hotlinehub.store.ReferenceLookup.Spot;
import org.hotlinehub.store.ReferenceLookup.Term;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TicketRepository;
import org.hotlinehub.store.TimelineRepository;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Accepts contacts from the intake queue, a batch in one database transaction, keyed on (channel, external id): a
 * redelivered or double-submitted contact finds its ticket instead of making another.
 */
@ApplicationScoped
public class IntakeService {

    private static final Logger LOG = Logger.getLogger(IntakeService.class);
    static final String ACTOR = "hub:intake";

    @Inject
    InboundContactRepository contacts;
    @Inject
    TicketRepository tickets;
    @Inject
    Residents residents;
    @Inject
    Classifier classifier;
    @Inject
    Locator locator;
    @Inject
    Priorities priorities;
    @Inject
    ReferenceLookup directory;
    @Inject
    IntakeRows rows;
    @Inject
    TimelineRepository timeline;
    @Inject
    Clock clock;
    @Inject
    Conversations conversations;
    @Inject
    ObjectMapper json;
    @Inject
    Event<ContactCounter.Stored> stored;
    @Inject
    IncidentDetection detection;

    /** What a batch of contacts became: the events to publish, and the positions of contacts to try again later. */
    public record Accepted(List<TicketCreated> events, List<Integer> deferred) {
    }

    /**
     * Accepts a batch of contacts in one transaction. New requests become tickets together, set-based (a few
     * statements for the whole batch); then repeats of contacts seen before, then replies about tickets (follow-ups,
     * survey answers) in their order. A reply about a ticket that is not committed yet (a resident's second message
     * overtook the first one, which another consumer still holds) is deferred, not failed: it is tried again later
     * and never lost. Any other failure rolls the whole batch back.
     */
    @Transactional
    public Accepted acceptAll(List<InboundContact> batch) {
        List<TicketCreated> events = new ArrayList<>(batch.size());
        List<Integer> deferred = new ArrayList<>();
        List<InboundContact> requests = batch.stream().filter(c -> c.intent() == ContactIntent.REQUEST).toList();
        List<InboundContact> repeats = new ArrayList<>();
        List<InboundContact> firstSeen = new ArrayList<>(batch.size());
        if (!requests.isEmpty()) {
            events.addAll(newTickets(requests, repeats, firstSeen));
        }
        for (InboundContact repeat : repeats) {
            events.add(duplicate(repeat));
        }
        for (int i = 0; i < batch.size(); i++) {
            InboundContact contact = batch.get(i);
            if (contact.intent() == ContactIntent.REQUEST) {
                continue;
            }
            if (contact.reference() != null && tickets.findByReferenceOrAlias(contact.reference()).isEmpty()) {
                LOG.debugf("%s %s:%s waits for ticket %s", contact.intent(), contact.channel(),
                        contact.externalId(), contact.reference());
                deferred.add(i);
                continue;
            }
            reply(contact, firstSeen).ifPresent(events::add);
            // written, then forgotten: the session's dirty checking (at every flush) stays the size of one contact
            tickets.getEntityManager().flush();
            tickets.getEntityManager().clear();
        }
        if (!firstSeen.isEmpty()) {
            stored.fire(new ContactCounter.Stored(firstSeen));
        }
        return new Accepted(events, deferred);
    }

    /** One contact, as {@link #acceptAll}; the event to publish, if any. */
    @Transactional
    public Optional<TicketCreated> accept(InboundContact contact) {
        return acceptAll(List.of(contact)).events().stream().findFirst();
    }

    /**
     * A reply about a ticket (follow-up, survey answer).
     *
     * @return the event to publish when it made the ticket dispatchable
     */
    private Optional<TicketCreated> reply(InboundContact contact, List<InboundContact> firstSeen) {
        Optional<Long> contactId = contacts.insertIfNew(contact);
        if (contactId.isEmpty()) {
            return stillToDispatch(contact);
        }
        firstSeen.add(contact);
        return conversations.reply(contacts.findById(contactId.get()), contact);
    }

    /**
     * A reply seen before: a redelivery. Its first delivery may have committed the ticket out of triage and then lost
     * the event with its JMS transaction (a broker failover between the two commits); the ticket would wait in
     * RECEIVED for ever. So while it still waits for dispatch its event goes out again, as a repeated request's does
     * ({@link #duplicate}); dispatch offers a ticket once, whatever the number of events.
     */
    private Optional<TicketCreated> stillToDispatch(InboundContact contact) {
        return contacts.findByKey(contact.channel(), contact.externalId())
                .map(seen -> seen.ticketId == null ? null : tickets.findById(seen.ticketId))
                .filter(ticket -> ticket.status == TicketStatus.RECEIVED)
                .map(ticket -> new TicketCreated(ticket.id, ticket.reference, false, clock.instant()));
    }

    /**
     * New requests → tickets, classified, located and prioritised in memory, written with one statement per table.
     * A contact stored before (a redelivery, a double submit) goes to {@code repeats}: it finds its ticket afterwards;
     * the others go to {@code firstSeen}.
     */
    private List<TicketCreated> newTickets(List<InboundContact> requests, List<InboundContact> repeats,
            List<InboundContact> firstSeen) {
        Instant now = clock.instant();
        Long[] contactIds = rows.insertNewContacts(requests, now);
        List<InboundContact> fresh = new ArrayList<>(requests.size());
        List<Long> freshIds = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            if (contactIds[i] == null) {
                repeats.add(requests.get(i));
            } else {
                fresh.add(requests.get(i));
                freshIds.add(contactIds[i]);
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        firstSeen.addAll(fresh);
        List<IntakeRows.Resident> residentsOf = residents.forContacts(fresh, now);
        List<Draft> drafts = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            drafts.add(draft(fresh.get(i), residentsOf.get(i), now));
        }
        long[] ticketIds = rows.insertTickets(drafts.stream().map(Draft::ticket).toList());
        List<TimelineRepository.Entry> entries = new ArrayList<>(drafts.size() * 4);
        List<TicketCreated> events = new ArrayList<>(drafts.size());
        Long[] residentIds = new Long[drafts.size()];
        int triage = 0;
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            long id = ticketIds[i];
            InboundContact contact = fresh.get(i);
            residentIds[i] = d.ticket().residentId();
            for (Note note : d.notes()) {
                entries.add(new TimelineRepository.Entry(id, note.kind(), note.actor(), note.channel(), note.detail()));
            }
            storeAttachments(id, contact.attachments(), now);
            boolean inTriage = d.ticket().status() == TicketStatus.TRIAGE;
            if (inTriage) {
                triage++;
                conversations.askIfUnclear(d.ticket().reference(), d.ticket().language(), d.ticket().placeId() != null,
                        contact).ifPresent(
                                asked -> entries.add(new TimelineRepository.Entry(id,
                                        TimelineKind.CLARIFICATION_REQUESTED, ACTOR, Channel.SMS, asked)));
            }
            LOG.debugf("ticket %s from %s (%s), %s", d.ticket().reference(), contact.channel(),
                    contact.phone() != null ? Masks.phone(contact.phone()) : Masks.openid(contact.wechatOpenid()),
                    d.ticket().status());
            events.add(new TicketCreated(id, d.ticket().reference(), inTriage, now));
        }
        timeline.recordAll(entries);
        rows.linkContacts(freshIds.stream().mapToLong(Long::longValue).toArray(), ticketIds, residentIds);
        triage += incidents(drafts, ticketIds, events, now);
        LOG.infof("%d new ticket(s), %d in triage, %d repeat(s)", drafts.size(), triage, repeats.size());
        return events;
    }

    /**
     * Before anything dispatches them: the new tickets that report an open incident again join it (their creation
     * event finds them merged, so dispatch leaves them alone) or, in the grey zone, wait in triage for an operator.
     *
     * @return how many went to triage
     */
    private int incidents(List<Draft> drafts, long[] ticketIds, List<TicketCreated> events, Instant now) {
        List<IncidentDetection.NewTicket> received = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            IntakeRows.NewTicket t = drafts.get(i).ticket();
            if (t.status() == TicketStatus.RECEIVED) {
                received.add(new IncidentDetection.NewTicket(ticketIds[i], t.description(), t.placeId(),
                        t.categoryId()));
            }
        }
        Map<Long, IncidentDetection.Verdict> verdicts = detection.detect(received, now);
        int suggested = 0;
        for (int i = 0; i < events.size(); i++) {
            TicketCreated e = events.get(i);
            if (verdicts.get(e.ticketId()) == IncidentDetection.Verdict.SUGGESTED) {
                events.set(i, new TicketCreated(e.ticketId(), e.reference(), true, e.occurredAt()));
                suggested++;
            }
        }
        return suggested;
    }

    /** A ticket and its timeline entries, before they are written. */
    private record Draft(IntakeRows.NewTicket ticket, List<Note> notes) {
    }

    private record Note(TimelineKind kind, String actor, Channel channel, String detail) {
    }

    private Draft draft(InboundContact contact, IntakeRows.Resident resident, Instant now) {
        List<Note> notes = new ArrayList<>(4);
        // a ticket an operator filed for a caller names the operator (OperatorContacts), every other one intake
        notes.add(new Note(TimelineKind.RECEIVED, contact.channel() == Channel.OPERATOR
                ? OperatorContacts.actor(contact.externalId())
                : ACTOR, contact.channel(),
                "contact " + contact.channel().name().toLowerCase() + ":"
                        + contact.externalId()));
        List<String> unclear = new ArrayList<>(2);
        Term category = classify(contact, notes).orElse(null);
        if (category == null) {
            unclear.add(SystemReason.NO_CATEGORY.text());
        }
        Spot place = locate(contact, resident, notes).orElse(null);
        if (place == null) {
            unclear.add(SystemReason.NO_PLACE.text());
        }
        String triageReason = unclear.isEmpty() ? null : String.join("; ", unclear);
        if (triageReason != null) {
            notes.add(new Note(TimelineKind.TRIAGE, ACTOR, null, triageReason));
        }
        String language = contact.language() != null
                ? contact.language()
                : resident != null ? resident.language() : "zh";
        return new Draft(new IntakeRows.NewTicket(contact.reference(), contact.channel(),
                resident == null ? null : resident.id(), category == null ? null : category.id(), contact.text(),
                language, place == null ? null : place.id(), contact.address(), contact.lat(), contact.lon(),
                priorities.of(category == null ? null : category.urgency(), resident),
                triageReason == null ? TicketStatus.RECEIVED : TicketStatus.TRIAGE, attributesJson(contact),
                triageReason, contact.receivedAt(), now), notes);
    }

    private TicketCreated duplicate(InboundContact contact) {
        InboundContactEntity seen = contacts.findByKey(contact.channel(), contact.externalId()).orElseThrow();
        TicketEntity ticket = tickets.findById(seen.ticketId);
        if (contact.reference() != null && !contact.reference().equals(ticket.reference)) {
            tickets.addAlias(contact.reference(), ticket.id);
        }
        LOG.debugf("duplicate contact %s:%s → ticket %s", contact.channel(), contact.externalId(), ticket.reference);
        return new TicketCreated(ticket.id, ticket.reference, ticket.status == TicketStatus.TRIAGE, clock.instant());
    }

    private Optional<Term> classify(InboundContact contact, List<Note> notes) {
        if (contact.categoryCode() != null && !contact.categoryCode().isBlank()) {
            Optional<Term> chosen = directory.activeTerm(contact.categoryCode());
            if (chosen.isPresent()) {
                notes.add(new Note(TimelineKind.CLASSIFIED, ACTOR, null,
                        SystemReason.BY_SENDER.text(chosen.get().code())));
                return chosen;
            }
        }
        return classifier.classify(contact.text()).map(match -> {
            notes.add(new Note(TimelineKind.CLASSIFIED, ACTOR, null, match.describe()));
            return match.entry();
        });
    }

    private Optional<Spot> locate(InboundContact contact, IntakeRows.Resident resident, List<Note> notes) {
        return locator.locate(contact, resident == null ? null : resident.placeId()).map(location -> {
            String grid = directory.ancestorOfType(location.place(), PlaceType.GRID.code()).map(Spot::code)
                    .orElse("no grid");
            notes.add(new Note(TimelineKind.LOCATED, ACTOR, null, SystemReason.LOCATED.text(location.place().type(),
                    location.place().code(), location.how(), grid)));
            return location.place();
        });
    }

    private String attributesJson(InboundContact contact) {
        try {
            return json.writeValueAsString(contact.attributes());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attribute answers cannot be written as JSON", e);
        }
    }

    static void storeAttachments(long ticketId, List<Attachment> attachments, Instant now) {
        for (Attachment a : attachments) {
            AttachmentEntity.store(ticketId, a, now);
        }
    }
}
