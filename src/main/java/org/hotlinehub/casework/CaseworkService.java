package org.hotlinehub.casework;

import static org.hotlinehub.model.Strings.blankToNull;
import static org.hotlinehub.model.Strings.noteSuffix;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hotlinehub.dispatch.OperatorDispatch;
import org.hotlinehub.dispatch.Reopening;
import org.hotlinehub.incident.IncidentLinks;
import org.hotlinehub.intake.Priorities;
import org.hotlinehub.model.AppealStatus;
import org.hotlinehub.model.AppealView;
import org.hotlinehub.model.AssignmentView;
import org.hotlinehub.model.CallerReport;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.IllegalTransitionException;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.OperatorContacts;
import org.hotlinehub.model.PhoneNumbers;
import org.hotlinehub.model.PlaceType;
import org.hotlinehub.model.ResidentTexts;
import org.hotlinehub.model.Staff;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TicketCreated;
import org.hotlinehub.model.TicketReopened;
import org.hotlinehub.model.TicketSplit;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineItem;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.port.AssignmentClocks;
import org.hotlinehub.model.port.AuditTrail;
import org.hotlinehub.model.port.Casework;
import org.hotlinehub.model.port.CatalogDirectory;
import org.hotlinehub.model.port.DispatchControl;
import org.hotlinehub.model.port.IntakeQueue;
import org.hotlinehub.model.port.PlaceDirectory;
import org.hotlinehub.model.port.ReferenceNumbers;
import org.hotlinehub.model.port.ResidentMessenger;
import org.hotlinehub.model.port.SurveyAppeals;
import org.hotlinehub.model.port.TicketEvents;
import org.hotlinehub.store.CatalogEntryEntity;
import org.hotlinehub.store.CatalogRepository;
import org.hotlinehub.store.ClassifierCorrections;
import org.hotlinehub.store.PlaceEntity;
import org.hotlinehub.store.PlaceRepository;
import org.hotlinehub.store.ReferenceLookup;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TicketRepository;
import org.hotlinehub.store.TimelineRepository;
import org.jboss.logging.Logger;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Operators' actions on tickets. Each runs in one transaction that holds the ticket's row lock, writes the change,
 * its timeline entries and its audit entry together, and only queues outside effects (partner deliveries, messages)
 * in outboxes.
 */
@ApplicationScoped
public class CaseworkService implements Casework {

    private static final Logger LOG = Logger.getLogger(CaseworkService.class);
    static final String TARGET = "ticket";
    static final int MAX_TEXT = 2000;
    static final int MAX_MESSAGE = 500;

    @Inject
    TicketRepository tickets;
    @Inject
    TimelineRepository timeline;
    @Inject
    CatalogRepository catalog;
    @Inject
    PlaceRepository places;
    @Inject
    ReferenceLookup lookup;
    @Inject
    Priorities priorities;
    @Inject
    OperatorDispatch dispatch;
    @Inject
    Reopening reopening;
    @Inject
    DispatchControl dispatchControl;
    @Inject
    AuditTrail audit;
    @Inject
    AssignmentClocks clocks;
    @Inject
    SurveyAppeals appeals;
    @Inject
    ReferenceNumbers references;
    @Inject
    IntakeQueue intake;
    @Inject
    CatalogDirectory catalogDirectory;
    @Inject
    PlaceDirectory placeDirectory;
    @Inject
    Instance<ResidentMessenger> messengers;
    @Inject
    ClassifierCorrections corrections;
    @Inject
    IncidentLinks links;
    @Inject
    TicketEvents ticketEvents;
    @Inject
    Clock clock;

