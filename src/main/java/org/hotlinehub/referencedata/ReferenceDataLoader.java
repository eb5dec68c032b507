package org.hotlinehub.referencedata;

import static org.hotlinehub.model.Strings.nullToEmpty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.CatalogVersion;
import org.hotlinehub.store.AppliedReferenceFiles;
import org.hotlinehub.store.CatalogRepository;
import org.hotlinehub.store.PartnerRepository;
import org.hotlinehub.store.PlaceRepository;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the files of {@code hub.reference-data.files} at start, in order (a directory stands for its *.yaml files in
 * name order). Each file is checked whole and applied in one transaction, or not at all; a bad file stops the start
 * with every problem listed.
 */
@ApplicationScoped
public class ReferenceDataLoader {

    private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class);
    private static final Pattern SECRET_REF = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)}");

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    @Inject
    PartnerRepository partnerRepository;
    @Inject
    HubConfig config;
    @Inject
    PlaceRepository places;
    @Inject
    CatalogRepository catalog;
    @Inject
    ReferenceDataWriter writer;
    @Inject
    AppliedReferenceFiles appliedFiles;
    @Inject
    ObjectMapper json;
    @Inject
    Validator validator;
    @Inject
    CatalogVersionService versions;

    void onStart(@Observes StartupEvent event) throws IOException {
        List<Path> all = new ArrayList<>(files(config.referenceData().files()));
        all.addAll(files(config.referenceData().demoFiles().orElse(List.of())));
        applyAtStart(all, !config.referenceData().reapplyUnchanged());
    }

    /**
     * Applies the files of a start in order. With {@code skipUnchanged}, the leading files whose content (and the
     * secrets they name, and the schema version) is what was last applied from them are skipped, unless reference data
     * was edited through the console or the API since; from the first file that changed on, every file is applied, so
     * a later file still overrides what an earlier one says. Nodes starting together take turns (a database advisory
     * lock), so a cluster loads its files once.
     *
     * @return the names of the files applied
     */
    List<String> applyAtStart(List<Path> files, boolean skipUnchanged) throws IOException {
        return appliedFiles.whileHoldingStartLock(() -> applyInOrder(files, skipUnchanged));
    }

    /** The start's loading itself, without the lock (tests play the node that holds it). */
    List<String> applyInOrder(List<Path> files, boolean skipUnchanged) throws IOException {
        Map<String, String> unchanged = skipUnchanged ? appliedFiles.stillApplied() : Map.of();
        String schema = appliedFiles.schemaVersion();
        boolean applying = !skipUnchanged;
        List<String> applied = new ArrayList<>();
        for (Path file : files) {
            String name = file.toString();
            ReferenceDataFile parsed = parse(name, Files.readString(file));
            String digest = digest(schema, name, parsed);
            if (!applying && digest != null && digest.equals(unchanged.get(name))) {
                LOG.infof("reference data %s unchanged since it was last applied: skipped", name);
                continue;
            }
            applying = true;
            apply(name, parsed, true, ReferenceDataWriter.Progress.NONE, counts -> {
                if (digest != null) {
                    appliedFiles.record(name, digest);
                }
            });
            applied.add(name);
        }
        return applied;
    }

    /** SHA-256 of what applying the document writes, or null when its secrets cannot be resolved (apply says why). */
    private String digest(String schema, String name, ReferenceDataFile parsed) {
        List<String> problems = new ArrayList<>();
        ReferenceDataFile resolved = resolveSecrets(parsed, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((schema + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(json.writeValueAsBytes(resolved));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses, validates and applies one file; @throws ReferenceDataException listing every problem */
    public ReferenceDataWriter.Counts load(Path file) throws IOException {
        return load(file.toString(), Files.readString(file));
    }

    /** The same for a document that did not come from a file (an upload). */
    public ReferenceDataWriter.Counts load(String name, String yamlText) {
        return apply(name, parse(name, yamlText));
    }

    /** Reads a YAML (or JSON) document; @throws ReferenceDataException when it is not one */
    public ReferenceDataFile parse(String name, String yamlText) {
        ReferenceDataFile data;
        try {
            data = yaml.readValue(yamlText, ReferenceDataFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ReferenceDataException(name, List.of("line " + e.getLocation().getLineNr() + ": unknown key '"
                    + e.getPropertyName() + "' (allowed: " + e.getKnownPropertyIds() + ")"));
        } catch (JsonProcessingException e) {
            throw new ReferenceDataException(name, List.of(e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
        }
        if (data == null) {
            throw new ReferenceDataException(name, List.of("the file is empty"));
        }
        return data;
    }

    /** Validates a parsed document whole and applies it in one transaction, or not at all. */
    public ReferenceDataWriter.Counts apply(String name, ReferenceDataFile parsed) {
        return apply(name, parsed, true, ReferenceDataWriter.Progress.NONE, counts -> {
        });
    }

    /**
     * The same, telling {@code progress} after each entry written, and calling {@code inTransaction} (an audit entry)
     * inside the transaction that writes, so both are stored or neither.
     *
     * @param resolveSecrets whether {@code ${NAME}} in secrets is read from the configuration (files); what a person
     *            types into a form is taken as it is
     */
    public ReferenceDataWriter.Counts apply(String name, ReferenceDataFile parsed, boolean resolveSecrets,
            ReferenceDataWriter.Progress progress, Consumer<ReferenceDataWriter.Counts> inTransaction) {
        return apply(name, parsed, resolveSecrets, progress, Publication.imported(name), inTransaction);
    }

    /**
     * Who publishes the catalog version a document writes when it has catalog entries or partners: the source
     * ({@code import}, {@code publish} or {@code rollback}), the person (an import from a file: {@code import}), a
     * note, and the version rolled back to.
     */
    record Publication(String source, String by, String note, Integer rolledBackTo) {

        static Publication imported(String name) {
            return new Publication(CatalogVersion.IMPORT, CatalogVersion.IMPORT, name, null);
        }
    }

    /**
     * As above, publishing a catalog version as {@code publication} in the same transaction when the document writes
     * catalog entries or partners (docs/architecture.md, "The dispatch catalog in versions").
     */
    ReferenceDataWriter.Counts apply(String name, ReferenceDataFile parsed, boolean resolveSecrets,
            ReferenceDataWriter.Progress progress, Publication publication,
            Consumer<ReferenceDataWriter.Counts> inTransaction) {
        List<String> problems = new ArrayList<>();
        ReferenceDataFile checked = resolveSecrets ? resolveSecrets(parsed, problems) : parsed;
        problems.addAll(validate(checked));
        if (!problems.isEmpty()) {
            throw new ReferenceDataException(name, problems);
        }
        ReferenceDataWriter.Counts counts = QuarkusTransaction.requiringNew().call(() -> {
            ReferenceDataWriter.Counts written = writer.apply(checked, progress);
            if (written.catalog() + written.partners() > 0) {
                versions.publishWritten(publication);
            }
            inTransaction.accept(written);
            return written;
        });
        LOG.infof("reference data %s applied: %s", name, counts);
        return counts;
    }

    /** Every problem of a document against what the database holds, as the import would find them. */
    List<String> validate(ReferenceDataFile data) {
        return QuarkusTransaction.requiringNew().call(() -> new ReferenceDataValidator(validator, knownPlaceTypes(),
                knownCatalog(), knownPartners()).validate(data));
    }

    static List<Path> files(List<String> configured) throws IOException {
        List<Path> result = new ArrayList<>();
        for (String entry : configured) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry.strip());
            if (Files.isDirectory(path)) {
                try (Stream<Path> inDir = Files.list(path)) {
                    inDir.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                            .forEach(result::add);
                }
            } else if (Files.isRegularFile(path)) {
                result.add(path);
            } else {
                throw new ReferenceDataException(entry, List.of("no such file or directory (hub.reference-data.files"
                        + ", working directory " + Path.of("").toAbsolutePath() + ")"));
            }
        }
        return result;
    }

    private Map<String, String> knownPlaceTypes() {
        return places.listAll().stream().collect(Collectors.toMap(p -> p.code, p -> p.type));
    }

    private Set<String> knownPartners() {
        return partnerRepository.listAll().stream().map(p -> p.code).collect(Collectors.toSet());
    }

    private Set<String> knownCatalog() {
        return catalog.listAll().stream().map(c -> c.code).collect(Collectors.toSet());
    }

    /** Secrets may be written as ${NAME}: taken from the environment or configuration, never from the file. */
    private static ReferenceDataFile resolveSecrets(ReferenceDataFile data, List<String> problems) {
        List<ReferenceDataFile.ApiClientData> clients = new ArrayList<>();
        for (int i = 0; i < nullToEmpty(data.apiClients()).size(); i++) {
            var c = data.apiClients().get(i);
            clients.add(new ReferenceDataFile.ApiClientData(c.code(), c.name(),
                    secret("api-clients[" + i + "] (" + c.code() + ")", "api-key", c.apiKey(), problems), c.roles()));
        }
        List<ReferenceDataFile.UserData> users = new ArrayList<>();
        for (int i = 0; i < nullToEmpty(data.users()).size(); i++) {
            var u = data.users().get(i);
            users.add(new ReferenceDataFile.UserData(u.username(), u.name(),
                    secret("users[" + i + "] (" + u.username() + ")", "password", u.password(), problems),
                    u.passwordHash(), u.roles(), u.partner()));
        }
        List<ReferenceDataFile.PartnerData> partners = new ArrayList<>();
        for (int i = 0; i < nullToEmpty(data.partners()).size(); i++) {
            var p = data.partners().get(i);
            String at = "partners[" + i + "] (" + p.code() + ")";
            var d = p.delivery();
            var delivery = d == null
                    ? null
                    : new ReferenceDataFile.Delivery(d.channel(), d.url(), secret(at, "delivery.secret", d.secret(),
                            problems));
            partners.add(new ReferenceDataFile.PartnerData(p.code(), p.type(), p.name(), p.serves(), p.services(),
                    delivery, secret(at, "api-key", p.apiKey(), problems), p.phone(), p.phones(), p.contact(),
                    p.giveUpAfter()));
        }
        return new ReferenceDataFile(data.places(), data.catalog(), data.partners() == null ? null : partners,
                data.volunteers(), data.residents(), data.apiClients() == null ? null : clients,
                data.users() == null ? null : users);
    }

    private static String secret(String at, String field, String value, List<String> problems) {
        if (value == null) {
            return null;
        }
        Matcher m = SECRET_REF.matcher(value.strip());
        if (!m.matches()) {
            return value;
        }
        var resolved = ConfigProvider.getConfig().getOptionalValue(m.group(1), String.class);
        if (resolved.isEmpty()) {
            problems.add(at + ": " + field + " refers to ${" + m.group(1) + "}, which is not set");
            return null;
        }
        return resolved.get();
    }
}
