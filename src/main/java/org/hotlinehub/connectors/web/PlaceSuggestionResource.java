package org.hotlinehub.connectors.web;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.model.PlaceItem;
import org.hotlinehub.model.port.PlaceDirectory;

/** Compound suggestions for the report form's address field, as the resident types (name or street address). */
@Path("/report/places")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Resident web", description = "Helpers of the residents' report form")
public class PlaceSuggestionResource {

    static final int MAX = 8;

    @Inject
    PlaceDirectory places;

    public record PlaceSuggestionResponse(String code, String name, String nameEn, String address) {
    }

    @GET
    @Operation(summary = "Compounds whose name or address contains the text typed (at most 8)")
    public List<PlaceSuggestionResponse> suggest(@QueryParam("q") String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        String typed = q.strip().toLowerCase(Locale.ROOT);
        return places.compounds().stream().filter(p -> matches(p, typed))
                .sorted((a, b) -> Integer.compare(rank(a, typed), rank(b, typed))).limit(MAX)
                .map(p -> new PlaceSuggestionResponse(p.code(), p.nameZh(), p.nameEn(), p.address())).toList();
    }

    private static boolean matches(PlaceItem p, String typed) {
        return contains(p.nameZh(), typed) || contains(p.nameEn(), typed) || contains(p.address(), typed);
    }

    /** Names that start with the text first, then names that contain it, then addresses. */
    private static int rank(PlaceItem p, String typed) {
        if (starts(p.nameZh(), typed) || starts(p.nameEn(), typed)) {
            return 0;
        }
        return contains(p.nameZh(), typed) || contains(p.nameEn(), typed) ? 1 : 2;
    }

    private static boolean contains(String s, String typed) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(typed);
    }

    private static boolean starts(String s, String typed) {
        return s != null && s.toLowerCase(Locale.ROOT).startsWith(typed);
    }
}