    @Override
    public String fileForCaller(CallerReport report, String requestKey, Staff staff) {
        String phone = PhoneNumbers.normalize(report.phone()).orElseThrow(() -> new IllegalArgumentException(
                "phone '" + Masks.phone(report.phone()) + "' is not a phone number (e.g. 13900000002)"));
        String description = required(report.description(), "description", MAX_TEXT);
        String category = blankToNull(report.categoryCode());
        if (category != null && catalogDirectory.find(category).isEmpty()) {
            throw new IllegalArgumentException("category '" + category + "' is not in the active catalog");
        }
        String place = blankToNull(report.placeCode());
        if (place != null && placeDirectory.find(place).isEmpty()) {
            throw new IllegalArgumentException("place '" + place + "' is not a known place");
        }
        String language = "en".equals(report.language()) || "zh".equals(report.language()) ? report.language() : null;
        String externalId = OperatorContacts.externalId(staff.name(),
                requestKey == null || requestKey.isBlank() ? UUID.randomUUID().toString() : requestKey);
        String reference = references.reserve(Channel.OPERATOR, externalId, references.next());
        intake.submit(new InboundContact(Channel.OPERATOR, externalId, reference, clock.instant(), phone,
                blankToNull(report.name()), description, language, category, place, blankToNull(report.address()),
                null, null, List.of()));
        audit.record(staff.name(), "ticket.create", TARGET, reference, "filed for caller " + Masks.phone(phone)
                + (category == null ? "" : ", category " + category) + (place == null ? "" : ", place " + place),
                staff.client());
        LOG.infof("ticket %s filed by %s for %s", reference, staff.name(), Masks.phone(phone));
        return reference;
    }

    @Override
    @Transactional
    public void triage(String reference, String categoryCode, String placeCode, String note, Staff staff) {
        TicketEntity ticket = lock(reference);
        if (ticket.status != TicketStatus.TRIAGE) {
            throw new IllegalTransitionException("ticket " + ticket.reference + " is " + word(ticket.status)
                    + "; only a ticket awaiting triage is classified and located here"
                    + " (override dispatch to hand it to another partner)");
        }
        String why = noteSuffix(note);
        CatalogEntryEntity category = blankToNull(categoryCode) == null
                ? ticket.category
                : activeCategory(categoryCode);
        PlaceEntity place = blankToNull(placeCode) == null ? ticket.place : knownPlace(placeCode);
        if (category == null || place == null) {
            throw new IllegalArgumentException("ticket " + ticket.reference + " needs "
                    + (category == null ? "a category" : "a place") + " before it can be dispatched");
        }
        if (category != ticket.category) {
            ticket.category = category;
            timeline.record(ticket.id, TimelineKind.CLASSIFIED, staff.actor(), null,
                    SystemReason.CATEGORY_CHOSEN.text(category.code, staff.actor()) + why);
        }
        if (place != ticket.place) {
            ticket.place = place;
            timeline.record(ticket.id, TimelineKind.LOCATED, staff.actor(), null,
                    SystemReason.PLACE_CHOSEN.text(place.type, place.code, staff.actor(), grid(place)) + why);
        }
        if (ticket.description != null && !ticket.description.isBlank()) {
            // the operator's category for this text teaches the classifier at its next retrain (on every node)
            corrections.record(ticket.id, ticket.description, category.code, staff.name(), clock.instant());
        }
        ticket.priority = priorities.of(category, ticket.resident);
        ticket.triageReason = null;
        ticket.status = TicketStatus.RECEIVED;
        ticket.updatedAt = clock.instant();
        dispatch.dispatchNow(ticket);
        audit.record(staff.name(), "ticket.triage", TARGET, ticket.reference,
                "category " + category.code + ", place " + place.code + " → " + word(ticket.status) + why,
                staff.client());
    }

    @Override
    @Transactional
    public AssignmentView reassign(String reference, String partnerCode, String note, Staff staff) {
        TicketEntity ticket = lock(reference);
        if (ticket.category == null) {
            throw new IllegalTransitionException("ticket " + ticket.reference
                    + " has no category yet; classify and locate it first (its deadlines come from the category)");
        }
        AssignmentView view = dispatchControl.reassign(ticket.reference, partnerCode, note, staff.actor());
        audit.record(staff.name(), "ticket.reassign", TARGET, ticket.reference,
                "lead to " + partnerCode + noteSuffix(note), staff.client());
        return view;
    }

