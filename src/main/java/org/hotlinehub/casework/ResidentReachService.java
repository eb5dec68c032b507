package org.hotlinehub.casework;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.Staff;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.port.AuditTrail;
import org.hotlinehub.model.port.OperatorCalls;
import org.hotlinehub.model.port.ResidentReach;
import org.hotlinehub.store.ResidentEntity;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TicketRepository;
import org.hotlinehub.store.TimelineRepository;
import org.jboss.logging.Logger;

/**
 * Operators reach a ticket's resident or emergency contact through the hub (the operator's phone rings first, then the
 * person's, with the hotline as caller id), and the roles allowed to may reveal a number with a reason. Both are in the
 * audit log; calls are on the ticket's timeline as internal entries. The number itself goes to nobody but the voice
 * line, and, when revealed, to the one who asked.
 */
@ApplicationScoped
public class ResidentReachService implements ResidentReach {

    private static final Logger LOG = Logger.getLogger(ResidentReachService.class);

    @Inject
    TicketRepository tickets;
    @Inject
    TimelineRepository timeline;
    @Inject
    AuditTrail audit;
    @Inject
    OperatorCalls calls;
    @Inject
    HubConfig config;

    @Override
    @Transactional
    public String call(String reference, String target, Staff staff) {
        TicketEntity ticket = ticket(reference);
        String number = number(ticket, target);
        String operator = Optional.ofNullable(config.voice().operators().get(staff.name())).map(String::strip)
                .filter(s -> !s.isEmpty()).orElseThrow(() -> new IllegalArgumentException("no phone for operator '"
                        + staff.name() + "': set hub.voice.operators." + staff.name() + " (+8613… or client:<id>)"));
        String who = describe(target, number);
        String placed = calls.callOperatorThen(operator, ticket.reference, target, "en".equals(ticket.language));
        timeline.record(ticket.id, TimelineKind.NOTE, staff.actor(), null, RESIDENT.equals(target)
                ? SystemReason.RESIDENT_CALLED.text(Masks.phone(number), Masks.phone(operator))
                : SystemReason.CONTACT_CALLED.text(target.substring(CONTACT.length()), Masks.phone(number),
                        Masks.phone(operator)));
        audit.record(staff.name(), "ticket.call", CaseworkService.TARGET, ticket.reference, "called " + who
                + " through the hotline: " + placed, staff.client());
        LOG.infof("ticket %s: %s calls %s through the hotline (%s)", ticket.reference, staff.name(), who, placed);
        return Masks.phone(operator);
    }

    @Override
    @Transactional
    public String reveal(String reference, String target, String reason, Staff staff) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason is required to show a number");
        }
        TicketEntity ticket = ticket(reference);
        String number = number(ticket, target);
        audit.record(staff.name(), "ticket.show-number", CaseworkService.TARGET, ticket.reference,
                "showed " + describe(target, number) + "; reason: " + Masks.phonesIn(reason.strip()), staff.client());
        return number;
    }

    @Override
    @Transactional
    public String dialNumber(String reference, String target) {
        return number(ticket(reference), target);
    }

    private TicketEntity ticket(String reference) {
        return tickets.findByReferenceOrAlias(reference)
                .orElseThrow(() -> new NotFoundException("no ticket " + reference));
    }

    /** The target's number on the ticket. */
    private static String number(TicketEntity ticket, String target) {
        ResidentEntity resident = ticket.resident;
        if (RESIDENT.equals(target)) {
            if (resident == null || resident.phone == null) {
                throw new NotFoundException("ticket " + ticket.reference + " has no resident's phone");
            }
            return resident.phone;
        }
        int n = contactIndex(target);
        List<String> contacts = resident == null ? List.of() : resident.emergencyContacts;
        if (n > contacts.size()) {
            throw new NotFoundException("the resident of ticket " + ticket.reference + " has no emergency contact "
                    + n);
        }
        return contacts.get(n - 1);
    }

    private static int contactIndex(String target) {
        if (target != null && target.startsWith(CONTACT)) {
            try {
                int n = Integer.parseInt(target.substring(CONTACT.length()));
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // below
            }
        }
        throw new IllegalArgumentException("target must be 'resident' or 'contact-N' (N from 1), not '" + target
                + "'");
    }

    private static String describe(String target, String number) {
        return (RESIDENT.equals(target) ? "the resident" : "emergency contact " + target.substring(CONTACT.length()))
                + " " + Masks.phone(number);
    }
}
