package org.hotlinehub.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.PlaceType;
import org.hotlinehub.model.TriageSuggestions;
import org.hotlinehub.model.TriageSuggestions.CategoryGuess;
import org.hotlinehub.model.TriageSuggestions.PlaceGuess;
import org.hotlinehub.model.port.CatalogDirectory;
import org.hotlinehub.model.port.PlaceDirectory;
import org.hotlinehub.model.port.TriageAdvice;
import org.hotlinehub.store.ReferenceLookup;
import org.hotlinehub.store.ReferenceLookup.Spot;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TicketRepository;

/** The triage form's suggestions, from the same classifier and locator intake uses. */
@ApplicationScoped
public class TriageAdvisor implements TriageAdvice {

    static final int CATEGORIES = 3;

    @Inject
    Classifier classifier;
    @Inject
    Locator locator;
    @Inject
    TicketRepository tickets;
    @Inject
    ReferenceLookup directory;
    @Inject
    CatalogDirectory catalog;
    @Inject
    PlaceDirectory places;

    @Override
    @Transactional
    public TriageSuggestions suggest(String reference) {
        Optional<TicketEntity> found = tickets.findByReference(reference);
        if (found.isEmpty()) {
            return TriageSuggestions.NONE;
        }
        TicketEntity t = found.get();
        List<CategoryGuess> categories = classifier.suggest(t.description, CATEGORIES).stream()
                .flatMap(g -> catalog.find(g.entry().code())
                        .map(item -> new CategoryGuess(item, (int) Math.round(g.confidence() * 100), g.evidence()))
                        .stream())
                .toList();
        Map<String, PlaceGuess> suggested = new LinkedHashMap<>();
        InboundContact asked = new InboundContact(t.channel, reference, reference, t.createdAt, null, null,
                t.description, t.language, null, null, t.address, t.lat, t.lon, List.of());
        locator.locate(asked, null).map(Locator.Location::place).ifPresent(p -> add(suggested, p, false));
        if (t.resident != null && t.resident.place != null) {
            directory.place(t.resident.place.id).ifPresent(p -> add(suggested, p, true));
        }
        return new TriageSuggestions(categories, List.copyOf(suggested.values()));
    }

    /** Adds the compound at or above the place (the form picks compounds), once. */
    private void add(Map<String, PlaceGuess> suggested, Spot place, boolean home) {
        directory.ancestorOfType(place, PlaceType.COMPOUND.code()).flatMap(c -> places.find(c.code()))
                .ifPresent(item -> suggested.putIfAbsent(item.code(), new PlaceGuess(item, home)));
    }
}