    @Override
    @Transactional
    public TimelineItem addNote(String reference, String text, Staff staff) {
        TicketEntity ticket = find(reference);
        String note = required(text, "text", MAX_TEXT);
        timeline.record(ticket.id, TimelineKind.NOTE, staff.actor(), null, note);
        audit.record(staff.name(), "ticket.note", TARGET, ticket.reference,
                "internal note of " + note.codePointCount(0, note.length()) + " characters", staff.client());
        return new TimelineItem(clock.instant(), TimelineKind.NOTE, staff.actor(), null, note);
    }

    @Override
    @Transactional
    public List<TimelineItem> notes(String reference) {
        TicketEntity ticket = find(reference);
        return timeline.forTicket(ticket.id).stream().filter(e -> e.kind == TimelineKind.NOTE)
                .map(e -> new TimelineItem(e.at, e.kind, e.actor, e.channel, e.detail)).toList();
    }

    @Override
    @Transactional
    public String message(String reference, String text, Channel channel, String requestKey, Staff staff) {
        TicketEntity ticket = lock(reference);
        String body = required(text, "text", MAX_MESSAGE);
        String key = "staff-message-" + ticket.reference + "-"
                + (requestKey == null || requestKey.isBlank() ? UUID.randomUUID() : requestKey.strip());
        Sent sent = tell(ticket, body, channel, key, "operator-message").orElseThrow(
                () -> new IllegalTransitionException("ticket " + ticket.reference + " has no resident the hub can reach"
                        + (channel == null ? "" : " by " + channel.name().toLowerCase())));
        timeline.record(ticket.id, TimelineKind.MESSAGE_SENT, staff.actor(), sent.channel(),
                body + " — " + sent.what());
        audit.record(staff.name(), "ticket.message", TARGET, ticket.reference,
                "message by " + sent.channel().name().toLowerCase() + ": " + sent.what(), staff.client());
        return sent.what();
    }

    @Override
    @Transactional
    public void merge(String primaryReference, List<String> duplicateReferences, String note, Staff staff) {
        if (duplicateReferences == null || duplicateReferences.stream().allMatch(d -> d == null || d.isBlank())) {
            throw new IllegalArgumentException("duplicates (the references to merge into " + primaryReference
                    + ") are required");
        }
        TicketEntity primaryRow = find(primaryReference);
        List<TicketEntity> rows = new ArrayList<>();
        for (String d : new LinkedHashSet<>(duplicateReferences.stream().filter(r -> r != null && !r.isBlank())
                .map(String::strip).toList())) {
            TicketEntity dup = find(d);
            if (!rows.contains(dup)) {
                rows.add(dup); // a reference and its alias name one ticket
            }
        }
        // lock in id order, so two operators merging overlapping sets wait for each other instead of deadlocking
        List<TicketEntity> all = new ArrayList<>(rows);
        all.add(primaryRow);
        all.sort(Comparator.comparing(t -> t.id));
        all.stream().distinct().forEach(t -> tickets.getEntityManager().refresh(t, LockModeType.PESSIMISTIC_WRITE));
        // every duplicate checked before any joins: a refused one leaves all of them as they were
        rows.forEach(dup -> links.checkJoin(dup, primaryRow, "duplicates"));
        String why = noteSuffix(note);
        for (TicketEntity dup : rows) {
            // the incident link, as the ticket page's merge: the primary counts one more reporter, its holder is told,
            // and the incident's undo takes the duplicate out again
            links.join(dup, primaryRow, new IncidentLinks.Decision(1.0, SystemReason.LINKED_BY.text(staff.actor())
                    + why, staff.actor()));
            informOfMerge(dup, primaryRow, staff);
        }
        primaryRow.updatedAt = clock.instant();
        audit.record(staff.name(), "ticket.merge", TARGET, primaryRow.reference, "merged "
                + String.join(", ", rows.stream().map(t -> t.reference).toList()) + " into it" + why, staff.client());
    }

