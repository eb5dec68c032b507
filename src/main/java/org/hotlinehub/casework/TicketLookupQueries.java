package org.hotlinehub.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.PhoneNumbers;
import org.hotlinehub.model.TicketView;
import org.hotlinehub.model.TimelineItem;
import org.hotlinehub.model.port.TicketLookup;

@ApplicationScoped
public class TicketLookupQueries implements TicketLookup {

    @Inject
    TicketRepository tickets;
    @Inject
    TimelineRepository timeline;
    @Inject
    AssignmentRepository assignments;

    @Override
    @Transactional
    public Optional<TicketView> findForResident(String reference, String phone) {
        Optional<String> normalized = PhoneNumbers.normalize(phone);
        if (normalized.isEmpty() || reference == null) {
            return Optional.empty();
        }
        return tickets.findByReferenceOrAlias(reference.strip())
                .filter(t -> t.resident != null && t.resident.phone != null
                        && samePhone(t.resident.phone, normalized.get()))
                .map(t -> new TicketView(t.reference, t.status,
                        t.category == null ? null : t.category.nameZh,
                        t.category == null ? null : t.category.nameEn,
                        t.place == null ? null : t.place.nameZh,
                        t.place == null ? null : t.place.nameEn,
                        t.createdAt,
                        timeline.forTicket(t.id).stream().filter(e -> e.kind.publicToResident())
                                .map(e -> new TimelineItem(e.at, e.kind, null, e.channel, null)).toList(),
                        TicketHandlers.of(assignments.forTicket(t.id))));
    }

    private static boolean samePhone(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
