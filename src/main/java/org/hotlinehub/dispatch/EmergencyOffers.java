package org.hotlinehub.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.config.HubTime;
import org.hotlinehub.model.AlreadyTakenException;
import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.port.Emergencies;
import org.hotlinehub.model.port.VoiceOutbox;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.CatalogRule;
import org.hotlinehub.store.DispatchDirectory;
import org.hotlinehub.store.EmergencyRows;
import org.hotlinehub.store.PartnerEntity;
import org.hotlinehub.store.PartnerRepository;
import org.hotlinehub.store.PlaceNode;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TicketRepository;
import org.hotlinehub.store.TimelineRepository;
import org.jboss.logging.Logger;

/**
 * Call assurance escalates in parallel (呼叫保障并行派单): an emergency's ticket is offered at once to the
 * {@code hub.assurance.parallel-volunteers} nearest on-duty volunteers of its street (none who holds an unanswered
 * emergency offer) and to the community's staff ({@code hub.assurance.staff-party-type}), while the voice line calls
 * and texts the emergency contacts. The first accept takes it: the emergency row is locked before any offer, so of
 * two accepts at once one wins and the other is told who did; the other offers are withdrawn (their holders told), the
 * contacts' calls not yet placed are withdrawn too. Nobody within {@code hub.assurance.accept-window}: the offers
 * expire and the ticket goes to the top of the operators' queue, with the console's alert and the supervisors' text.
 */
@ApplicationScoped
public class EmergencyOffers implements Emergencies {

    private static final Logger LOG = Logger.getLogger(EmergencyOffers.class);
    static final int BATCH = 20;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    EmergencyRows rows;
    @Inject
    Dispatcher dispatcher;
    @Inject
    VolunteerSelector volunteers;
    @Inject
    PartnerRepository partners;
    @Inject
    DispatchDirectory directory;
    @Inject
    AssignmentRepository assignments;
    @Inject
    TicketRepository tickets;
    @Inject
    TimelineRepository timeline;
    @Inject
    VoiceOutbox calls;
    @Inject
    HubConfig config;
    @Inject
    HubTime time;

    // ---- the voice line and the console (the port) ----

    @Override
    @Transactional
    public void raise(String reference) {
        if (rows.insert(reference, time.now())) {
            LOG.infof("emergency raised for %s", reference);
        }
    }

    @Override
    @Transactional
    public Optional<State> state(String reference) {
        return rows.find(reference).map(r -> State.valueOf(r.state()));
    }

    @Override
    @Transactional
    public ContactAnswer acceptByContact(String reference, String contactPhone) {
        Optional<EmergencyRows.Row> row = rows.lock(reference);
        if (row.isEmpty() || row.get().ticketId() == null) {
            return ContactAnswer.UNKNOWN;
        }
        switch (State.valueOf(row.get().state())) {
            case TAKEN -> {
                return ContactAnswer.ALREADY_TAKEN;
            }
            case ESCALATED -> {
                return ContactAnswer.WITH_OPERATORS;
            }
            case RAISED -> {
                return ContactAnswer.UNKNOWN;
            }
            default -> {
                // OFFERED: this contact takes it
            }
        }
        Instant now = time.now();
        String by = "contact:" + Masks.phone(contactPhone);
        TicketEntity ticket = tickets.findById(row.get().ticketId());
        take(row.get(), null, by, now);
        ticket.status = TicketStatus.ACCEPTED;
        ticket.updatedAt = now;
        timeline.record(ticket.id, TimelineKind.ACCEPTED, by, null,
                SystemReason.EMERGENCY_TAKEN_BY_CONTACT.text(Masks.phone(contactPhone)));
        return ContactAnswer.TAKEN;
    }

    @Override
    @Transactional
    public List<String> awaitingOperators() {
        return rows.awaitingOperators();
    }

    // ---- dispatch ----

    /**
     * Which of these tickets, waiting for their first offer, are raised emergencies: only tickets of the
     * call-assurance category ({@code hub.voice.urgent-category}) are looked up, all of a chunk's in one statement, so
     * other tickets cost nothing.
     */
    Set<Long> raisedAmong(List<TicketEntity> tickets) {
        String urgent = config.voice().urgentCategory();
        Map<String, Long> candidates = new HashMap<>();
        for (TicketEntity t : tickets) {
            if (t.category != null && urgent.equals(t.category.code)) {
                candidates.put(t.reference, t.id);
            }
        }
        Set<Long> raised = new HashSet<>();
        rows.states(candidates.keySet()).forEach((reference, state) -> {
            if (State.RAISED.name().equals(state)) {
                raised.add(candidates.get(reference));
            }
        });
        return raised;
    }

