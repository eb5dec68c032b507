package org.hotlinehub.connectors.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.ImportProblem;
import org.hotlinehub.model.ReferenceRow;
import org.hotlinehub.model.port.ReferenceAdmin.Kind;
import org.hotlinehub.model.port.ReferenceEditor;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Reference-data screens: a searchable, paged list per kind, and a form per entry whose problems come from the same
 * validator as the YAML/CSV import, shown beside the field they concern.
 */
@Path("/console/admin")
@RolesAllowed(Caller.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminReferenceResource {

    static final String KINDS = "places|catalog|partners|volunteers|residents";
    private static final int PAGE = 50;

    @Inject
    StaffRequest staff;
    @Inject
    ReferenceEditor editor;

    /** One input of an entry's form. */
    public record FormField(String name, String label, String value, String error, boolean list, boolean secret,
            boolean fixed) {
    }

    /** @param key null for a new entry */
    public record EntryForm(String kind, String kindLabel, String key, String title, List<FormField> fields,
            List<String> problems, boolean active) {

        public boolean hasErrors() {
            return !problems.isEmpty() || fields.stream().anyMatch(f -> f.error() != null);
        }
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance index(ConsolePage page);

        static native TemplateInstance list(ConsolePage page, String kind, String kindLabel, String q,
                List<ReferenceRow> rows, int offset, boolean more, String previousLink, String nextLink,
                String deactivated);

        static native TemplateInstance entry(ConsolePage page, EntryForm form, boolean saved);
    }

    @GET
    @Operation(summary = "Administration home (console page)")
    public Response index() {
        ConsolePage page = staff.page("/console/admin");
        return staff.html(page, Templates.index(page));
    }

    @GET
    @Path("{kind: " + KINDS + "}")
    @Operation(summary = "Reference data of one kind: search and paging (console page)")
    public Response list(@PathParam("kind") String kind, @QueryParam("q") String q,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("deactivated") String deactivated) {
        ConsolePage page = staff.page("/console/admin/" + kind);
        int from = Math.max(0, offset);
        List<ReferenceRow> found = editor.list(kind(kind), q, from, PAGE + 1);
        String query = q == null ? "" : "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&";
        return staff.html(page, Templates.list(page, kind, kindLabel(kind, page.english()), q == null ? "" : q,
                found.stream().limit(PAGE).toList(), from, found.size() > PAGE,
                "?" + query + "offset=" + Math.max(0, from - PAGE), "?" + query + "offset=" + (from + PAGE),
                deactivated));
    }

    @GET
    @Path("{kind: " + KINDS + "}/new")
    @Operation(summary = "Form for a new reference-data entry (console page)")
    public Response blank(@PathParam("kind") String kind) {
        ConsolePage page = staff.page("/console/admin/" + kind);
        return staff.html(page, Templates.entry(page, form(page, kind, null, Map.of(), List.of(), true), false));
    }

    @POST
    @Path("{kind: " + KINDS + "}/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Create a reference-data entry (recorded in the audit log)")
    public Response create(@PathParam("kind") String kind, MultivaluedMap<String, String> submitted) {
        return save(kind, null, submitted);
    }

    @GET
    @Path("{kind: " + KINDS + "}/{key}")
    @Operation(summary = "Form of one reference-data entry (console page)")
    public Response edit(@PathParam("kind") String kind, @PathParam("key") String key,
            @QueryParam("saved") boolean saved) {
        ConsolePage page = staff.page("/console/admin/" + kind);
        Map<String, String> values = editor.values(kind(kind), key).orElseThrow(NotFoundException::new);
        boolean active = editor.find(kind(kind), key).map(ReferenceRow::active).orElse(true);
        return staff.html(page, Templates.entry(page, form(page, kind, key, values, List.of(), active), saved));
    }

    @POST
    @Path("{kind: " + KINDS + "}/{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Change a reference-data entry (recorded in the audit log)")
    public Response update(@PathParam("kind") String kind, @PathParam("key") String key,
            MultivaluedMap<String, String> submitted) {
        if (editor.values(kind(kind), key).isEmpty()) {
            throw new NotFoundException();
        }
        return save(kind, key, submitted);
    }

    @POST
    @Path("{kind: " + KINDS + "}/{key}/deactivate")
    @Operation(summary = "Deactivate a reference-data entry (recorded in the audit log)")
    public Response deactivate(@PathParam("kind") String kind, @PathParam("key") String key) {
        try {
            editor.deactivate(kind(kind), key, staff.actor(), staff.client());
        } catch (org.hotlinehub.model.NotFoundException e) {
            throw new NotFoundException();
        }
        return StaffRequest.seeOther("/console/admin/" + kind + "?deactivated="
                + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    private Response save(String kind, String key, MultivaluedMap<String, String> submitted) {
        Map<String, String> values = new LinkedHashMap<>();
        editor.fields(kind(kind)).forEach(f -> values.put(f, submitted.getFirst(f)));
        ReferenceEditor.Saved saved = editor.save(kind(kind), key, values, staff.actor(), staff.client());
        if (saved.ok()) {
            return StaffRequest.seeOther("/console/admin/" + kind + "/"
                    + URLEncoder.encode(saved.key(), StandardCharsets.UTF_8).replace("+", "%20") + "?saved=true");
        }
        ConsolePage page = staff.page("/console/admin/" + kind);
        return staff.html(page, Templates.entry(page, form(page, kind, key, values, saved.problems(), true), false),
                422);
    }

    private EntryForm form(ConsolePage page, String kind, String key, Map<String, String> values,
            List<String> problems, boolean active) {
        Kind k = kind(kind);
        List<String> fields = editor.fields(k);
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (String problem : problems) {
            ImportProblem p = ImportProblem.parse(problem);
            String field = FieldLabels.formField(p.field());
            if (fields.contains(field) && !errors.containsKey(field)) {
                errors.put(field, p.problem());
            } else {
                general.add(p.problem());
            }
        }
        String idField = k == Kind.RESIDENTS ? "phone" : "code";
        List<FormField> form = fields.stream().map(f -> new FormField(f, FieldLabels.label(f, page.english()),
                values.getOrDefault(f, "") == null ? "" : values.getOrDefault(f, ""), errors.get(f),
                FieldLabels.LISTS.contains(f), f.equals("secret"), key != null && f.equals(idField))).toList();
        String label = kindLabel(kind, page.english());
        String title = key == null
                ? ConsolePage.bundle(AdminMessages.class, page.english()).newEntry(label)
                : label + " · " + (k == Kind.RESIDENTS ? org.hotlinehub.model.Masks.phone(values.get("phone")) : key);
        return new EntryForm(kind, label, key, title, form, general, active);
    }

    static Kind kind(String kind) {
        return Kind.valueOf(kind.toUpperCase(Locale.ROOT));
    }

    static String kindLabel(String kind, boolean english) {
        AdminMessages words = ConsolePage.bundle(AdminMessages.class, english);
        return switch (kind(kind)) {
            case PLACES -> words.places();
            case CATALOG -> words.catalog();
            case PARTNERS -> words.partners();
            case VOLUNTEERS -> words.volunteers();
            case RESIDENTS -> words.residents();
        };
    }
}