    @Override
    @Transactional
    public String split(String reference, TicketSplit split, String requestKey, Staff staff) {
        if (split == null) {
            throw new IllegalArgumentException("description, category and place of the new ticket are required");
        }
        String description = required(split.description(), "description", MAX_TEXT);
        CatalogEntryEntity category = activeCategory(required(split.categoryCode(), "category", MAX_TEXT));
        PlaceEntity place = knownPlace(required(split.placeCode(), "place", MAX_TEXT));
        String key = blankToNull(requestKey);
        TicketEntity original = lock(reference);
        if (key != null) {
            Optional<TicketEntity> earlier = tickets.find("splitFromId = ?1 and splitKey = ?2", original.id, key)
                    .firstResultOptional();
            if (earlier.isPresent()) {
                return earlier.get().reference; // the same split sent again: the ticket it made the first time
            }
        }
        if (!original.status.isOpen()) {
            throw new IllegalTransitionException("ticket " + original.reference + " is " + word(original.status)
                    + "; only an open ticket can be split");
        }
        String why = noteSuffix(split.note());
        TicketEntity added = new TicketEntity();
        added.reference = references.next();
        added.channel = original.channel;
        added.resident = original.resident;
        added.language = original.language;
        added.description = description;
        added.category = category;
        added.place = place;
        added.address = blankToNull(split.address()) == null ? original.address : split.address().strip();
        added.priority = priorities.of(category, original.resident);
        added.status = TicketStatus.RECEIVED;
        added.splitFromId = original.id;
        added.splitKey = key;
        added.createdAt = clock.instant();
        added.updatedAt = added.createdAt;
        tickets.persistAndFlush(added);
        timeline.record(added.id, TimelineKind.RECEIVED, staff.actor(), added.channel,
                SystemReason.SPLIT_FROM.text(original.reference, staff.actor()) + why);
        timeline.record(added.id, TimelineKind.CLASSIFIED, staff.actor(), null,
                SystemReason.CATEGORY_CHOSEN.text(category.code, staff.actor()));
        timeline.record(added.id, TimelineKind.LOCATED, staff.actor(), null,
                SystemReason.PLACE_CHOSEN.text(place.type, place.code, staff.actor(), grid(place)));
        timeline.record(original.id, TimelineKind.SPLIT, staff.actor(), null,
                SystemReason.SPLIT_OFF.text(added.reference, staff.actor()) + why);
        original.updatedAt = clock.instant();
        informOfSplit(original, added, staff);
        // a new ticket like any other on hub.events: its creation first, then its offer's DISPATCHED
        ticketEvents.created(new TicketCreated(added.id, added.reference, false, added.createdAt), staff.actor());
        dispatch.dispatchNow(added);
        audit.record(staff.name(), "ticket.split", TARGET, original.reference, "split off " + added.reference
                + " (category " + category.code + ", place " + place.code + ")" + why, staff.client());
        LOG.infof("ticket %s split off %s by %s", added.reference, original.reference, staff.name());
        return added.reference;
    }

    @Override
    @Transactional
    public void reopen(String reference, String to, String reason, Staff staff) {
        TicketEntity ticket = lock(reference);
        String why = required(reason, "reason", MAX_TEXT);
        TicketReopened request = new TicketReopened(ticket.id, to, why, staff.actor(), null);
        reopening.reopen(ticket, request);
        audit.record(staff.name(), "ticket.reopen", TARGET, ticket.reference,
                "reopened (to " + request.to() + "): " + why, staff.client());
    }

