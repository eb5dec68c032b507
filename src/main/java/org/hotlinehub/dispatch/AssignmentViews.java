package org.hotlinehub.dispatch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.AssignmentView;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.PlaceType;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.EvidenceQueries;
import org.hotlinehub.store.ReferenceLookup;
import org.hotlinehub.store.ReferenceLookup.Spot;
import org.hotlinehub.store.TicketEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Maps an assignment to what its partner sees (webhook body and partner API), with links for the next actions. */
@ApplicationScoped
public class AssignmentViews {

    @Inject
    ReferenceLookup places;
    @Inject
    HubConfig config;
    @Inject
    EvidenceQueries evidence;
    @Inject
    ObjectMapper json;

    public AssignmentView of(AssignmentEntity a) {
        TicketEntity t = a.ticket;
        return new AssignmentView(a.id, a.state, a.role, a.offeredAt, a.acceptBy, a.resolveBy, a.reason,
                new AssignmentView.TicketSummary(t.reference,
                        t.category == null ? null : t.category.code,
                        t.category == null ? null : t.category.nameZh,
                        t.priority, t.description, location(t),
                        new AssignmentView.Resident(t.resident == null ? null : t.resident.name,
                                t.resident == null ? null : Masks.phone(t.resident.phone)),
                        t.reporterCount),
                links(a.id), a.pausedAt, a.overdueAt, a.state.inHand() ? details(a, t) : null);
    }

    /** What the holder of accepted work is given (docs/contract.md, "Partner webhook"): one read of the photos. */
    private AssignmentView.Details details(AssignmentEntity a, TicketEntity t) {
        String address = t.address != null && !t.address.isBlank()
                ? t.address
                : t.resident == null ? null : t.resident.address;
        String files = base() + "/partner-api/v1/assignments/" + a.id + "/attachments/";
        List<AssignmentView.Photo> photos = evidence.storedPhotos(t.id).stream()
                .map(f -> new AssignmentView.Photo(f.id(), f.filename(), f.contentType(), f.sizeBytes(),
                        files + f.id(), files + f.id() + "?size=thumbnail"))
                .toList();
        return new AssignmentView.Details(address, t.answers(json), photos);
    }

    /** The ticket's place and the places above it, read from memory (the place's id needs no read of its row). */
    private AssignmentView.Location location(TicketEntity t) {
        Spot p = t.place == null ? null : places.place(t.place.id).orElse(null);
        if (p == null) {
            return new AssignmentView.Location(null, null, null, t.address, t.lat, t.lon);
        }
        String address = t.address != null && !t.address.isBlank() ? t.address : p.address();
        return new AssignmentView.Location(name(p, PlaceType.COMMUNITY), name(p, PlaceType.GRID),
                name(p, PlaceType.COMPOUND), address, t.lat != null ? t.lat : p.lat(),
                t.lon != null ? t.lon : p.lon());
    }

    private String name(Spot place, PlaceType type) {
        return places.ancestorOfType(place, type.code()).map(p -> p.code() + " " + p.nameZh()).orElse(null);
    }

    private Map<String, String> links(long id) {
        String base = base() + "/partner-api/v1/assignments/" + id;
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", base);
        links.put("accept", base + "/accept");
        links.put("decline", base + "/decline");
        return links;
    }

    private String base() {
        String configured = config.publicBaseUrl();
        int end = configured.length();
        while (end > 0 && configured.charAt(end - 1) == '/') {
            end--;
        }
        return configured.substring(0, end);
    }
}
