package org.hotlinehub.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.PlaceType;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.port.IntakeGroups;
import org.hotlinehub.store.IncidentRows;
import org.hotlinehub.store.ReferenceLookup;
import org.hotlinehub.store.ReferenceLookup.Spot;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TicketRepository;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Decides, for the new tickets of an intake batch and before anything dispatches them, which ones report an open
 * incident again. Each new ticket with a place and a category that many residents may report as one problem (catalog
 * {@code incidents: true}: a broken lift, a burst main; never a household's own need, which every resident who has
 * it must get) is compared with the open tickets of the same area ({@code hub.incident.place-level}) in a related
 * category (the same catalog group, also marked) filed within {@code hub.incident.window}, and with the reports
 * already merged into them, which count for their incident: residents describe one burst main in many ways, and
 * once one way has joined the incident (confidently, or by an operator's link) the next report put that way does too.
 * These reports of an area are read once per batch, by one query of the partial index of open and merged tickets
 * that returns ids only; the hub keeps their descriptions' trigrams and scores them itself
 * ({@link Trigrams}, pg_trgm's similarity), so a burst that keeps thousands of tickets open in one grid costs one
 * index read per batch, not one {@code similarity()} per ticket and report:
 *
 * <pre>
 * score = 0.6 × text similarity (trigrams) + 0.2 × place (1 the same place, 0.5 the same area)
 *                                          + 0.2 × category (1 the same, 0.5 the same group)
 * </pre>
 *
 * From {@code hub.incident.link-at} the ticket joins the incident at once; from {@code hub.incident.suggest-at} it
 * waits in triage as a likely duplicate; below, it stands alone. The batch's tickets are decided in the order of
 * their ids, so the first report of a burst is the incident and later ones in the same batch join it. Two batches
 * about the same area and group whose reports stay on their own take the same advisory lock and decide again under
 * it, so they never make two incidents of one; a batch that only joins incidents committed before takes none. The
 * edge sends a contact with the key of that lock as its message group ({@link #groupOf}), so the broker gives one
 * area's contacts to one consumer and two batches seldom wait for each other there.
 */
@ApplicationScoped
public class IncidentDetection implements IntakeGroups {

    private static final Logger LOG = Logger.getLogger(IncidentDetection.class);
    public static final String ACTOR = "hub:incident";
    static final double TEXT = 0.6;
    static final double PLACE = 0.2;
    static final double CATEGORY = 0.2;
    /** What a related place (the same area) or category (the same group) counts of the same one. */
    static final double RELATED = 0.5;

    /**
     * The trigrams of the descriptions read so far, by ticket id: the next batch of the same area reads only ids
     * (tickets are immutable but for follow-ups appended to the description, seen by its length).
     */
    private final Cache<Long, Seen> seen = Caffeine.newBuilder().maximumSize(50_000).build();

    @Inject
    HubConfig config;
    @Inject
    IncidentRows rows;
    @Inject
    ReferenceLookup places;
    @Inject
    TicketRepository tickets;
    @Inject
    IncidentLinks links;

    /** What became of a new ticket. */
    public enum Verdict {
        ALONE,
        LINKED,
        SUGGESTED
    }

    /** A new ticket of the batch: its id, description, place and category (null when intake found none). */
    public record NewTicket(long id, String text, Long placeId, Long categoryId) {
    }

    /**
     * Decides for the batch's new tickets (in the caller's transaction, after they are written).
     *
     * @return the verdict per ticket id, for those that are not alone
     */
    public Map<Long, Verdict> detect(List<NewTicket> batch, Instant now) {
        if (!config.incident().enabled()) {
            return Map.of();
        }
        List<Probe> probes = new ArrayList<>(batch.size());
        for (NewTicket t : batch) {
            if (t.placeId() == null || t.categoryId() == null) {
                continue;
            }
            Long[] categories = compared(t.categoryId());
            if (categories.length == 0) {
                continue;
            }
            places.place(t.placeId()).ifPresent(place -> {
                Spot area = area(place);
                probes.add(new Probe(t, place, area, places.placesWithin(area), categories, Trigrams.of(t.text())));
            });
        }
        if (probes.isEmpty()) {
            return Map.of();
        }
        probes.sort(Comparator.comparingLong(p -> p.ticket().id()));
        Instant since = now.minus(config.incident().window());
        // none of the batch's tickets is a candidate until it is decided (and only if it stays on its own)
        Long[] batchIds = probes.stream().map(p -> p.ticket().id()).toArray(Long[]::new);
        // Joining an incident another batch has committed needs no lock: two batches may both add reporters. A report
        // that stays on its own may be the first of an incident, and another batch must not make a second one of the
        // same at the same time: its area's lock is taken, and the batch decided again under it, seeing every incident
        // committed before. In a burst most batches only join, so they no longer wait for each other.
        Set<Integer> locked = new HashSet<>();
        Decided d = decide(probes, since, batchIds);
        while (!locked.containsAll(d.needLocks())) {
            int[] keys = d.needLocks().stream().filter(k -> !locked.contains(k)).mapToInt(Integer::intValue).sorted()
                    .toArray();
            rows.lockAreas(keys);
            Arrays.stream(keys).forEach(locked::add);
            d = decide(probes, since, batchIds);
        }
        apply(d.made());
        tickets.getEntityManager().flush();
        LOG.debugf("incident detection: %d of %d new ticket(s) compared, %d linked or suggested, %d area lock(s)",
                probes.size(), batch.size(), d.verdicts().size(), locked.size());
        return d.verdicts();
    }

    /** The batch's decisions, and the area locks they need (the areas of the reports that stay on their own). */
    private record Decided(List<Link> made, Map<Long, Verdict> verdicts, Set<Integer> needLocks) {
    }

    private Decided decide(List<Probe> probes, Instant since, Long[] batchIds) {
        Map<Long, Verdict> verdicts = new HashMap<>();
        Set<Integer> needLocks = new HashSet<>();
        Map<Pool.Key, Pool> pools = load(probes, since, batchIds);
        List<Link> made = new ArrayList<>();
        for (Probe p : probes) {
            Optional<Scored> best = pools.get(Pool.key(p)).best(p);
            Known self;
            if (best.isEmpty() || best.get().score() < config.incident().suggestAt()) {
                self = new Known(p.ticket().id(), p.place().id(), p.ticket().categoryId(), p.text());
                needLocks.add(lockKey(p));
            } else {
                Scored c = best.get();
                boolean confident = c.score() >= config.incident().linkAt();
                made.add(new Link(p.ticket().id(), c.id(), confident,
                        new IncidentLinks.Decision(c.score(), reason(c, p), ACTOR)));
                verdicts.put(p.ticket().id(), confident ? Verdict.LINKED : Verdict.SUGGESTED);
                if (!confident) {
                    continue; // in triage until an operator decides: nobody's incident yet
                }
                self = new Known(c.id(), p.place().id(), p.ticket().categoryId(), p.text());
            }
            // the batch's later tickets compare with this one too: on its own, or as a report of its incident
            pools.values().forEach(other -> other.offer(self));
        }
        return new Decided(made, verdicts, needLocks);
    }

    /** A decision of the batch: the report joins the incident, or (not confident) waits in triage beside it. */
    private record Link(long report, long incident, boolean confident, IncidentLinks.Decision decision) {
    }

    /**
     * Carries out the batch's decisions with the tickets read at once: the joining reports of all incidents together
     * (a burst's reports of one batch wait for their incidents' rows once, not once each), the suggestions together.
     */
    private void apply(List<Link> made) {
        if (made.isEmpty()) {
            return;
        }
        Set<Long> ids = new HashSet<>();
        made.forEach(l -> {
            ids.add(l.report());
            ids.add(l.incident());
        });
        Map<Long, TicketEntity> byId = new HashMap<>();
        tickets.list("id in ?1", ids).forEach(t -> byId.put(t.id, t));
        Map<TicketEntity, List<IncidentLinks.Joining>> joining = new LinkedHashMap<>();
        List<IncidentLinks.Suggestion> suggested = new ArrayList<>();
        for (Link l : made) {
            TicketEntity report = byId.get(l.report());
            TicketEntity incident = byId.get(l.incident());
            if (l.confident()) {
                joining.computeIfAbsent(incident, k -> new ArrayList<>())
                        .add(new IncidentLinks.Joining(report, l.decision()));
            } else {
                suggested.add(new IncidentLinks.Suggestion(report, incident, l.decision()));
            }
        }
        links.suggestAll(suggested);
        links.joinAll(joining);
    }

    /**
     * The pools of the probes' areas and category groups, with one read for them all: the open tickets and the
     * reports merged into them of every area and group the batch touches (ids from the index, the few a pool does
     * not ask for left aside), their trigrams from {@link #seen} when the description still has the length it had
     * when read, else from one read of the missing descriptions.
     */
    private Map<Pool.Key, Pool> load(List<Probe> probes, Instant since, Long[] batchIds) {
        Map<Pool.Key, Pool> pools = new LinkedHashMap<>();
        Set<Long> places = new HashSet<>();
        Set<Long> categories = new HashSet<>();
        for (Probe p : probes) {
            pools.computeIfAbsent(Pool.key(p), k -> new Pool(p.areaPlaces(), p.categories(), new ArrayList<>()));
            places.addAll(Arrays.asList(p.areaPlaces()));
            categories.addAll(Arrays.asList(p.categories()));
        }
        List<IncidentRows.Candidate> open = rows.candidates(places.toArray(Long[]::new),
                categories.toArray(Long[]::new), since, batchIds, Math.max(0, config.incident().reportsCompared()));
        Map<Long, Seen> known = new HashMap<>(open.size() * 2);
        List<Long> missing = new ArrayList<>();
        for (IncidentRows.Candidate c : open) {
            Seen s = seen.getIfPresent(c.id());
            if (s != null && s.length() == c.length()) {
                known.put(c.id(), s);
            } else {
                missing.add(c.id());
            }
        }
        if (!missing.isEmpty()) {
            rows.texts(missing.toArray(Long[]::new)).forEach((id, text) -> {
                Seen s = new Seen(text.codePointCount(0, text.length()), Trigrams.of(text));
                seen.put(id, s);
                known.put(id, s);
            });
        }
        for (IncidentRows.Candidate c : open) {
            Seen s = known.get(c.id());
            if (s != null) {
                Known k = new Known(c.countsFor(), c.placeId(), c.categoryId(), s.trigrams());
                pools.values().forEach(pool -> pool.offer(k));
            }
        }
        return pools;
    }

    private record Probe(NewTicket ticket, Spot place, Spot area, Long[] areaPlaces, Long[] categories,
            Trigrams text) {
    }

    /** A description's trigrams as read, with its length then (a follow-up appends to a description). */
    private record Seen(int length, Trigrams trigrams) {
    }

    /**
     * A report a new one is compared with: an open ticket or a report merged into one; {@code id} is the open ticket
     * it counts for.
     */
    private record Known(long id, long placeId, long categoryId, Trigrams text) {
    }

    /** How the best open ticket scored against a new one. */
    private record Scored(long id, double text, boolean samePlace, boolean sameCategory, double score) {
    }

    /** The open tickets of one area and category group: the places and categories they are read by, and the tickets. */
    private record Pool(Long[] places, Long[] categories, List<Known> members) {

        record Key(long area, List<Long> categories) {
        }

        static Key key(Probe p) {
            return new Key(p.area().id(), List.of(p.categories()));
        }

        /** Takes in a decided ticket of the batch, when it lies in this pool's places and categories. */
        void offer(Known k) {
            if (Arrays.binarySearch(places, k.placeId()) >= 0 && Arrays.asList(categories).contains(k.categoryId())) {
                members.add(k);
            }
        }

        /**
         * The best score (the lowest id among equals, the oldest ticket being the incident):
         *
         * <pre>
         * score = 0.6 × text similarity + 0.2 × place (1 the same place, 0.5 the same area)
         *                               + 0.2 × category (1 the same, 0.5 the same group)
         * </pre>
         */
        Optional<Scored> best(Probe p) {
            Scored best = null;
            for (Known k : members) {
                double text = p.text().similarity(k.text());
                boolean samePlace = k.placeId() == p.place().id();
                boolean sameCategory = k.categoryId() == p.ticket().categoryId();
                double score = TEXT * text + PLACE * (samePlace ? 1 : RELATED)
                        + CATEGORY * (sameCategory ? 1 : RELATED);
                if (best == null || score > best.score() || score == best.score() && k.id() < best.id()) {
                    best = new Scored(k.id(), text, samePlace, sameCategory, score);
                }
            }
            return Optional.ofNullable(best);
        }
    }

    /**
     * The categories a ticket of this need is compared with (its catalog group's marked entries); none for a
     * household's own need (two residents who need the same help each get it) and for a resident's own call for help
     * (call assurance's category), which is never someone else's incident.
     */
    private Long[] compared(long categoryId) {
        boolean ownEmergency = places.activeTerm(config.voice().urgentCategory())
                .map(term -> term.id() == categoryId).orElse(false);
        return ownEmergency ? new Long[0] : places.incidentCategoryIds(categoryId);
    }

    /** The area "the same place" spans: the place's ancestor of the configured level, or the place itself. */
    Spot area(Spot place) {
        String level = config.incident().placeLevel();
        PlaceType type = PlaceType.fromCode(level).orElseThrow(() -> new IllegalStateException(
                "hub.incident.place-level '" + level + "' is not a place type (compound, grid, community)"));
        return places.ancestorOfType(place, type.code()).orElse(place);
    }

    /** One advisory lock per area and category group (the group named by its first entry's id). */
    private int lockKey(Probe p) {
        return lockKey(p.area().id(), p.categories());
    }

    private static int lockKey(long area, Long[] categories) {
        return Objects.hash(area, categories[0]);
    }

    /**
     * The group of a contact whose sender named a place and a need that detection compares: its area and category
     * group, the key of the lock a batch takes for them. The place intake settles on may be finer (a building of the
     * compound named), never in another area.
     */
    @Override
    public Optional<String> groupOf(InboundContact contact) {
        if (!config.incident().enabled() || contact.placeCode() == null || contact.categoryCode() == null) {
            return Optional.empty();
        }
        return places.activeTerm(contact.categoryCode()).map(term -> compared(term.id()))
                .filter(categories -> categories.length > 0)
                .flatMap(categories -> places.activePlace(contact.placeCode())
                        .map(place -> "incident-area-" + lockKey(area(place).id(), categories)));
    }

    private String reason(Scored c, Probe p) {
        String text = String.format(Locale.ROOT, "%.2f", c.text());
        String category = (c.sameCategory() ? SystemReason.SAME_CATEGORY : SystemReason.RELATED_CATEGORY).text();
        return c.samePlace()
                ? SystemReason.DETECTED_SAME_PLACE.text(text, p.place().code(), category)
                : SystemReason.DETECTED_SAME_AREA.text(text, p.area().type(), p.area().code(), category);
    }
}
