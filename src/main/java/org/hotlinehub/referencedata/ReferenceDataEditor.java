package org.hotlinehub.referencedata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.CatalogAttribute;
import org.hotlinehub.model.CatalogVersion;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.PhoneNumbers;
import org.hotlinehub.model.ReferenceRow;
import org.hotlinehub.model.Strings;
import org.hotlinehub.model.port.AuditTrail;
import org.hotlinehub.model.port.ReferenceAdmin.Kind;
import org.hotlinehub.model.port.ReferenceEditor;
import org.hotlinehub.referencedata.ReferenceDataFile.AttributeData;
import org.hotlinehub.referencedata.ReferenceDataFile.CatalogData;
import org.hotlinehub.referencedata.ReferenceDataFile.Names;
import org.hotlinehub.referencedata.ReferenceDataFile.ValueData;
import org.hotlinehub.store.CatalogEntryEntity;
import org.hotlinehub.store.CatalogRepository;
import org.hotlinehub.store.PartnerEntity;
import org.hotlinehub.store.PartnerRepository;
import org.hotlinehub.store.PlaceEntity;
import org.hotlinehub.store.PlaceRepository;
import org.hotlinehub.store.ResidentEntity;
import org.hotlinehub.store.ResidentRepository;
import org.hotlinehub.store.VolunteerEntity;
import org.hotlinehub.store.VolunteerRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * One entry at a time through the import's own path: a form is a CSV row of its kind, read by
 * {@link CsvReferenceData}, checked by {@link ReferenceDataValidator} and written by {@link ReferenceDataWriter}, with
 * the audit entry in the writing transaction.
 */
@ApplicationScoped
public class ReferenceDataEditor implements ReferenceEditor {

    /** Columns a form never shows: the partner's API key is issued by its own action, never typed in. */
    private static final Set<String> NOT_IN_FORMS = Set.of("api-key");
    /** Values the audit log never repeats. */
    private static final Set<String> SECRET_OR_PERSONAL = Set.of("secret", "phone", "phones", "emergency-contacts");

    @Inject
    ReferenceDataLoader loader;
    @Inject
    AuditTrail audit;
    @Inject
    ReferenceDataWriter writer;
    @Inject
    PlaceRepository places;
    @Inject
    CatalogRepository catalog;
    @Inject
    PartnerRepository partners;
    @Inject
    VolunteerRepository volunteers;
    @Inject
    ResidentRepository residents;
    @Inject
    ObjectMapper json;

    @Override
    public List<String> fields(Kind kind) {
        return CsvReferenceData.COLUMNS.get(kind).stream().filter(c -> !NOT_IN_FORMS.contains(c)).toList();
    }

    @Override
    @Transactional
    public List<ReferenceRow> list(Kind kind, String query, int offset, int limit) {
        String like = "%" + (query == null ? "" : query.strip().toLowerCase()) + "%";
        String byCodeOrName = "lower(code) like ?1 or lower(nameZh) like ?1 or lower(coalesce(nameEn, '')) like ?1";
        return switch (kind) {
            case PLACES -> places.find(byCodeOrName, Sort.by("code"), like).range(offset, offset + limit - 1).list()
                    .stream().map(ReferenceDataEditor::placeRow).toList();
            case CATALOG -> catalog.find(byCodeOrName, Sort.by("code"), like).range(offset, offset + limit - 1)
                    .list().stream().map(ReferenceDataEditor::catalogRow).toList();
            case PARTNERS -> partners.find(byCodeOrName, Sort.by("code"), like).range(offset, offset + limit - 1)
                    .list().stream().map(ReferenceDataEditor::partnerRow).toList();
            case VOLUNTEERS -> volunteers.find("lower(code) like ?1 or lower(name) like ?1", Sort.by("code"), like)
                    .range(offset, offset + limit - 1).list().stream().map(ReferenceDataEditor::volunteerRow)
                    .toList();
            case RESIDENTS -> residents.find("lower(coalesce(name, '')) like ?1 or phone like ?1", Sort.by("id"),
                    like).range(offset, offset + limit - 1).list().stream().map(ReferenceDataEditor::residentRow)
                    .toList();
        };
    }