    @Override
    @Transactional
    public void cancel(String reference, String reason, Staff staff) {
        TicketEntity ticket = lock(reference);
        String why = required(reason, "reason", MAX_TEXT);
        if (!ticket.status.isOpen()) {
            throw new IllegalTransitionException("ticket " + ticket.reference + " is " + word(ticket.status)
                    + "; only an open ticket can be cancelled");
        }
        dispatch.withdrawAll(ticket, TimelineKind.CANCELLED, staff.actor(), "ticket cancelled");
        ticket.status = TicketStatus.CANCELLED;
        ticket.triageReason = null;
        ticket.updatedAt = clock.instant();
        timeline.record(ticket.id, TimelineKind.CANCELLED, staff.actor(), null,
                SystemReason.CANCELLED_BY.text(staff.actor(),
                        why));
        audit.record(staff.name(), "ticket.cancel", TARGET, ticket.reference, "cancelled: " + why, staff.client());
    }

    @Override
    @Transactional
    public AssignmentView rule(long assignmentId, DispatchControl.Ruling ruling, String partnerCode, String note,
            Staff staff) {
        if (ruling == null) {
            throw new IllegalArgumentException("decision is required: reassign or overrule");
        }
        String partner = blankToNull(partnerCode);
        if (ruling == DispatchControl.Ruling.OVERRULE && partner != null) {
            throw new IllegalArgumentException("partner is only for a return upheld (decision reassign)");
        }
        return audited(dispatchControl.rule(assignmentId, ruling, note, partner, staff.actor()), "ticket.ruling",
                "return of assignment " + assignmentId + (ruling == DispatchControl.Ruling.OVERRULE
                        ? " overruled, sent back"
                        : " upheld, to " + (partner == null ? "the next candidate" : partner)) + noteSuffix(note),
                staff);
    }

    @Override
    @Transactional
    public AssignmentView addSupport(String reference, String partnerCode, String note, Staff staff) {
        String partner = required(partnerCode, "partner", MAX_TEXT);
        TicketEntity ticket = lock(reference);
        return audited(dispatchControl.addSupport(ticket.reference, partner, note, staff.actor()),
                "ticket.support-add", "supporting party " + partner + " added" + noteSuffix(note), staff);
    }

    @Override
    @Transactional
    public AssignmentView removeSupport(String reference, long assignmentId, String note, Staff staff) {
        TicketEntity ticket = lock(reference);
        return audited(dispatchControl.removeSupport(ticket.reference, assignmentId, note, staff.actor()),
                "ticket.support-remove", "supporting assignment " + assignmentId + " withdrawn" + noteSuffix(note),
                staff);
    }

    @Override
    @Transactional
    public AssignmentView pause(long assignmentId, String reason, Staff staff) {
        String why = required(reason, "reason", MAX_TEXT);
        return audited(clocks.pause(assignmentId, why, Optional.empty(), staff.actor()), "ticket.pause",
                "clocks of assignment " + assignmentId + " paused: " + why, staff);
    }

    @Override
    @Transactional
    public AssignmentView resume(long assignmentId, String reason, Staff staff) {
        return audited(clocks.resume(assignmentId, Optional.empty(), staff.actor(), blankToNull(reason)),
                "ticket.resume", "clocks of assignment " + assignmentId + " resumed" + noteSuffix(reason), staff);
    }

    /** The decision's audit entry, on the ticket of the assignment it changed, in the decision's transaction. */
    private AssignmentView audited(AssignmentView view, String action, String detail, Staff staff) {
        audit.record(staff.name(), action, TARGET, view.ticket().reference(), detail, staff.client());
        return view;
    }

    @Override
    @Transactional
    public AppealView decideAppeal(long appealId, boolean uphold, String note, Staff staff) {
        boolean pending = appeals.get(appealId).status() == AppealStatus.PENDING;
        AppealView view = appeals.decide(appealId, uphold, note, staff.actor());
        if (!pending) {
            return view; // decided before, the same way (another way is refused): nothing new to audit
        }
        audit.record(staff.name(), "ticket.appeal-decision", TARGET, view.ticketReference(), "appeal " + appealId
                + " of " + view.partner() + (uphold ? " upheld" : " rejected") + noteSuffix(note), staff.client());
        return view;
    }

