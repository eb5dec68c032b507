package org.hotlinehub.referencedata;

import static org.hotlinehub.model.Strings.nullToEmpty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hotlinehub.dispatch.Choice;
import org.hotlinehub.dispatch.PartnerSelector;
import org.hotlinehub.dispatch.Tried;
import org.hotlinehub.model.CatalogDraft;
import org.hotlinehub.model.CatalogDryRun;
import org.hotlinehub.model.CatalogVersion;
import org.hotlinehub.model.DraftRejectedException;
import org.hotlinehub.model.IllegalTransitionException;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.Strings;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.port.AuditTrail;
import org.hotlinehub.model.port.CatalogVersions;
import org.hotlinehub.model.port.ReferenceAdmin.Kind;
import org.hotlinehub.referencedata.ReferenceDataFile.CatalogData;
import org.hotlinehub.referencedata.ReferenceDataFile.PartnerData;
import org.hotlinehub.referencedata.ReferenceDataLoader.Publication;
import org.hotlinehub.store.CatalogEntryEntity;
import org.hotlinehub.store.CatalogRepository;
import org.hotlinehub.store.CatalogVersionRows;
import org.hotlinehub.store.CatalogVersionRows.DraftRow;
import org.hotlinehub.store.CatalogVersionRows.TicketRow;
import org.hotlinehub.store.PartnerEntity;
import org.hotlinehub.store.PartnerRepository;
import org.hotlinehub.store.PlaceEntity;
import org.hotlinehub.store.ReferenceCache;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The dispatch catalog in versions. Edits go into one draft (a row of {@code catalog_draft}, only the fields changed);
 * publishing writes the draft through the reference-data import's own path ({@link ReferenceDataLoader}: the same
 * validator and writer), which records the next {@code catalog_version} with what the catalog and the partners then
 * say; a rollback writes an earlier version's content back the same way, as the next version. Imports and form saves
 * that write catalog entries or partners publish a version too.
 *
 * <p>A dry run asks the real dispatch rule ({@link PartnerSelector#choose}) for every compared ticket's (category,
 * place) twice in one transaction: under the published catalog, then with the draft written, and rolls the
 * transaction back. Nobody else sees the draft's rows (they are never committed); its row locks on the edited catalog
 * entries and partners keep other reference-data writers waiting for the dry run's length (new tickets and offers
 * only share-lock those rows, so the pipeline does not wait). As any reference-data write, it makes this node's
 * reference snapshot reload once.
 */
@ApplicationScoped
public class CatalogVersionService implements CatalogVersions {

    private static final Logger LOG = Logger.getLogger(CatalogVersionService.class);
    /** How far back a dry run compares tickets, besides the open ones. */
    static final int DRY_RUN_DAYS = 30;
    /** Tickets a dry run compares at most (the newest). */
    static final int DRY_RUN_TICKETS = 5_000;
    private static final String TARGET = "catalog-version";

    private static final Map<String, List<String>> FIELDS = Map.of(
            CATALOG, List.of("name_zh", "name_en", "group", "keywords_zh", "keywords_en", "urgency", "accept-within",
                    "resolve-within", "party", "fallback", "skills"),
            PARTNERS, List.of("serves", "services"));

    @Inject
    CatalogVersionRows rows;
    @Inject
    ReferenceDataLoader loader;
    @Inject
    ReferenceDataWriter writer;
    @Inject
    ReferenceDataEditor editor;
    @Inject
    CatalogRepository catalog;
    @Inject
    PartnerRepository partners;
    @Inject
    PartnerSelector selector;
    @Inject
    ReferenceCache cache;
    @Inject
    AuditTrail audit;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    /** One edit of the draft as stored. */
    record DraftItem(String kind, String code, Map<String, String> fields, String by, Instant at) {

        boolean is(String k, String c) {
            return kind.equals(k) && code.equals(c);
        }
    }

