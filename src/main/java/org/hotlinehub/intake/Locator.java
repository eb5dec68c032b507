package org.hotlinehub.intake;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.PlaceType;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.store.ReferenceLookup;
import org.hotlinehub.store.ReferenceLookup.Spot;

/**
 * Finds where a request is: the place the sender picked; else a compound named in the address or text (its name, an
 * alias, or its street address, longest match first); else the nearest compound within {@link #NEAR_METRES} of the
 * coordinates sent; else the resident's registered home.
 */
@ApplicationScoped
public class Locator {

    /** A request this close to a compound's point is taken to be in it. */
    static final double NEAR_METRES = 500;

    @Inject
    ReferenceLookup places;

    public record Location(Spot place, String how) {
    }

    /** @param residentPlaceId the place the resident registered as home, or null */
    public Optional<Location> locate(InboundContact contact, Long residentPlaceId) {
        if (contact.placeCode() != null && !contact.placeCode().isBlank()) {
            Optional<Spot> chosen = places.activePlace(contact.placeCode());
            if (chosen.isPresent()) {
                return Optional.of(new Location(chosen.get(), SystemReason.PLACE_BY_SENDER.text()));
            }
        }
        String text = Stream.of(contact.address(), contact.text()).filter(s -> s != null && !s.isBlank())
                .reduce("", (a, b) -> a + " " + b);
        Optional<Location> named = byName(text);
        if (named.isPresent()) {
            return named;
        }
        Optional<Location> near = nearest(contact.lat(), contact.lon());
        if (near.isPresent()) {
            return near;
        }
        return Optional.ofNullable(residentPlaceId).flatMap(places::place)
                .map(home -> new Location(home, SystemReason.PLACE_BY_REGISTERED_ADDRESS.text()));
    }

    private Optional<Location> nearest(Double lat, Double lon) {
        if (lat == null || lon == null) {
            return Optional.empty();
        }
        record Near(Spot place, double metres) {
        }
        return places.activeOfType(PlaceType.COMPOUND.code()).stream().filter(p -> p.lat() != null && p.lon() != null)
                .map(p -> new Near(p, metres(lat, lon, p.lat(), p.lon()))).filter(n -> n.metres() <= NEAR_METRES)
                .min(Comparator.comparingDouble(Near::metres))
                .map(n -> new Location(n.place(), SystemReason.PLACE_BY_COORDINATES.text(Math.round(n.metres()))));
    }

    /** Great-circle distance (haversine); plenty for a few hundred metres. */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
    }

    private Optional<Location> byName(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        record Hit(Spot place, String name) {
        }
        return places.activeOfType(PlaceType.COMPOUND.code()).stream()
                .flatMap(p -> Stream.concat(Stream.of(p.nameZh(), p.nameEn(), p.address()), p.aliases().stream())
                        .filter(n -> n != null && n.length() >= 2 && text.contains(n)).map(n -> new Hit(p, n)))
                .max(Comparator.comparingInt(h -> h.name().length()))
                .map(h -> new Location(h.place(), SystemReason.PLACE_BY_ADDRESS.text(h.name())));
    }
}
