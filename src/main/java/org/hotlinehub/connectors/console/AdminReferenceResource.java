package org.hotlinehub.connectors.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
import org.hotlinehub.model.CatalogDraft;
import org.hotlinehub.model.DraftRejectedException;
import org.hotlinehub.model.ImportProblem;
import org.hotlinehub.model.PartnerType;
import org.hotlinehub.model.ReferenceRow;
import org.hotlinehub.model.Strings;
import org.hotlinehub.model.port.CatalogVersions;
import org.hotlinehub.model.port.PlaceDirectory;
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
    /** The kinds whose dispatch fields an entry's form puts into the catalog draft, by the draft's name for them. */
    private static final Map<String, String> DRAFTED = Map.of("catalog", CatalogVersions.CATALOG, "partners",
            CatalogVersions.PARTNERS);
    private static final int PAGE = 50;

    @Inject
    StaffRequest staff;
    @Inject
    ReferenceEditor editor;
    @Inject
    PlaceDirectory placeDirectory;
    @Inject
    CatalogVersions versions;

    /**
     * One input of an entry's form: text, a duration ({@code duration}: an amount in {@code unit} min or h), or a
     * searchable choice ({@code choices} names the list it offers: places or party types).
     */
    public record FormField(String name, String label, String value, String error, boolean list, boolean secret,
            boolean fixed, boolean duration, String amount, String unit, String choices) {
    }

    /** One option of a searchable choice. */
    public record Choice(String code, String label) {
    }

    /**
     * @param key null for a new entry
     * @param preview after "check": what saving would change (empty list: nothing), null when not checked
     */
    public record EntryForm(String kind, String kindLabel, String key, String title, List<FormField> fields,
            List<String> problems, boolean active, List<Choice> places, List<Choice> partyTypes,
            List<String> preview) {

        public boolean hasErrors() {
            return !problems.isEmpty() || fields.stream().anyMatch(f -> f.error() != null);
        }

        public boolean checked() {
            return preview != null;
        }

        public boolean offers(String choices) {
            return fields.stream().anyMatch(f -> choices.equals(f.choices()));
        }
    }

    /**
     * The catalog draft as an entry's form tells it: whether one is pending, and the fields of this entry it changes
     * (their drafted values are what the form shows).
     */
    public record DraftNote(boolean pending, String fields) {

        static final DraftNote NONE = new DraftNote(false, null);

        public boolean hasEntry() {
            return fields != null;
        }
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance index(ConsolePage page);

        static native TemplateInstance list(ConsolePage page, String kind, String kindLabel, String q,
                List<ReferenceRow> rows, int offset, boolean more, String previousLink, String nextLink,
                String deactivated);

        static native TemplateInstance entry(ConsolePage page, EntryForm form, boolean saved, DraftNote draft,
                boolean drafted);
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
        return staff.html(page, Templates.entry(page, form(page, kind, null, Typed.of(Map.of()), List.of(), true, null),
                false, draftNote(kind, null, page.english()), false));
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
            @QueryParam("saved") boolean saved, @QueryParam("drafted") boolean drafted) {
        ConsolePage page = staff.page("/console/admin/" + kind);
        Map<String, String> values = withDraft(kind, key);
        boolean active = editor.find(kind(kind), key).map(ReferenceRow::active).orElse(true);
        return staff.html(page, Templates.entry(page, form(page, kind, key, Typed.of(values), List.of(), active, null),
                saved, draftNote(kind, key, page.english()), drafted));
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

    @POST
    @Path("{kind: " + KINDS + "}/new/check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Check a new reference-data entry without saving it (console page)")
    public Response checkNew(@PathParam("kind") String kind, MultivaluedMap<String, String> submitted) {
        return check(kind, null, submitted);
    }

    @POST
    @Path("{kind: " + KINDS + "}/{key}/check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Check a change to a reference-data entry without saving it: its problems, or what it would"
            + " change (console page)")
    public Response check(@PathParam("kind") String kind, @PathParam("key") String key,
            MultivaluedMap<String, String> submitted) {
        Map<String, String> before = key == null ? Map.of() : withDraft(kind, key);
        ConsolePage page = staff.page("/console/admin/" + kind);
        Typed typed = typed(kind, submitted, page.english());
        List<String> problems = typed.errors().isEmpty() ? editor.check(kind(kind), key, typed.values()) : List.of();
        boolean ok = typed.errors().isEmpty() && problems.isEmpty();
        List<String> preview = ok ? changes(page.english(), before, typed.values()) : null;
        return staff.html(page, Templates.entry(page, form(page, kind, key, typed, problems, true, preview), false,
                draftNote(kind, key, page.english()), false), ok ? 200 : 422);
    }

    private Response save(String kind, String key, MultivaluedMap<String, String> submitted) {
        ConsolePage page = staff.page("/console/admin/" + kind);
        Typed typed = typed(kind, submitted, page.english());
        List<String> problems = List.of();
        if (typed.errors().isEmpty() && key != null && DRAFTED.containsKey(kind)) {
            ThroughDraft done = saveThroughDraft(kind, key, typed.values());
            if (done.problems().isEmpty()) {
                return StaffRequest.seeOther("/console/admin/" + kind + "/"
                        + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20")
                        + (done.drafted() ? "?drafted=true" : "?saved=true"));
            }
            problems = done.problems();
        } else if (typed.errors().isEmpty()) {
            ReferenceEditor.Saved saved = editor.save(kind(kind), key, typed.values(), staff.actor(),
                    staff.client());
            if (saved.ok()) {
                return StaffRequest.seeOther("/console/admin/" + kind + "/"
                        + URLEncoder.encode(saved.key(), StandardCharsets.UTF_8).replace("+", "%20") + "?saved=true");
            }
            problems = saved.problems();
        }
        return staff.html(page, Templates.entry(page, form(page, kind, key, typed, problems, true, null), false,
                draftNote(kind, key, page.english()), false), 422);
    }

    /**
     * An existing catalog entry's or partner's form, saved: what dispatch decides by (a catalog entry's fields, a
     * partner's areas and services) goes into the catalog draft, to be dry-run and published as a version; the rest
     * (a partner's name, channel, secret …) is written at once, as before. Nothing is written when either part is
     * refused.
     *
     * @return the problems, each naming its field (none when saved), and whether the draft changed
     */
    private ThroughDraft saveThroughDraft(String kind, String key, Map<String, String> typed) {
        Map<String, String> live = editor.values(kind(kind), key).orElseThrow(NotFoundException::new);
        Map<String, String> drafted = withDraft(kind, key);
        String draftKind = DRAFTED.get(kind);
        Map<String, String> toDraft = new LinkedHashMap<>();
        Map<String, String> now = new LinkedHashMap<>(typed);
        List<String> problems = new ArrayList<>();
        for (String field : versions.fields(draftKind)) {
            String value = Strings.blankToNull(typed.get(field));
            if (value == null && Strings.blankToNull(live.get(field)) != null) {
                // the draft reads a blank field as "keep the published value"
                problems.add(field + ": cannot be emptied through the draft (it is " + live.get(field) + " now)");
            }
            toDraft.put(field, value == null ? "" : value);
            now.put(field, live.get(field));
        }
        boolean changedNow = now.entrySet().stream().anyMatch(e -> "secret".equals(e.getKey())
                ? Strings.blankToNull(e.getValue()) != null
                : !Objects.equals(Strings.blankToNull(e.getValue()), Strings.blankToNull(live.get(e.getKey()))));
        if (changedNow && problems.isEmpty()) {
            problems.addAll(editor.check(kind(kind), key, now));
        }
        if (!problems.isEmpty()) {
            return new ThroughDraft(problems, false);
        }
        boolean changedInDraft = toDraft.entrySet().stream()
                .anyMatch(e -> !Objects.equals(Strings.blankToNull(e.getValue()),
                        Strings.blankToNull(drafted.get(e.getKey()))));
        try {
            if (changedInDraft) {
                versions.change(draftKind, key, toDraft, staff.actor(), staff.client());
            }
        } catch (DraftRejectedException e) {
            return new ThroughDraft(e.problems(), false);
        }
        return new ThroughDraft(changedNow
                ? editor.save(kind(kind), key, now, staff.actor(), staff.client()).problems()
                : List.of(), changedInDraft);
    }

    private record ThroughDraft(List<String> problems, boolean drafted) {
    }

    /** The entry's values, with what the catalog draft changes in them (kinds the draft does not hold: as they are). */
    private Map<String, String> withDraft(String kind, String key) {
        Map<String, String> values = new LinkedHashMap<>(
                editor.values(kind(kind), key).orElseThrow(NotFoundException::new));
        draftItem(kind, key).ifPresent(item -> values.putAll(item.fields()));
        return values;
    }

    private Optional<CatalogDraft.Item> draftItem(String kind, String key) {
        String draftKind = DRAFTED.get(kind);
        return draftKind == null || key == null
                ? Optional.empty()
                : versions.draft().flatMap(d -> d.items().stream()
                        .filter(i -> i.kind().equals(draftKind) && i.code().equals(key)).findFirst());
    }

    private DraftNote draftNote(String kind, String key, boolean english) {
        if (!DRAFTED.containsKey(kind)) {
            return DraftNote.NONE;
        }
        return versions.draft().map(d -> new DraftNote(true, draftItem(kind, key)
                .map(i -> String.join(english ? ", " : "、",
                        i.fields().keySet().stream().map(f -> FieldLabels.label(f, english)).toList()))
                .orElse(null))).orElse(DraftNote.NONE);
    }

    /**
     * A form as typed: the values by field, durations read from their amount and unit (a field posted whole, as a
     * script may, is taken as it is); an amount that cannot be read stays as typed, with its unit, and its problem is
     * in {@code errors} beside its field.
     */
    private record Typed(Map<String, String> values, Map<String, String> errors, Map<String, String> units) {

        static Typed of(Map<String, String> values) {
            return new Typed(values, Map.of(), Map.of());
        }
    }

    private Typed typed(String kind, MultivaluedMap<String, String> submitted, boolean english) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (String f : editor.fields(kind(kind))) {
            String amount = submitted.getFirst(f + ".amount");
            if (DurationInput.FIELDS.contains(f) && amount != null) {
                String unit = submitted.getFirst(f + ".unit");
                try {
                    values.put(f, DurationInput.iso(amount, unit));
                } catch (IllegalArgumentException e) {
                    values.put(f, amount);
                    units.put(f, DurationInput.HOURS.equals(unit) ? DurationInput.HOURS : DurationInput.MINUTES);
                    errors.put(f, ConsolePage.bundle(AdminMessages.class, english).durationInvalid(e.getMessage()));
                }
            } else {
                values.put(f, submitted.getFirst(f));
            }
        }
        return new Typed(values, errors, units);
    }

    /** What saving would change, field by field in the page's words (durations in minutes or hours). */
    private static List<String> changes(boolean english, Map<String, String> before, Map<String, String> after) {
        AdminMessages words = ConsolePage.bundle(AdminMessages.class, english);
        List<String> changed = new ArrayList<>();
        after.forEach((field, value) -> {
            String old = Strings.blankToNull(before.get(field));
            String now = Strings.blankToNull(value);
            if (field.equals("secret") && now == null || Objects.equals(old, now)) {
                return;
            }
            String label = FieldLabels.label(field, english);
            changed.add(field.equals("secret") || field.startsWith("phone") || field.equals("emergency-contacts")
                    ? words.previewChangedSecret(label)
                    : words.previewChanged(label, shown(words, field, old), shown(words, field, now)));
        });
        return changed;
    }

    private static String shown(AdminMessages words, String field, String value) {
        if (value == null) {
            return "∅";
        }
        if (DurationInput.FIELDS.contains(field)) {
            DurationInput.Shown d = DurationInput.shown(value);
            return words.duration(d.amount(), d.unit());
        }
        return value;
    }

    private EntryForm form(ConsolePage page, String kind, String key, Typed typed, List<String> problems,
            boolean active, List<String> preview) {
        Kind k = kind(kind);
        List<String> fields = editor.fields(k);
        Map<String, String> values = typed.values();
        Map<String, String> errors = new LinkedHashMap<>(typed.errors());
        List<String> general = new ArrayList<>();
        AdminMessages words = ConsolePage.bundle(AdminMessages.class, page.english());
        for (String problem : problems) {
            ImportProblem p = ImportProblem.parse(problem);
            String field = FieldLabels.formField(p.field());
            if (fields.contains(field) && !errors.containsKey(field)) {
                // a duration's problem in the form's words (the validator's speak of ISO-8601)
                errors.put(field, DurationInput.FIELDS.contains(field) ? words.durationRequired() : p.problem());
            } else {
                general.add(p.problem());
            }
        }
        String idField = k == Kind.RESIDENTS ? "phone" : "code";
        List<FormField> form = fields.stream().map(f -> {
            String value = values.getOrDefault(f, "") == null ? "" : values.getOrDefault(f, "");
            boolean duration = DurationInput.FIELDS.contains(f);
            DurationInput.Shown shown = !duration
                    ? new DurationInput.Shown(null, null)
                    : typed.units().containsKey(f)
                            ? new DurationInput.Shown(value, typed.units().get(f))
                            : DurationInput.shown(value);
            return new FormField(f, FieldLabels.label(f, page.english()), value, errors.get(f),
                    FieldLabels.LISTS.contains(f), f.equals("secret"), key != null && f.equals(idField), duration,
                    shown.amount(), shown.unit(), choices(k, f));
        }).toList();
        String label = kindLabel(kind, page.english());
        String title = key == null
                ? words.newEntry(label)
                : label + " · " + (k == Kind.RESIDENTS ? org.hotlinehub.model.Masks.phone(values.get("phone")) : key);
        boolean english = page.english();
        List<Choice> places = form.stream().anyMatch(f -> PLACES.equals(f.choices()))
                ? placeDirectory.all().stream().map(p -> new Choice(p.code(), (english && p.nameEn() != null
                        ? p.nameEn()
                        : p.nameZh()) + " · " + words.placeType(p.type().code()))).toList()
                : List.of();
        List<Choice> partyTypes = Arrays.stream(PartnerType.values())
                .map(t -> new Choice(t.code(), english ? t.nameEn() : t.nameZh())).toList();
        return new EntryForm(kind, label, key, title, form, general, active, places, partyTypes, preview);
    }

    static final String PLACES = "places";
    static final String PARTY_TYPES = "party-types";

    /** Which searchable list a field offers, if any: places for place codes, party types for party types. */
    private static String choices(Kind kind, String field) {
        return switch (field) {
            case "parent", "serves", "grid", "place" -> PLACES;
            case "party", "fallback" -> PARTY_TYPES;
            case "type" -> kind == Kind.PARTNERS ? PARTY_TYPES : null;
            default -> null;
        };
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