    /** Whether the ticket is an emergency whose parallel offers are out. */
    boolean open(TicketEntity ticket) {
        return ticket.category != null && config.voice().urgentCategory().equals(ticket.category.code)
                && rows.offered(ticket.id);
    }

    /**
     * Offers a raised emergency at once to the nearest volunteers and the community's staff, inside the dispatch
     * chunk; with nobody to offer it to, it goes to the operators now.
     */
    void offerAtOnce(TicketEntity ticket, ChunkOffers chunk) {
        rows.serializeFanOut();
        Instant now = time.now();
        Instant windowEnds = now.plus(config.assurance().acceptWindow());
        List<Choice> choices = new ArrayList<>();
        if (ticket.place != null) {
            CatalogRule rule = directory.rule(ticket.category);
            List<PlaceNode> chain = directory.chain(ticket.place);
            Set<Long> busy = new HashSet<>(rows.volunteersWithUnansweredEmergency());
            busy.addAll(chunk.emergencyVolunteers());
            choices.addAll(volunteers.nearest(rule, chain, busy, now, config.assurance().parallelVolunteers(), false,
                    chunk));
            staff(rule, chain).ifPresent(choices::add);
        }
        rows.offered(ticket.reference, ticket.id, now, windowEnds);
        if (choices.isEmpty()) {
            rows.escalated(ticket.reference, now);
            dispatcher.escalate(ticket, SystemReason.ASSURANCE_NOBODY_ON_DUTY.text(), chunk);
            return;
        }
        int version = directory.catalogVersion();
        Instant acceptBy = offerEnds(now, windowEnds);
        for (Choice c : choices) {
            if (c.volunteer() != null) {
                chunk.emergencyOffered(c.volunteer().id);
            }
            dispatcher.offerEmergency(ticket, c.byVersion(version), now, acceptBy, chunk);
        }
        LOG.infof("emergency %s offered at once to %d part(ies) until %s", ticket.reference, choices.size(),
                windowEnds);
    }

    /** When an offer made now expires: after {@code hub.assurance.offer-window}, never after the window's end. */
    private Instant offerEnds(Instant now, Instant windowEnds) {
        return config.assurance().offerWindow().map(now::plus).filter(end -> end.isBefore(windowEnds))
                .orElse(windowEnds);
    }

    /**
     * One of the emergency's parallel offers was declined or expired while nobody has it yet: the next nearest
     * on-duty volunteer (same street at most) who holds no unanswered emergency and was never offered this one gets
     * an offer until the window's end. Nobody left: the window decides. An accept under way (the emergency's row is
     * locked by another transaction) or a window already over makes no new offer.
     */
    void replace(TicketEntity ticket) {
        Optional<EmergencyRows.Row> row = rows.lockUnlessHeld(ticket.reference);
        Instant now = time.now();
        if (row.isEmpty() || State.valueOf(row.get().state()) != State.OFFERED || row.get().windowEndsAt() == null
                || !row.get().windowEndsAt().isAfter(now) || ticket.place == null) {
            LOG.debugf("emergency %s: no replacement offer (taken, with the operators, being accepted, or its"
                    + " window is over)", ticket.reference);
            return;
        }
        rows.serializeFanOut();
        CatalogRule rule = directory.rule(ticket.category);
        Set<Long> excluded = new HashSet<>(rows.volunteersWithUnansweredEmergency());
        excluded.addAll(rows.volunteersOffered(ticket.id));
        List<Choice> next = volunteers.nearest(rule, directory.chain(ticket.place), excluded, now, 1, false, null);
        if (next.isEmpty()) {
            timeline.record(ticket.id, TimelineKind.NOTE, Dispatcher.ACTOR, null,
                    SystemReason.ASSURANCE_NO_REPLACEMENT.text(time(row.get().windowEndsAt())));
            return;
        }
        Choice c = next.get(0);
        dispatcher.offerEmergency(ticket, new Choice(null, c.volunteer(),
                SystemReason.CALL_ASSURANCE_REPLACING.text(c.reason()), null, c.known()), now,
                offerEnds(now, row.get().windowEndsAt()),
                null);
        LOG.infof("emergency %s: a declined or expired offer replaced by volunteer %s", ticket.reference,
                c.partyCode());
    }

