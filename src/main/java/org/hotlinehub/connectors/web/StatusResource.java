package org.hotlinehub.connectors.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotlinehub.model.TicketView;
import org.hotlinehub.model.port.TicketLookup;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A resident looks up a ticket by reference and the phone it was filed with; a mismatch reveals nothing. */
@Path("/status")
public class StatusResource {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    TicketLookup tickets;
    @Inject
    ZoneId zone;

    public record Entry(String at, String label) {
    }

    /** Who handles the ticket, with the deadline in the hotline's time. */
    public record HandlerLine(TicketView.Handler handler, String dueBy) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance status(String reference, String phone, TicketView ticket, String statusLabel,
                String created, List<Entry> timeline, List<HandlerLine> handlers, boolean notFound, boolean english);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response status(@QueryParam("reference") String reference, @QueryParam("phone") String phone,
            @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        boolean english = Languages.english(lang, acceptLanguage);
        if (reference == null || reference.isBlank() || phone == null || phone.isBlank()) {
            return html(200, Templates.status(reference, phone, null, null, null, List.of(), List.of(), false, english),
                    english);
        }
        Optional<TicketView> found = tickets.findForResident(reference, phone);
        if (found.isEmpty()) {
            return html(404, Templates.status(reference, phone, null, null, null, List.of(), List.of(), true, english),
                    english);
        }
        TicketView t = found.get();
        DateTimeFormatter time = TIME.withZone(zone);
        List<Entry> timeline = t.timeline().stream()
                .map(e -> new Entry(time.format(e.at()), e.kind().label(english))).toList();
        return html(200, Templates.status(reference, phone, t, Languages.messages(english).ticketStatus(t.status()),
                time.format(t.createdAt()), timeline, t.handlers().stream()
                        .map(h -> new HandlerLine(h, h.dueBy() == null ? null : time.format(h.dueBy()))).toList(),
                false, english), english);
    }

    private static Response html(int status, TemplateInstance page, boolean english) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.setLocale(Languages.locale(english))).build();
    }
}
