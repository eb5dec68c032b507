package org.hotlinehub.store;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.Masks;
import org.hotlinehub.model.MessageItem;
import org.hotlinehub.model.PartnerOption;
import org.hotlinehub.model.PhoneNumbers;
import org.hotlinehub.model.ResidentProfile;
import org.hotlinehub.model.TicketLinks;
import org.hotlinehub.model.TicketListItem;
import org.hotlinehub.model.port.MessageHistory;
import org.hotlinehub.model.port.TicketContext;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TicketContextQueries implements TicketContext {

    /** How many of a resident's latest tickets the profile shows. */
    static final int HISTORY = 10;

    @Inject
    ResidentRepository residents;
    @Inject
    TicketRepository tickets;
    @Inject
    Instance<MessageHistory> histories;

    @Override
    @Transactional
    public Optional<ResidentProfile> residentByPhone(String phone) {
        return PhoneNumbers.normalize(phone).flatMap(residents::findByPhone).map(this::profile);
    }

    @Override
    @Transactional
    public Optional<ResidentProfile> residentOf(String reference) {
        return tickets.findByReferenceOrAlias(reference).map(t -> t.resident).map(this::profile);
    }

    @Override
    @Transactional
    public List<MessageItem> messages(String reference) {
        String canonical = tickets.findByReferenceOrAlias(reference).map(t -> t.reference).orElse(reference);
        return histories.stream().flatMap(h -> h.forTicket(canonical).stream())
                .sorted(Comparator.comparing(MessageItem::at)).toList();
    }

    @Override
    @Transactional
    public TicketLinks links(String reference) {
        return tickets.findByReferenceOrAlias(reference).map(t -> new TicketLinks(
                t.mergedIntoId == null ? null : tickets.findById(t.mergedIntoId).reference,
                tickets.list("mergedIntoId", Sort.by("id"), t.id).stream().map(d -> d.reference).toList()))
                .orElse(new TicketLinks(null, List.of()));
    }

    @Override
    @Transactional
    public List<PartnerOption> partners() {
        return PartnerEntity.<PartnerEntity>list("active = true order by code").stream()
                .map(p -> new PartnerOption(p.code, p.type, p.nameZh, p.nameEn)).toList();
    }

    private ResidentProfile profile(ResidentEntity r) {
        List<TicketListItem> latest = tickets.find("resident.id = ?1 order by id desc", r.id).page(0, HISTORY).list()
                .stream()
                .map(t -> new TicketListItem(t.id, t.reference, t.status, t.channel, t.priority,
                        t.category == null ? null : t.category.code, t.category == null ? null : t.category.nameZh,
                        t.place == null ? null : t.place.code, t.place == null ? null : t.place.nameZh, null,
                        t.description, t.createdAt, t.updatedAt))
                .toList();
        return new ResidentProfile(Masks.phone(r.phone), r.name, r.address, r.place == null ? null : r.place.code,
                r.place == null ? null : r.place.nameZh, r.flags, r.language,
                r.emergencyContacts.stream().map(Masks::phone).toList(), r.registered, r.wechatOpenid != null,
                latest);
    }
}