    @Override
    @Transactional
    public Optional<ReferenceRow> find(Kind kind, String key) {
        return switch (kind) {
            case PLACES -> places.findByCode(key).map(ReferenceDataEditor::placeRow);
            case CATALOG -> catalog.findByCode(key).map(ReferenceDataEditor::catalogRow);
            case PARTNERS -> partners.findByCode(key).map(ReferenceDataEditor::partnerRow);
            case VOLUNTEERS -> volunteers.findByCode(key).map(ReferenceDataEditor::volunteerRow);
            case RESIDENTS -> resident(key).map(ReferenceDataEditor::residentRow);
        };
    }

    private static ReferenceRow placeRow(PlaceEntity p) {
        return new ReferenceRow(p.code, p.code, p.nameZh, p.type + (p.parent == null ? "" : " < " + p.parent.code),
                p.active);
    }

    private static ReferenceRow catalogRow(CatalogEntryEntity c) {
        return new ReferenceRow(c.code, c.code, c.nameZh, c.urgency + " · " + c.partyType, c.active);
    }

    private static ReferenceRow partnerRow(PartnerEntity p) {
        return new ReferenceRow(p.code, p.code, p.nameZh, p.type + " · " + p.deliveryChannel, p.active);
    }

    private static ReferenceRow volunteerRow(VolunteerEntity v) {
        return new ReferenceRow(v.code, v.code, v.name, String.join(", ", v.skills), v.active);
    }

    private static ReferenceRow residentRow(ResidentEntity r) {
        return new ReferenceRow(String.valueOf(r.id), Masks.phone(r.phone), r.name,
                r.place == null ? "" : r.place.code, r.registered);
    }

    @Override
    @Transactional
    public Optional<Map<String, String>> values(Kind kind, String key) {
        return switch (kind) {
            case PLACES -> places.findByCode(key).map(ReferenceDataEditor::place);
            case CATALOG -> catalog.findByCode(key).map(ReferenceDataEditor::catalogEntry);
            case PARTNERS -> partners.findByCode(key).map(ReferenceDataEditor::partner);
            case VOLUNTEERS -> volunteers.findByCode(key).map(ReferenceDataEditor::volunteer);
            case RESIDENTS -> resident(key).map(ReferenceDataEditor::resident);
        };
    }

    @Override
    public Saved save(Kind kind, String key, Map<String, String> submitted, String actor, String client) {
        Draft draft = draft(kind, key, submitted);
        if (!draft.problems().isEmpty()) {
            return new Saved(key, draft.problems());
        }
        String idField = idField(kind);
        String target = key == null ? draft.row().get(idField) : key;
        try {
            loader.apply("form", draft.file(), false, ReferenceDataWriter.Progress.NONE,
                    new ReferenceDataLoader.Publication(CatalogVersion.IMPORT, actor, "form", null),
                    counts -> audit.record(actor, key == null ? "reference-data.create" : "reference-data.update",
                            singular(kind), kind == Kind.RESIDENTS ? Masks.phone(target) : target, draft.detail(),
                            client));
        } catch (ReferenceDataException e) {
            return new Saved(key, e.problems());
        }
        return new Saved(kind == Kind.RESIDENTS ? residentKey(draft.row().get("phone")) : draft.row().get(idField),
                List.of());
    }

    @Override
    public List<String> check(Kind kind, String key, Map<String, String> submitted) {
        Draft draft = draft(kind, key, submitted);
        return draft.problems().isEmpty() ? loader.validate(draft.file()) : draft.problems();
    }

    /** A form's row as the import would read it, with what it changes, or the problem that stops it early. */
    private record Draft(Map<String, String> row, ReferenceDataFile file, String detail, List<String> problems) {
    }

