package org.hotlinehub.casework;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.PhoneNumbers;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TicketView;
import org.hotlinehub.model.TimelineItem;
import org.hotlinehub.model.port.TicketLookup;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TicketHandlers;
import org.hotlinehub.store.TicketRepository;
import org.hotlinehub.store.TimelineRepository;

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
                .map(this::view);
    }

    @Override
    @Transactional
    public Optional<TicketView> findForFollower(String reference, String openid) {
        if (reference == null || openid == null) {
            return Optional.empty();
        }
        return tickets.findByReferenceOrAlias(reference.strip())
                .filter(t -> t.resident != null && openid.equals(t.resident.wechatOpenid)).map(this::view);
    }

    @Override
    @Transactional
    public List<TicketView> openForFollower(String openid, int limit) {
        return tickets.find("resident.wechatOpenid = ?1 and status not in ?2 order by createdAt desc, id desc", openid,
                List.of(TicketStatus.CLOSED, TicketStatus.CANCELLED, TicketStatus.MERGED)).range(0, limit - 1)
                .list().stream().map(this::view).toList();
    }

    /** What the resident sees: the entries of the timeline that are public to them, and who handles the ticket. */
    private TicketView view(TicketEntity t) {
        return new TicketView(t.reference, t.status, t.category == null ? null : t.category.nameZh,
                t.category == null ? null : t.category.nameEn, t.place == null ? null : t.place.nameZh,
                t.place == null ? null : t.place.nameEn, t.createdAt,
                timeline.forTicket(t.id).stream().filter(e -> e.kind.publicToResident())
                        .map(e -> new TimelineItem(e.at, e.kind, null, e.channel, null)).toList(),
                TicketHandlers.of(assignments.forTicket(t.id)));
    }

    private static boolean samePhone(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
