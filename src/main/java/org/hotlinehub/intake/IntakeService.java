package org.hotlinehub.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.Attachment;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ContactIntent;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.OperatorContacts;
import org.hotlinehub.model.PlaceType;
import org.hotlinehub.model.TicketCreated;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.store.AttachmentEntity;
import org.hotlinehub.store.CatalogRepository;
import org.hotlinehub.store.InboundContactEntity;
import org.hotlinehub.store.InboundContactRepository;
import org.hotlinehub.store.PlaceRepository;
import org.hotlinehub.store.ResidentEntity;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TicketRepository;
import org.hotlinehub.store.TimelineRepository;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Accepts one contact from the intake queue. Runs in one database transaction, keyed on (channel, external id): a
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
    TimelineRepository timeline;
    @Inject
    Residents residents;
    @Inject
    Classifier classifier;
    @Inject
    Locator locator;
    @Inject
    Priorities priorities;
    @Inject
    CatalogRepository catalog;
    @Inject
    PlaceRepository places;
    @Inject
    Conversations conversations;
    @Inject
    ObjectMapper json;

    /** What a batch of contacts became: the events to publish, and the positions of contacts to try again later. */
    public record Accepted(List<TicketCreated> events, List<Integer> deferred) {
    }

    /**
     * Accepts a batch of contacts in one transaction, in their order. A reply about a ticket that is not committed
     * yet (a resident's second message overtook the first one, which another consumer still holds) is deferred, not
     * failed: it is tried again later and never lost. Any other failure rolls the whole batch back.
     */
    @Transactional
    public Accepted acceptAll(List<InboundContact> batch) {
        List<TicketCreated> events = new ArrayList<>(batch.size());
        List<Integer> deferred = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            InboundContact contact = batch.get(i);
            if (contact.intent() != ContactIntent.REQUEST && contact.reference() != null
                    && tickets.findByReferenceOrAlias(contact.reference()).isEmpty()) {
                LOG.debugf("%s %s:%s waits for ticket %s", contact.intent(), contact.channel(),
                        contact.externalId(), contact.reference());
                deferred.add(i);
                continue;
            }
            TicketCreated event = accept(contact);
            if (event != null) {
                events.add(event);
            }
            // written, then forgotten: the session's dirty checking (at every flush) stays the size of one contact
            tickets.getEntityManager().flush();
            tickets.getEntityManager().clear();
        }
        return new Accepted(events, deferred);
    }

    /**
     * @return the event to publish: for a new ticket, and again for a duplicate (dispatch ignores repeats); for a
     *         reply about a ticket (follow-up, survey answer) only when it made the ticket dispatchable, else null
     */
    @Transactional
    public TicketCreated accept(InboundContact contact) {
        Optional<Long> contactId = contacts.insertIfNew(contact);
        if (contactId.isEmpty()) {
            return contact.intent() == ContactIntent.REQUEST ? duplicate(contact) : null;
        }
        if (contact.intent() != ContactIntent.REQUEST) {
            return conversations.reply(contacts.findById(contactId.get()), contact).orElse(null);
        }
        var resident = residents.forContact(contact);
        TicketEntity ticket = new TicketEntity();
        ticket.reference = contact.reference();
        ticket.channel = contact.channel();
        ticket.resident = resident;
        ticket.description = contact.text();
        ticket.language = contact.language() != null ? contact.language() : resident != null ? resident.language : "zh";
        ticket.address = contact.address();
        ticket.lat = contact.lat();
        ticket.lon = contact.lon();
        ticket.createdAt = contact.receivedAt();
        ticket.status = TicketStatus.RECEIVED;
        ticket.priority = "normal";
        ticket.attributes = attributesJson(contact);
        tickets.persist(ticket);
        // a ticket an operator filed for a caller names the operator (OperatorContacts), every other one intake
        timeline.record(ticket.id, TimelineKind.RECEIVED,
                contact.channel() == Channel.OPERATOR ? OperatorContacts.actor(contact.externalId()) : ACTOR,
                contact.channel(), "contact " + contact.channel().name().toLowerCase() + ":" + contact.externalId());

        classify(ticket, contact);
        locate(ticket, contact, resident);
        ticket.priority = priorities.of(ticket.category, resident);
        storeAttachments(ticket.id, contact.attachments());
        if (ticket.triageReason != null) {
            ticket.status = TicketStatus.TRIAGE;
            timeline.record(ticket.id, TimelineKind.TRIAGE, ACTOR, null, ticket.triageReason);
            conversations.askIfUnclear(ticket, contact);
        }
        InboundContactEntity row = contacts.findById(contactId.get());
        row.ticketId = ticket.id;
        row.residentId = resident == null ? null : resident.id;
        LOG.infof("ticket %s from %s (%s), %s", ticket.reference, contact.channel(), contact.phone() != null
                ? Masks.phone(contact.phone())
                : Masks.openid(contact.wechatOpenid()), ticket.status);
        return new TicketCreated(ticket.id, ticket.reference, ticket.status == TicketStatus.TRIAGE, Instant.now());
    }

    private TicketCreated duplicate(InboundContact contact) {
        InboundContactEntity seen = contacts.findByKey(contact.channel(), contact.externalId()).orElseThrow();
        TicketEntity ticket = tickets.findById(seen.ticketId);
        if (contact.reference() != null && !contact.reference().equals(ticket.reference)) {
            tickets.addAlias(contact.reference(), ticket.id);
        }
        LOG.debugf("duplicate contact %s:%s → ticket %s", contact.channel(), contact.externalId(), ticket.reference);
        return new TicketCreated(ticket.id, ticket.reference, ticket.status == TicketStatus.TRIAGE, Instant.now());
    }

    private void classify(TicketEntity ticket, InboundContact contact) {
        if (contact.categoryCode() != null && !contact.categoryCode().isBlank()) {
            ticket.category = catalog.findByCode(contact.categoryCode()).filter(c -> c.active).orElse(null);
            if (ticket.category != null) {
                timeline.record(ticket.id, TimelineKind.CLASSIFIED, ACTOR, null,
                        "category " + ticket.category.code + " chosen by the sender");
                return;
            }
        }
        classifier.classify(contact.text()).ifPresentOrElse(match -> {
            ticket.category = match.entry();
            timeline.record(ticket.id, TimelineKind.CLASSIFIED, ACTOR, null,
                    "category " + match.entry().code + " by keywords " + String.join(", ", match.keywords()));
        }, () -> ticket.triageReason = "no catalog entry matches the description");
    }

    private void locate(TicketEntity ticket, InboundContact contact, ResidentEntity resident) {
        locator.locate(contact, resident).ifPresentOrElse(location -> {
            ticket.place = location.place();
            String grid = places.ancestorOfType(location.place(), PlaceType.GRID.code()).map(g -> g.code)
                    .orElse("no grid");
            timeline.record(ticket.id, TimelineKind.LOCATED, ACTOR, null,
                    location.place().type + " " + location.place().code + " (" + location.how() + ") → grid "
                            + grid);
        }, () -> ticket.triageReason = ticket.triageReason == null
                ? "the address matches no known place"
                : ticket.triageReason + "; the address matches no known place");
    }

    private String attributesJson(InboundContact contact) {
        try {
            return json.writeValueAsString(contact.attributes());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attribute answers cannot be written as JSON", e);
        }
    }

    static void storeAttachments(long ticketId, List<Attachment> attachments) {
        for (Attachment a : attachments) {
            AttachmentEntity.store(ticketId, a);
        }
    }
}
