package org.hotlinehub.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.PlaceType;
import org.hotlinehub.store.IncidentRows;
import org.hotlinehub.store.IncidentRows.Candidate;
import org.hotlinehub.store.ReferenceLookup;
import org.hotlinehub.store.ReferenceLookup.Spot;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TicketRepository;
import org.jboss.logging.Logger;

/**
 * Decides, for the new tickets of an intake batch and before anything dispatches them, which ones report an open
 * incident again. Each new ticket with a place and a category that many residents may report as one problem (catalog
 * {@code incidents: true}: a broken lift, a burst main; never a household's own need, which every resident who has
 * it must get) is compared with the open tickets of the same area ({@code hub.incident.place-level}) in a related
 * category (the same catalog group, also marked) filed within
 * {@code hub.incident.window}, by one indexed query that scores them in the database:
 *
 * <pre>
 * score = 0.6 × text similarity (pg_trgm) + 0.2 × place (1 the same place, 0.5 the same area)
 *                                        + 0.2 × category (1 the same, 0.5 the same group)
 * </pre>
 *
 * From {@code hub.incident.link-at} the ticket joins the incident at once; from {@code hub.incident.suggest-at} it
 * waits in triage as a likely duplicate; below, it stands alone. The batch's tickets are decided in the order of
 * their ids, so the first report of a burst is the incident and later ones in the same batch join it. Two batches
 * about the same area and group take the same advisory lock first, so they never make two incidents of one.
 */
@ApplicationScoped
public class IncidentDetection {

    private static final Logger LOG = Logger.getLogger(IncidentDetection.class);
    public static final String ACTOR = "hub:incident";
    static final IncidentRows.Weights WEIGHTS = new IncidentRows.Weights(0.6, 0.2, 0.2, 0.5);

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
        // a resident's own call for help (call assurance's category) is never someone else's incident
        Long ownEmergency = places.activeTerm(config.voice().urgentCategory()).map(ReferenceLookup.Term::id)
                .orElse(null);
        for (NewTicket t : batch) {
            if (t.placeId() == null || t.categoryId() == null || t.categoryId().equals(ownEmergency)) {
                continue;
            }
            Long[] categories = places.incidentCategoryIds(t.categoryId());
            if (categories.length == 0) {
                continue; // a household's own need: two residents who need the same help each get it
            }
            places.place(t.placeId()).ifPresent(place -> probes.add(new Probe(t, place, area(place), categories)));
        }
        if (probes.isEmpty()) {
            return Map.of();
        }
        probes.sort(Comparator.comparingLong(p -> p.ticket().id()));
        rows.lockAreas(probes.stream().mapToInt(this::lockKey).sorted().distinct().toArray());
        Map<Long, Verdict> verdicts = new HashMap<>();
        Instant since = now.minus(config.incident().window());
        for (int i = 0; i < probes.size(); i++) {
            Probe p = probes.get(i);
            // the batch's later tickets are not yet decided: none of them can be the incident of an earlier one
            Long[] later = probes.subList(i + 1, probes.size()).stream().map(q -> q.ticket().id())
                    .toArray(Long[]::new);
            tickets.getEntityManager().flush(); // the query reads with JDBC: it must see the links made before it
            Optional<Candidate> best = rows.best(new IncidentRows.Probe(p.ticket().id(), p.ticket().text(),
                    p.place().id(), p.ticket().categoryId(), places.placesWithin(p.area()),
                    p.categories(), since, later), WEIGHTS);
            if (best.isEmpty() || best.get().score() < config.incident().suggestAt()) {
                continue;
            }
            Candidate c = best.get();
            TicketEntity report = tickets.findById(p.ticket().id());
            TicketEntity incident = tickets.findById(c.id());
            IncidentLinks.Decision decision = new IncidentLinks.Decision(c.score(), reason(c, p), ACTOR);
            if (c.score() >= config.incident().linkAt()) {
                links.join(report, incident, decision);
                verdicts.put(report.id, Verdict.LINKED);
            } else {
                links.suggest(report, incident, decision);
                verdicts.put(report.id, Verdict.SUGGESTED);
            }
        }
        tickets.getEntityManager().flush();
        LOG.debugf("incident detection: %d of %d new ticket(s) compared, %d linked or suggested", probes.size(),
                batch.size(), verdicts.size());
        return verdicts;
    }

    private record Probe(NewTicket ticket, Spot place, Spot area, Long[] categories) {
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
        long group = p.categories()[0];
        return Objects.hash(p.area().id(), group);
    }

    private String reason(Candidate c, Probe p) {
        return String.format(Locale.ROOT, "text %.2f, %s, %s", c.text(),
                c.samePlace() ? "same place " + p.place().code() : "same " + p.area().type() + " " + p.area().code(),
                c.sameCategory() ? "same category" : "related category");
    }
}