    @Override
    public List<String> fields(String kind) {
        List<String> fields = kind == null ? null : FIELDS.get(kind);
        if (fields == null) {
            throw new IllegalArgumentException("kind: must be " + CATALOG + " or " + PARTNERS);
        }
        return fields;
    }

    @Override
    public Optional<CatalogDraft> draft() {
        return QuarkusTransaction.joiningExisting().call(() -> rows.draft(false).map(this::view));
    }

    @Override
    public CatalogDraft change(String kind, String code, Map<String, String> fields, String actor, String client) {
        List<String> allowed = fields(kind);
        String entry = Strings.blankToNull(code);
        if (entry == null) {
            throw new IllegalArgumentException("code: required");
        }
        for (String field : fields.keySet()) {
            if (!allowed.contains(field)) {
                throw new IllegalArgumentException(field + ": not a field a draft of " + kind + " changes (allowed: "
                        + allowed + ")");
            }
        }
        if (PARTNERS.equals(kind) && read(() -> partners.findByCode(entry).isEmpty())) {
            throw new NotFoundException("no partner " + entry);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Optional<DraftRow> row = rows.draft(true);
            List<DraftItem> items = new ArrayList<>(row.map(r -> items(r.itemsJson())).orElse(List.of()));
            Map<String, String> published = published(kind, entry);
            Map<String, String> changed = new TreeMap<>(items.stream().filter(i -> i.is(kind, entry)).findFirst()
                    .map(DraftItem::fields).orElse(Map.of()));
            fields.forEach((field, value) -> {
                String v = Strings.blankToNull(value);
                // blank, or what is published already: the field follows the published value again
                if (v == null || v.equals(published.get(field))) {
                    changed.remove(field);
                } else {
                    changed.put(field, v);
                }
            });
            items.removeIf(i -> i.is(kind, entry));
            if (!changed.isEmpty()) {
                items.add(new DraftItem(kind, entry, changed, actor, now));
                List<String> problems = loader.validate(file(List.of(items.get(items.size() - 1))));
                if (!problems.isEmpty()) {
                    throw new DraftRejectedException(problems);
                }
            }
            DraftRow saved = new DraftRow(row.map(DraftRow::createdBy).orElse(actor),
                    row.map(DraftRow::createdAt).orElse(now), actor, now,
                    row.map(DraftRow::baseVersion).orElseGet(rows::current), json(items));
            if (items.isEmpty()) {
                rows.deleteDraft(); // nothing left to publish: no draft
            } else {
                rows.saveDraft(saved);
            }
            audit.record(actor, "catalog-draft.change", singular(kind), entry,
                    changed.isEmpty() ? "back to the published values" : describe(published, changed), client);
            return view(saved);
        });
    }

    @Override
    public Optional<CatalogDraft> withdraw(String kind, String code, String actor, String client) {
        fields(kind);
        return QuarkusTransaction.requiringNew().call(() -> {
            DraftRow row = rows.draft(true).orElseThrow(() -> new NotFoundException("there is no catalog draft"));
            List<DraftItem> items = new ArrayList<>(items(row.itemsJson()));
            if (!items.removeIf(i -> i.is(kind, code))) {
                throw new NotFoundException("the draft has no edit of " + singular(kind) + " " + code);
            }
            audit.record(actor, "catalog-draft.withdraw", singular(kind), code, "edit taken out of the draft", client);
            if (items.isEmpty()) {
                rows.deleteDraft();
                return Optional.<CatalogDraft>empty();
            }
            DraftRow saved = new DraftRow(row.createdBy(), row.createdAt(), actor, clock.instant(), row.baseVersion(),
                    json(items));
            rows.saveDraft(saved);
            return Optional.of(view(saved));
        });
    }

    @Override
    public void discard(String actor, String client) {
        QuarkusTransaction.requiringNew().run(() -> {
            DraftRow row = rows.draft(true).orElseThrow(() -> new NotFoundException("there is no catalog draft"));
            rows.deleteDraft();
            audit.record(actor, "catalog-draft.discard", TARGET, "draft", "discarded the draft of " + row.createdBy()
                    + " with " + items(row.itemsJson()).size() + " edit(s)", client);
        });
    }

    @Override
    public CatalogDryRun dryRun(String actor, String client) {
        DraftRow draft = read(() -> rows.draft(false))
                .orElseThrow(() -> new NotFoundException("there is no catalog draft to try"));
        ReferenceDataFile file = read(() -> file(items(draft.itemsJson())));
        List<String> problems = loader.validate(file);
        if (!problems.isEmpty()) {
            throw new DraftRejectedException(problems);
        }
        Instant now = clock.instant();
        CatalogDryRun result;
        QuarkusTransaction.begin();
        try {
            result = compare(file, now);
        } finally {
            // the draft's rows are never committed: nobody else ever decides by them
            QuarkusTransaction.rollback();
        }
        CatalogDryRun done = result;
        QuarkusTransaction.requiringNew().run(() -> audit.record(actor, "catalog.dry-run", TARGET, "draft",
                done.open().size() + " open and " + done.recent().size() + " recent ticket(s) of " + done.checked()
                        + " would go to another party than under version " + done.version(),
                client));
        return result;
    }

    /** Inside the dry run's transaction: every ticket's party under the published catalog, then under the draft. */
    private CatalogDryRun compare(ReferenceDataFile draft, Instant now) {
        EntityManager em = catalog.getEntityManager();
        int version = rows.current();
        List<TicketRow> tickets = rows.dryRunTickets(now.minus(Duration.ofDays(DRY_RUN_DAYS)), DRY_RUN_TICKETS + 1);
        boolean truncated = tickets.size() > DRY_RUN_TICKETS;
        List<TicketRow> compared = truncated ? tickets.subList(0, DRY_RUN_TICKETS) : tickets;
        // the rule decides by category and place: once per pair, under each catalog
        Map<List<Long>, Optional<Choice>> published = choices(em, compared);
        writer.apply(draft);
        cache.changedInThisTransaction(); // even a change of areas alone: decide from these rows, not from memory
        em.flush();
        Map<List<Long>, Optional<Choice>> drafted = choices(em, compared);
        List<CatalogDryRun.Change> open = new ArrayList<>();
        List<CatalogDryRun.Change> recent = new ArrayList<>();
        for (TicketRow t : compared) {
            List<Long> key = List.of(t.categoryId(), t.placeId());
            Optional<Choice> before = published.get(key);
            Optional<Choice> after = drafted.get(key);
            String beforeParty = before.map(Choice::partyCode).orElse(null);
            String afterParty = after.map(Choice::partyCode).orElse(null);
            if (Objects.equals(beforeParty, afterParty)) {
                continue;
            }
            CatalogDryRun.Change change = new CatalogDryRun.Change(t.reference(), t.status(), t.createdAt(),
                    t.categoryCode(), t.placeCode(), t.heldBy(), beforeParty,
                    before.map(Choice::reason).orElse(null), afterParty, after.map(Choice::reason).orElse(null));
            (t.status().isOpen() && t.status() != TicketStatus.RESOLVED ? open : recent)
                    .add(change);
        }
        LOG.debugf("catalog dry run: %d ticket(s), %d pair(s), %d open and %d recent change", compared.size(),
                published.size(), open.size(), recent.size());
        return new CatalogDryRun(version, now, DRY_RUN_DAYS, compared.size(), truncated, open, recent);
    }

    private Map<List<Long>, Optional<Choice>> choices(EntityManager em, List<TicketRow> tickets) {
        Map<List<Long>, Optional<Choice>> found = new LinkedHashMap<>();
        Tried nobody = new Tried(Set.of(), Set.of());
        for (TicketRow t : tickets) {
            found.computeIfAbsent(List.of(t.categoryId(), t.placeId()),
                    k -> selector.choose(em.getReference(CatalogEntryEntity.class, t.categoryId()),
                            em.getReference(PlaceEntity.class, t.placeId()), nobody));
        }
        return found;
    }

    @Override
    public CatalogVersion publish(String note, String actor, String client) {
        DraftRow draft = read(() -> rows.draft(false))
                .orElseThrow(() -> new NotFoundException("there is no catalog draft to publish"));
        List<DraftItem> items = items(draft.itemsJson());
        ReferenceDataFile file = read(() -> file(items));
        int version = write("catalog draft", file, new Publication(CatalogVersion.PUBLISH, actor,
                Strings.blankToNull(note), null), published -> {
                    DraftRow now = rows.draft(true).orElse(null);
                    if (now == null || !now.updatedAt().equals(draft.updatedAt())) {
                        throw new IllegalTransitionException("the draft changed while it was being published;"
                                + " look at it again and publish");
                    }
                    rows.deleteDraft();
                    audit.record(actor, "catalog.publish", TARGET, String.valueOf(published),
                            "published " + items.size() + " edit(s) of " + draft.createdBy() + "'s draft"
                                    + Strings.noteSuffix(note),
                            client);
                });
        return find(version);
    }

    @Override
    public CatalogVersion rollback(int version, String note, String actor, String client) {
        Map<String, Map<String, Map<String, String>>> content = content(version)
                .orElseThrow(() -> new NotFoundException("no catalog version " + version));
        int current = current();
        if (version == current) {
            throw new IllegalTransitionException("version " + version + " is the current one");
        }
        // only what differs from now is written back: other entries (and anything made since) stay as they are
        Map<String, Map<String, Map<String, String>>> now = read(this::content);
        List<DraftItem> items = new ArrayList<>();
        for (String kind : List.of(CATALOG, PARTNERS)) {
            content.getOrDefault(kind, Map.of()).forEach((code, f) -> {
                if (!f.equals(now.getOrDefault(kind, Map.of()).get(code))) {
                    items.add(new DraftItem(kind, code, f, actor, null));
                }
            });
        }
        Publication publication = new Publication(CatalogVersion.ROLLBACK, actor, Strings.blankToNull(note), version);
        java.util.function.IntConsumer audited = published -> audit.record(actor, "catalog.rollback", TARGET,
                String.valueOf(published), "rolled back from version " + current + " to the content of version "
                        + version + " (" + items.size() + " entr" + (items.size() == 1 ? "y" : "ies") + " written back)"
                        + Strings.noteSuffix(note),
                client);
        if (items.isEmpty()) {
            // the same content already: still a version of its own, so the history says what was done
            return find(QuarkusTransaction.requiringNew().call(() -> {
                publishWritten(publication);
                int published = rows.current();
                audited.accept(published);
                return published;
            }));
        }
        ReferenceDataFile file = read(() -> file(items));
        return find(write("catalog version " + version, file, publication, audited));
    }

    private CatalogVersion find(int version) {
        return read(() -> rows.list(50)).stream().filter(v -> v.version() == version).findFirst().orElseThrow();
    }

    /** Writes through the import's path, which publishes the version; returns its number. */
    private int write(String name, ReferenceDataFile file, Publication publication,
            java.util.function.IntConsumer inTransaction) {
        AtomicInteger version = new AtomicInteger();
        try {
            loader.apply(name, file, false, ReferenceDataWriter.Progress.NONE, publication, counts -> {
                version.set(rows.current());
                inTransaction.accept(version.get());
            });
        } catch (ReferenceDataException e) {
            throw new DraftRejectedException(e.problems());
        }
        return version.get();
    }

    /** Called by the loader in the transaction that wrote catalog entries or partners: the next version. */
    void publishWritten(Publication publication) {
        int version = rows.record(publication.source(), publication.by(), publication.note(),
                publication.rolledBackTo(), json(content()), clock.instant());
        LOG.infof("catalog version %d published (%s by %s)", version, publication.source(), publication.by());
    }

    @Override
    public List<CatalogVersion> versions(int limit) {
        return read(() -> rows.list(Math.max(1, Math.min(limit, 500))));
    }

    @Override
    public int current() {
        return read(rows::current);
    }

    @Override
    public Optional<Map<String, Map<String, Map<String, String>>>> content(int version) {
        return read(() -> rows.content(version)).map(text -> {
            try {
                return json.readValue(text, new TypeReference<Map<String, Map<String, Map<String, String>>>>() {
                });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("catalog version " + version + " is not readable", e);
            }
        });
    }

    /** What the catalog's active entries and the active partners say now: the content of a version. */
    private Map<String, Map<String, Map<String, String>>> content() {
        Map<String, Map<String, String>> entries = new TreeMap<>();
        for (CatalogEntryEntity c : catalog.list("active", true)) {
            Map<String, String> fields = new LinkedHashMap<>(ReferenceDataEditor.catalogEntry(c));
            fields.remove("code");
            entries.put(c.code, fields);
        }
        Map<String, Map<String, String>> areas = new TreeMap<>();
        // the partners with their areas in one query, not one more per partner; the areas in code order, so the
        // same partner reads the same in every version (the set of areas has no order of its own)
        for (PartnerEntity p : partners.find("select distinct p from PartnerEntity p left join fetch p.areas"
                + " where p.active = true").list()) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("serves", ReferenceDataEditor.list(p.areas.stream().map(a -> a.code).sorted().toList()));
            fields.put("services", ReferenceDataEditor.list(p.services));
            areas.put(p.code, fields);
        }
        return Map.of(CATALOG, entries, PARTNERS, areas);
    }

    /** The edits as a reference-data document: each entry's published values with the edited fields over them. */
    private ReferenceDataFile file(List<DraftItem> items) {
        List<CatalogData> entries = new ArrayList<>();
        List<PartnerData> partnerData = new ArrayList<>();
        for (DraftItem i : items) {
            ReferenceDataFile one = editor.merged(CATALOG.equals(i.kind()) ? Kind.CATALOG : Kind.PARTNERS, i.code(),
                    i.fields());
            entries.addAll(nullToEmpty(one.catalog()));
            partnerData.addAll(nullToEmpty(one.partners()));
        }
        return new ReferenceDataFile(null, entries.isEmpty() ? null : entries,
                partnerData.isEmpty() ? null : partnerData, null, null);
    }

    /** The published values of the fields a draft changes for the entry (empty for a new catalog entry). */
    private Map<String, String> published(String kind, String code) {
        Map<String, String> values = editor.values(CATALOG.equals(kind) ? Kind.CATALOG : Kind.PARTNERS, code)
                .orElse(Map.of());
        Map<String, String> published = new LinkedHashMap<>();
        fields(kind).forEach(f -> published.put(f, values.get(f)));
        return published;
    }

    private CatalogDraft view(DraftRow row) {
        List<CatalogDraft.Item> items = items(row.itemsJson()).stream().map(i -> {
            Map<String, String> now = published(i.kind(), i.code());
            Map<String, String> before = new LinkedHashMap<>();
            i.fields().keySet().forEach(f -> before.put(f, now.get(f)));
            return new CatalogDraft.Item(i.kind(), i.code(), i.fields(), before, i.by(), i.at());
        }).toList();
        return new CatalogDraft(row.createdBy(), row.createdAt(), row.updatedBy(), row.updatedAt(), row.baseVersion(),
                items);
    }

    /** "party: property-firm → mediation; fallback: ∅ → legal-aid". */
    private static String describe(Map<String, String> published, Map<String, String> changed) {
        List<String> parts = new ArrayList<>();
        changed.forEach((f, v) -> parts.add(f + ": " + Objects.requireNonNullElse(published.get(f), "∅") + " → " + v));
        return String.join("; ", parts);
    }

    private static String singular(String kind) {
        return CATALOG.equals(kind) ? "catalog" : "partner";
    }

    private List<DraftItem> items(String text) {
        try {
            return json.readValue(text, new TypeReference<List<DraftItem>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the catalog draft is not readable", e);
        }
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(java.util.function.Supplier<T> query) {
        return QuarkusTransaction.joiningExisting().call(query::get);
    }
}