    /** The resident of a merged duplicate learns which ticket carries on, in the ticket's language. */
    private void informOfMerge(TicketEntity dup, TicketEntity primary, Staff staff) {
        inform(dup, words(dup).mergeNotice(dup.reference, primary.reference),
                "merge-" + dup.reference + "-" + primary.reference, "merge-notice", staff);
    }

    /** The resident learns the second problem's reference, in the ticket's language. */
    private void informOfSplit(TicketEntity original, TicketEntity added, Staff staff) {
        inform(added, words(original).splitNotice(original.reference, added.reference),
                "split-" + original.reference + "-" + added.reference, "split-notice", staff);
    }

    private static CaseworkMessages words(TicketEntity ticket) {
        return MessageBundles.get(CaseworkMessages.class,
                Localized.Literal.of(ResidentTexts.language("en".equals(ticket.language))));
    }

    /** Tells the ticket's resident on the ticket's channel (else SMS), once per key; the timeline says so. */
    private void inform(TicketEntity ticket, String text, String key, String purpose, Staff staff) {
        tell(ticket, text, null, key, purpose).ifPresent(sent -> timeline.record(ticket.id,
                TimelineKind.MESSAGE_SENT, staff.actor(), sent.channel(), text + " — " + sent.what()));
    }

    private record Sent(Channel channel, String what) {
    }

    /** On the channel asked for; else the ticket's own channel when it reaches the resident, else SMS. */
    private Optional<Sent> tell(TicketEntity ticket, String text, Channel channel, String key, String purpose) {
        if (ticket.resident == null) {
            return Optional.empty();
        }
        ResidentMessenger.Recipient to = new ResidentMessenger.Recipient(key, ticket.reference, ticket.resident.id,
                ticket.resident.phone, ticket.language);
        Optional<ResidentMessenger> messenger = channel != null
                ? messengerFor(channel, to)
                : messengerFor(ticket.channel, to).or(() -> messengerFor(Channel.SMS, to));
        return messenger.map(m -> new Sent(m.channel(), m.send(to, text, purpose)));
    }

    private Optional<ResidentMessenger> messengerFor(Channel channel, ResidentMessenger.Recipient to) {
        return messengers.stream().filter(m -> m.channel() == channel && m.canReach(to)).findFirst();
    }

    /** @throws IllegalArgumentException naming the field when the code is not an active catalog entry */
    private CatalogEntryEntity activeCategory(String code) {
        return catalog.findByCode(code.strip()).filter(c -> c.active).orElseThrow(
                () -> new IllegalArgumentException("category '" + code + "' is not in the active catalog"));
    }

    /** @throws IllegalArgumentException naming the field when the code is not an active place */
    private PlaceEntity knownPlace(String code) {
        return places.findByCode(code.strip()).filter(p -> p.active)
                .orElseThrow(() -> new IllegalArgumentException("place '" + code + "' is not a known place"));
    }

    /** The grid the place lies in, for the timeline ("no grid" when it lies in none). */
    private String grid(PlaceEntity place) {
        return lookup.place(place.id).flatMap(p -> lookup.ancestorOfType(p, PlaceType.GRID.code()))
                .map(ReferenceLookup.Spot::code).orElse("no grid");
    }

    private TicketEntity find(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new NotFoundException("no ticket ''");
        }
        return tickets.findByReferenceOrAlias(reference.strip())
                .orElseThrow(() -> new NotFoundException("no ticket " + reference.strip()));
    }

    private TicketEntity lock(String reference) {
        return tickets.findById(find(reference).id, LockModeType.PESSIMISTIC_WRITE);
    }

    private static String required(String text, String name, int max) {
        String s = blankToNull(text);
        if (s == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (s.length() > max) {
            throw new IllegalArgumentException(name + " is longer than " + max + " characters");
        }
        return s;
    }

    private static String word(TicketStatus status) {
        return status.name().toLowerCase().replace('_', ' ');
    }
}