    /** The community's staff: the nearest partner of the configured type serving the ticket's place. */
    private Optional<Choice> staff(CatalogRule rule, List<PlaceNode> chain) {
        Optional<String> type = config.assurance().staffPartyType().map(String::strip).filter(t -> !t.isEmpty());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        return partners.nearestServing(List.of(type.get()), rule.code(), chain.stream().map(PlaceNode::id).toList(),
                Set.of()).map(
                        found -> Choice.partner(
                                partners.getEntityManager().getReference(PartnerEntity.class, found.partnerId()),
                                Choice.Party.of(found),
                                chain.get(0).type() + " " + chain.get(0).code() + " → " + type.get() + " "
                                        + found.code()
                                        + ": call assurance, offered at once with the nearest volunteers"));
    }

    /**
     * Before an accept of this assignment: locks the emergency of its ticket, if it is one (before the assignment, so
     * two accepts at once queue here and cannot deadlock).
     */
    Optional<EmergencyRows.Row> lockFor(long assignmentId) {
        return rows.lockForAssignment(assignmentId);
    }

    /**
     * For an accept of an offer that is no longer open.
     *
     * @throws AlreadyTakenException when someone else took the emergency or it went to the operators
     */
    void checkOpen(EmergencyRows.Row emergency) {
        State state = State.valueOf(emergency.state());
        if (state == State.TAKEN) {
            throw new AlreadyTakenException(emergency.reference(), false, "emergency " + emergency.reference()
                    + " was already taken by " + emergency.takenBy() + " at " + time(emergency.takenAt())
                    + "; your offer was withdrawn, no need to go");
        }
        if (state == State.ESCALATED) {
            throw new AlreadyTakenException(emergency.reference(), true, "nobody accepted emergency "
                    + emergency.reference() + " in time; the operators took it over at "
                    + time(emergency.escalatedAt()) + " and your offer was withdrawn");
        }
    }

    /** The assignment's holder accepted first: the emergency is theirs, every other offer is withdrawn. */
    void accepted(EmergencyRows.Row emergency, AssignmentEntity winner) {
        if (State.valueOf(emergency.state()) == State.OFFERED) {
            take(emergency, winner, winner.assigneeCode(), time.now());
        }
    }

    private void take(EmergencyRows.Row emergency, AssignmentEntity winner, String by, Instant now) {
        rows.taken(emergency.reference(), by, now);
        for (AssignmentEntity a : assignments.forTicket(emergency.ticketId())) {
            if (a != winner && a.state == AssignmentState.OFFERED) {
                dispatcher.withdraw(a, AssignmentState.CANCELLED, TimelineKind.WITHDRAWN, Dispatcher.ACTOR,
                        "emergency taken by " + by + " at " + time(now) + ": the offer to " + a.assigneeCode()
                                + " is withdrawn");
            }
        }
        calls.withdraw(CONTACT_CALL, emergency.reference());
        LOG.infof("emergency %s taken by %s", emergency.reference(), by);
    }

    /**
     * Emergencies nobody accepted within their window: the offers expire, the contacts' calls not yet placed are
     * withdrawn, and the ticket goes to the top of the operators' queue (triage) with an alert.
     *
     * @return how many went to the operators
     */
    @Transactional
    public int escalateDue() {
        Instant now = time.now();
        List<EmergencyRows.Row> due = rows.lockDue(now, BATCH);
        Duration window = config.assurance().acceptWindow();
        for (EmergencyRows.Row e : due) {
            TicketEntity ticket = tickets.findById(e.ticketId());
            for (AssignmentEntity a : assignments.forTicket(e.ticketId())) {
                if (a.state == AssignmentState.OFFERED) {
                    dispatcher.withdraw(a, AssignmentState.EXPIRED, TimelineKind.EXPIRED, Dispatcher.ACTOR,
                            SystemReason.EMERGENCY_OFFER_NOT_ACCEPTED.text(a.assigneeCode(), window));
                }
            }
            calls.withdraw(CONTACT_CALL, e.reference());
            rows.escalated(e.reference(), now);
            dispatcher.escalate(ticket, SystemReason.ASSURANCE_NOBODY_ACCEPTED.text(window));
            LOG.warnf("emergency %s: nobody accepted within %s, sent to the operators", e.reference(), window);
        }
        return due.size();
    }

    private String time(Instant at) {
        return at == null ? "?" : HH_MM.withZone(time.zone()).format(at);
    }
}
