package org.hotlinehub.casework;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.Masks;
import org.hotlinehub.model.MergeCandidate;
import org.hotlinehub.model.MessageItem;
import org.hotlinehub.model.PartnerOption;
import org.hotlinehub.model.PhoneNumbers;
import org.hotlinehub.model.ResidentProfile;
import org.hotlinehub.model.TicketLinks;
import org.hotlinehub.model.TicketListItem;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.port.MessageHistory;
import org.hotlinehub.model.port.TicketContext;
import org.hotlinehub.store.IncidentRows;
import org.hotlinehub.store.PartnerEntity;
import org.hotlinehub.store.ResidentEntity;
import org.hotlinehub.store.ResidentRepository;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TicketRepository;

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
    @Inject
    IncidentRows incidents;
    @Inject
    Clock clock;

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
                tickets.list("mergedIntoId", Sort.by("id"), t.id).stream().map(d -> d.reference).toList(),
                t.splitFromId == null ? null : tickets.findById(t.splitFromId).reference,
                tickets.list("splitFromId", Sort.by("id"), t.id).stream().map(d -> d.reference).toList()))
                .orElse(new TicketLinks(null, List.of()));
    }

    @Override
    @Transactional
    public List<MergeCandidate> mergeCandidates(String reference, int limit) {
        Optional<TicketEntity> found = tickets.findByReferenceOrAlias(reference);
        if (found.isEmpty() || !found.get().status.isOpen() || limit <= 0) {
            return List.of();
        }
        TicketEntity t = found.get();
        Map<Long, MergeCandidate> candidates = new LinkedHashMap<>();
        incidents.linkOf(t.id).filter(l -> IncidentRows.SUGGESTED.equals(l.state()))
                .map(l -> tickets.findById(l.incidentId())).filter(TicketContextQueries::mergeable)
                .ifPresent(i -> candidates.put(i.id, candidate(i, MergeCandidate.SUGGESTED,
                        incidents.linkOf(t.id).map(IncidentRows.Link::score).orElse(null))));
        if (t.resident != null) {
            add(candidates, t, tickets.find("resident.id = ?1 and id <> ?2 and status not in ?3 order by id desc",
                    t.resident.id, t.id, CLOSED_FOR_MERGE).page(0, limit).list(), MergeCandidate.SAME_RESIDENT);
        }
        if (t.place != null && t.category != null) {
            add(candidates, t, tickets.find("place.id = ?1 and category.id = ?2 and id <> ?3 and status not in ?4"
                    + " and createdAt > ?5 order by id desc", t.place.id, t.category.id, t.id, CLOSED_FOR_MERGE,
                    clock.instant().minus(Duration.ofDays(RECENT_DAYS))).page(0, limit).list(),
                    MergeCandidate.SAME_PLACE);
        }
        return candidates.values().stream().limit(limit).toList();
    }

    /** A ticket is merged into an open one only, and not into one merged itself (IncidentService's rule). */
    private static final List<TicketStatus> CLOSED_FOR_MERGE = List.of(TicketStatus.CLOSED, TicketStatus.CANCELLED,
            TicketStatus.MERGED, TicketStatus.RESOLVED);
    /** How far back tickets of the same category and place are offered as the ones this may duplicate. */
    static final int RECENT_DAYS = 30;

    private static boolean mergeable(TicketEntity t) {
        return !CLOSED_FOR_MERGE.contains(t.status);
    }

    private static void add(Map<Long, MergeCandidate> candidates, TicketEntity self, List<TicketEntity> found,
            String why) {
        found.stream().filter(c -> !c.id.equals(self.id))
                .forEach(c -> candidates.putIfAbsent(c.id, candidate(c, why, null)));
    }

    private static MergeCandidate candidate(TicketEntity t, String why, Double score) {
        return new MergeCandidate(t.reference, why, score, t.status, t.description,
                t.category == null ? null : t.category.code, t.category == null ? null : t.category.nameZh,
                t.category == null ? null : t.category.nameEn, t.place == null ? null : t.place.code,
                t.place == null ? null : t.place.nameZh, t.place == null ? null : t.place.nameEn, t.createdAt);
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
