package org.hotlinehub.intake;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.PlaceType;
import org.hotlinehub.store.PlaceEntity;
import org.hotlinehub.store.PlaceRepository;
import org.hotlinehub.store.ResidentEntity;

/**
 * Finds where a request is: the place the sender picked; else a compound named in the address or text (its name, an
 * alias, or its street address, longest match first); else the resident's registered home.
 */
@ApplicationScoped
public class Locator {

    @Inject
    PlaceRepository places;

    public record Location(PlaceEntity place, String how) {
    }

    public Optional<Location> locate(InboundContact contact, ResidentEntity resident) {
        if (contact.placeCode() != null && !contact.placeCode().isBlank()) {
            Optional<PlaceEntity> chosen = places.findByCode(contact.placeCode()).filter(p -> p.active);
            if (chosen.isPresent()) {
                return Optional.of(new Location(chosen.get(), "chosen by the sender"));
            }
        }
        String text = Stream.of(contact.address(), contact.text()).filter(s -> s != null && !s.isBlank())
                .reduce("", (a, b) -> a + " " + b);
        Optional<Location> named = byName(text);
        if (named.isPresent()) {
            return named;
        }
        if (resident != null && resident.place != null) {
            return Optional.of(new Location(resident.place, "the resident's registered address"));
        }
        return Optional.empty();
    }

    private Optional<Location> byName(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        record Hit(PlaceEntity place, String name) {
        }
        return places.activeOfType(PlaceType.COMPOUND.code()).stream()
                .flatMap(p -> Stream.concat(Stream.of(p.nameZh, p.nameEn, p.address), p.aliases.stream())
                        .filter(n -> n != null && n.length() >= 2 && text.contains(n)).map(n -> new Hit(p, n)))
                .max(Comparator.comparingInt(h -> h.name().length()))
                .map(h -> new Location(h.place(), "address mentions \"" + h.name() + "\""));
    }
}