    private Draft draft(Kind kind, String key, Map<String, String> submitted) {
        Map<String, String> row = new LinkedHashMap<>();
        fields(kind).forEach(f -> row.put(f, normalized(submitted.get(f))));
        Optional<Map<String, String>> before = key == null ? Optional.empty() : read(() -> values(kind, key));
        if (key != null && before.isEmpty()) {
            throw new NotFoundException("no " + singular(kind) + " " + key);
        }
        String idField = idField(kind);
        if (before.isPresent()) {
            // the code (a resident's phone) names the entry: an edit never moves it to another one
            row.put(idField, before.get().get(idField));
            if (kind == Kind.PARTNERS && row.get("secret") == null) {
                row.put("secret", partners.findByCode(key).map(p -> p.webhookSecret).orElse(null));
            }
        } else if (row.get(idField) != null && exists(kind, row.get(idField))) {
            return new Draft(row, null, null, List.of(entry(kind, row.get(idField)) + ": " + idField + " '"
                    + row.get(idField) + "' exists already; edit that entry instead"));
        }
        ReferenceDataFile file = CsvReferenceData.file(kind, List.of(row));
        if (kind == Kind.CATALOG && key != null) {
            file = withAttributes(file, key);
        }
        return new Draft(row, file, key == null ? "created" : "changed " + changes(before.get(), row), List.of());
    }

    private static String idField(Kind kind) {
        return kind == Kind.RESIDENTS ? "phone" : "code";
    }

    @Override
    @Transactional
    public void deactivate(Kind kind, String key, String actor, String client) {
        String label = key;
        if (kind == Kind.RESIDENTS) {
            // the editor keys residents by id, not by phone
            ResidentEntity r = resident(key).orElseThrow(() -> notFound(kind, key));
            r.registered = false;
            label = Masks.phone(r.phone);
        } else if (!writer.deactivate(kind, key)) {
            throw notFound(kind, key);
        }
        audit.record(actor, "reference-data.deactivate", singular(kind), label, "deactivated", client);
    }

    public static String singular(Kind kind) {
        return switch (kind) {
            case PLACES -> "place";
            case CATALOG -> "catalog";
            case PARTNERS -> "partner";
            case VOLUNTEERS -> "volunteer";
            case RESIDENTS -> "resident";
        };
    }

    private boolean exists(Kind kind, String id) {
        return read(() -> writer.exists(kind, id));
    }

    private static <T> T read(java.util.function.Supplier<T> query) {
        return QuarkusTransaction.joiningExisting().call(query::get);
    }

    private String residentKey(String phone) {
        return read(() -> PhoneNumbers.normalize(phone).flatMap(residents::findByPhone)
                .map(r -> String.valueOf(r.id)).orElse(null));
    }

    private Optional<ResidentEntity> resident(String key) {
        try {
            return residents.findByIdOptional(Long.parseLong(key));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A form has no place for a catalog entry's custom attributes: an edit keeps the ones it has. */
    private ReferenceDataFile withAttributes(ReferenceDataFile file, String code) {
        List<CatalogAttribute> kept = read(() -> catalog.findByCode(code)
                .map(c -> attributes(c.attributes)).orElse(List.of()));
        CatalogData c = file.catalog().get(0);
        List<AttributeData> attributes = kept.stream().map(a -> new AttributeData(a.code(), a.datatype().code(),
                a.required(), a.variable(), a.order(), new Names(a.descriptionZh(), a.descriptionEn()),
                a.datatypeDescription(), a.values().isEmpty()
                        ? null
                        : a.values().stream()
                                .map(v -> new ValueData(v.key(), new Names(v.nameZh(), v.nameEn()))).toList()))
                .toList();
        return new ReferenceDataFile(null, List.of(new CatalogData(c.code(), c.name(), c.group(), c.keywords(),
                c.urgency(), c.acceptWithin(), c.resolveWithin(), c.party(), c.fallback(), c.skills(), attributes,
                c.incidents())),
                null, null, null);
    }

    private List<CatalogAttribute> attributes(String stored) {
        try {
            return json.readValue(stored == null ? "[]" : stored, new TypeReference<List<CatalogAttribute>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalog attributes are not readable", e);
        }
    }

    /** "name_zh: 旧 → 新; phone changed" — never a secret's or a phone's value. */
    private static String changes(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((field, value) -> {
            String old = normalized(before.get(field));
            if (!Objects.equals(old, value) && !(field.equals("secret") && value != null && old == null)) {
                changed.add(SECRET_OR_PERSONAL.contains(field)
                        ? field + " changed"
                        : field + ": " + (old == null ? "∅" : old) + " → " + (value == null ? "∅" : value));
            }
        });
        return changed.isEmpty() ? "nothing" : String.join("; ", changed);
    }

    private static Map<String, String> place(PlaceEntity p) {
        return row("code", p.code, "type", p.type, "parent", p.parent == null ? null : p.parent.code, "name_zh",
                p.nameZh, "name_en", p.nameEn, "aliases", list(p.aliases), "address", p.address, "lat",
                p.lat == null ? null : String.valueOf(p.lat), "lon", p.lon == null ? null : String.valueOf(p.lon));
    }

    /**
     * The entry as the import would write it: its current values (none for a new one) with {@code changes} over them
     * (a null change keeps the current value); a partner keeps its webhook secret, a catalog entry its attributes.
     */
    ReferenceDataFile merged(Kind kind, String code, Map<String, String> changes) {
        Map<String, String> current = values(kind, code).orElse(Map.of());
        Map<String, String> row = new LinkedHashMap<>();
        fields(kind).forEach(f -> row.put(f, normalized(current.get(f))));
        changes.forEach((f, v) -> {
            if (v != null) {
                row.put(f, normalized(v));
            }
        });
        row.put("code", code);
        if (kind == Kind.PARTNERS && !current.isEmpty()) {
            row.put("secret", read(() -> partners.findByCode(code).map(p -> p.webhookSecret).orElse(null)));
        }
        ReferenceDataFile file = CsvReferenceData.file(kind, List.of(row));
        return kind == Kind.CATALOG && !current.isEmpty() ? withAttributes(file, code) : file;
    }

    static Map<String, String> catalogEntry(CatalogEntryEntity c) {
        return row("code", c.code, "name_zh", c.nameZh, "name_en", c.nameEn, "group", c.groupCode, "keywords_zh",
                list(c.keywordsZh), "keywords_en", list(c.keywordsEn), "urgency", c.urgency, "accept-within",
                Duration.ofSeconds(c.acceptWithinSeconds).toString(), "resolve-within",
                Duration.ofSeconds(c.resolveWithinSeconds).toString(), "party", c.partyType, "fallback",
                list(c.fallbackTypes), "skills", list(c.skills));
    }

    private static Map<String, String> partner(PartnerEntity p) {
        return row("code", p.code, "type", p.type, "name_zh", p.nameZh, "name_en", p.nameEn, "serves",
                list(p.areas.stream().map(a -> a.code).toList()), "services", list(p.services), "channel",
                p.deliveryChannel, "url", p.webhookUrl, "secret", null, "phone", p.phone, "phones", list(p.phones),
                "contact", p.contact,
                "give-up-after", p.giveUpAfterSeconds == null
                        ? null
                        : Duration.ofSeconds(p.giveUpAfterSeconds)
                                .toString());
    }

    private static Map<String, String> volunteer(VolunteerEntity v) {
        return row("code", v.code, "name", v.name, "phone", v.phone, "grid", v.grid == null ? null : v.grid.code,
                "skills", list(v.skills), "on-duty", list(v.onDuty));
    }

    private static Map<String, String> resident(ResidentEntity r) {
        return row("phone", r.phone, "name", r.name, "address", r.address, "place",
                r.place == null ? null : r.place.code, "flags", list(r.flags), "language", r.language,
                "emergency-contacts", list(r.emergencyContacts), "check-in-by",
                r.checkInBy == null ? null : r.checkInBy.toString());
    }

    private static Map<String, String> row(String... pairs) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put(pairs[i], pairs[i + 1]);
        }
        return row;
    }

    /** Lists as the CSV writes them; sets sorted so an unchanged list reads the same. */
    static String list(Collection<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return String.join(";", values instanceof List<String> l ? l : new TreeSet<>(values));
    }

    /** A field as stored: blank as null, stripped, list separators without spaces around them. */
    private static String normalized(String s) {
        String value = Strings.blankToNull(s);
        return value == null ? null : value.replaceAll("\\s*;\\s*", ";");
    }

    private static String entry(Kind kind, String code) {
        return kind.name().toLowerCase() + "[0] (" + code + ")";
    }

    private static NotFoundException notFound(Kind kind, String key) {
        return new NotFoundException("no " + singular(kind) + " " + key);
    }
}
