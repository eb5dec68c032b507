package org.hotlinehub.referencedata;

import static org.hotlinehub.model.Strings.nullToEmpty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.dispatch.PartnerWorkService;
import org.hotlinehub.model.AttributeType;
import org.hotlinehub.model.CatalogAttribute;
import org.hotlinehub.model.PhoneNumbers;
import org.hotlinehub.model.PlaceType;
import org.hotlinehub.model.port.ReferenceAdmin.Kind;
import org.hotlinehub.referencedata.ReferenceDataFile.ApiClientData;
import org.hotlinehub.referencedata.ReferenceDataFile.AttributeData;
import org.hotlinehub.referencedata.ReferenceDataFile.CatalogData;
import org.hotlinehub.referencedata.ReferenceDataFile.PartnerData;
import org.hotlinehub.referencedata.ReferenceDataFile.PlaceData;
import org.hotlinehub.referencedata.ReferenceDataFile.ResidentData;
import org.hotlinehub.referencedata.ReferenceDataFile.UserData;
import org.hotlinehub.referencedata.ReferenceDataFile.VolunteerData;
import org.hotlinehub.store.ApiClientEntity;
import org.hotlinehub.store.ApiClientRepository;
import org.hotlinehub.store.CatalogEntryEntity;
import org.hotlinehub.store.CatalogRepository;
import org.hotlinehub.store.HubUserEntity;
import org.hotlinehub.store.HubUserRepository;
import org.hotlinehub.store.PartnerEntity;
import org.hotlinehub.store.PartnerRepository;
import org.hotlinehub.store.PlaceEntity;
import org.hotlinehub.store.PlaceRepository;
import org.hotlinehub.store.ResidentEntity;
import org.hotlinehub.store.ResidentRepository;
import org.hotlinehub.store.VolunteerEntity;
import org.hotlinehub.store.VolunteerRepository;
import org.hotlinehub.store.VolunteerUnavailabilityEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.elytron.security.common.BcryptUtil;

/** Upserts a validated file, and retires entries, by code (residents by phone), in the caller's transaction. */
@ApplicationScoped
public class ReferenceDataWriter {

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
    ApiClientRepository apiClients;
    @Inject
    HubUserRepository users;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    public record Counts(int places, int catalog, int partners, int volunteers, int residents, int apiClients,
            int users) {

        /** The counts of the five reference kinds, named as an import's report names them, in the file's order. */
        public Map<String, Integer> byKind() {
            Map<String, Integer> byKind = new LinkedHashMap<>();
            byKind.put("places", places);
            byKind.put("catalog", catalog);
            byKind.put("partners", partners);
            byKind.put("volunteers", volunteers);
            byKind.put("residents", residents);
            return byKind;
        }
    }

    /** Told after each entry written, so a long import can show how far it is. */
    @FunctionalInterface
    public interface Progress {

        Progress NONE = (done, total) -> {
        };

        void written(int done, int total);
    }

    Counts apply(ReferenceDataFile file) {
        return apply(file, Progress.NONE);
    }

    /**
     * Deactivates the place, catalog entry, partner or volunteer with this code, or unregisters the resident with this
     * phone.
     *
     * @return false when there is no such entry
     */
    boolean deactivate(Kind kind, String code) {
        return switch (kind) {
            case PLACES -> places.findByCode(code).map(p -> p.active = false).isPresent();
            case CATALOG -> catalog.findByCode(code).map(c -> c.active = false).isPresent();
            case PARTNERS -> partners.findByCode(code).map(p -> p.active = false).isPresent();
            case VOLUNTEERS -> volunteers.findByCode(code).map(v -> v.active = false).isPresent();
            case RESIDENTS -> PhoneNumbers.normalize(code).flatMap(residents::findByPhone)
                    .map(r -> r.registered = false).isPresent();
        };
    }

    /** Whether there is an entry with this code (a resident with this phone), active or not. */
    boolean exists(Kind kind, String code) {
        return switch (kind) {
            case PLACES -> places.findByCode(code).isPresent();
            case CATALOG -> catalog.findByCode(code).isPresent();
            case PARTNERS -> partners.findByCode(code).isPresent();
            case VOLUNTEERS -> volunteers.findByCode(code).isPresent();
            case RESIDENTS -> PhoneNumbers.normalize(code).flatMap(residents::findByPhone).isPresent();
        };
    }

    Counts apply(ReferenceDataFile file, Progress progress) {
        List<PlaceData> placeData = new ArrayList<>(nullToEmpty(file.places()));
        placeData.sort(Comparator.comparingInt(p -> PlaceType.fromCode(p.type()).orElseThrow().ordinal()));
        int total = placeData.size() + nullToEmpty(file.catalog()).size() + nullToEmpty(file.partners()).size()
                + nullToEmpty(file.volunteers()).size() + nullToEmpty(file.residents()).size()
                + nullToEmpty(file.apiClients()).size() + nullToEmpty(file.users()).size();
        int[] done = {0};
        placeData.forEach(counted(this::place, done, total, progress));
        places.flush();
        nullToEmpty(file.catalog()).forEach(counted(this::catalogEntry, done, total, progress));
        nullToEmpty(file.partners()).forEach(counted(this::partner, done, total, progress));
        nullToEmpty(file.volunteers()).forEach(counted(this::volunteer, done, total, progress));
        nullToEmpty(file.residents()).forEach(counted(this::resident, done, total, progress));
        nullToEmpty(file.apiClients()).forEach(counted(this::apiClient, done, total, progress));
        nullToEmpty(file.users()).forEach(counted(this::user, done, total, progress));
        return new Counts(placeData.size(), nullToEmpty(file.catalog()).size(), nullToEmpty(file.partners()).size(),
                nullToEmpty(file.volunteers()).size(), nullToEmpty(file.residents()).size(),
                nullToEmpty(file.apiClients()).size(), nullToEmpty(file.users()).size());
    }

    private void place(PlaceData d) {
        PlaceEntity p = places.findByCode(d.code()).orElseGet(PlaceEntity::new);
        p.code = d.code();
        p.type = d.type();
        p.parent = d.parent() == null ? null : places.findByCode(d.parent()).orElseThrow();
        boolean named = d.name() != null && d.name().zh() != null && !d.name().zh().isBlank();
        // an unnamed grid (the validator allows only those) is shown by its code
        p.nameZh = named ? d.name().zh() : d.code();
        p.nameEn = d.name() == null ? null : d.name().en();
        p.aliases = new ArrayList<>(nullToEmpty(d.aliases()));
        p.address = d.address();
        p.lat = d.lat();
        p.lon = d.lon();
        p.active = true;
        p.updatedAt = clock.instant();
        places.persist(p);
    }

    private void catalogEntry(CatalogData d) {
        CatalogEntryEntity c = catalog.findByCode(d.code()).orElseGet(CatalogEntryEntity::new);
        boolean changed = c.id != null;
        c.code = d.code();
        c.nameZh = d.name().zh();
        c.nameEn = d.name().en();
        c.groupCode = d.group();
        c.keywordsZh = new ArrayList<>(d.keywords() == null ? List.of() : nullToEmpty(d.keywords().zh()));
        c.keywordsEn = new ArrayList<>(d.keywords() == null ? List.of() : nullToEmpty(d.keywords().en()));
        c.urgency = d.urgency();
        c.acceptWithinSeconds = Duration.parse(d.acceptWithin()).toSeconds();
        c.resolveWithinSeconds = Duration.parse(d.resolveWithin()).toSeconds();
        c.partyType = d.party();
        c.fallbackTypes = new ArrayList<>(nullToEmpty(d.fallback()));
        c.skills = new ArrayList<>(nullToEmpty(d.skills()));
        c.attributes = attributesJson(nullToEmpty(d.attributes()));
        c.incidents = Boolean.TRUE.equals(d.incidents());
        c.active = true;
        if (changed) {
            c.version++;
        }
        c.updatedAt = clock.instant();
        catalog.persist(c);
    }

    private String attributesJson(List<AttributeData> attributes) {
        List<CatalogAttribute> out = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            AttributeData a = attributes.get(i);
            out.add(new CatalogAttribute(a.code(), AttributeType.fromCode(a.datatype()).orElseThrow(),
                    Boolean.TRUE.equals(a.required()), a.variable() == null || a.variable(),
                    a.order() == null ? i + 1 : a.order(), a.description().zh(), a.description().en(),
                    a.datatypeDescription(), nullToEmpty(a.values()).stream()
                            .map(v -> new CatalogAttribute.Value(v.key(), v.name().zh(), v.name().en())).toList()));
        }
        out.sort(Comparator.comparingInt(CatalogAttribute::order));
        try {
            return json.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void apiClient(ApiClientData d) {
        ApiClientEntity c = apiClients.findByCode(d.code()).orElseGet(ApiClientEntity::new);
        c.code = d.code();
        c.name = d.name();
        c.keyHash = ApiAccessQueries.hashKey(d.apiKey().strip());
        c.roles = new ArrayList<>(d.roles());
        c.active = true;
        c.updatedAt = clock.instant();
        apiClients.persist(c);
    }

    private void user(UserData d) {
        HubUserEntity u = users.findByUsername(d.username()).orElseGet(HubUserEntity::new);
        u.username = d.username();
        u.displayName = d.name();
        String oldHash = u.passwordHash;
        List<String> oldRoles = u.roles == null ? List.of() : List.copyOf(u.roles);
        PartnerEntity oldPartner = u.partner;
        boolean samePassword = d.passwordHash() == null && d.password() != null && oldHash != null
                && BcryptUtil.matches(d.password(), oldHash);
        u.passwordHash = d.passwordHash() != null
                ? d.passwordHash()
                : samePassword ? oldHash : BcryptUtil.bcryptHash(d.password());
        u.roles = new ArrayList<>(d.roles());
        u.partner = d.partner() == null ? null : partners.findByCode(d.partner()).orElseThrow();
        if (u.id != null && (!u.passwordHash.equals(oldHash) || !new HashSet<>(oldRoles).equals(new HashSet<>(u.roles))
                || oldPartner != u.partner)) {
            // a new password, role or partner ends the user's sessions (and remembered API credentials)
            u.sessionVersion++;
        }
        u.active = true;
        u.updatedAt = clock.instant();
        users.persist(u);
    }

    private void partner(PartnerData d) {
        PartnerEntity p = partners.findByCode(d.code()).orElseGet(PartnerEntity::new);
        p.code = d.code();
        p.type = d.type();
        p.nameZh = d.name().zh();
        p.nameEn = d.name().en();
        p.deliveryChannel = d.delivery().channel();
        p.webhookUrl = d.delivery().url();
        p.webhookSecret = d.delivery().secret();
        p.apiKeyHash = d.apiKey() == null ? p.apiKeyHash : PartnerWorkService.hashApiKey(d.apiKey());
        p.phone = d.phone() == null ? null : PhoneNumbers.normalize(d.phone()).orElseThrow();
        p.phones = new ArrayList<>(nullToEmpty(d.phones()).stream().map(ph -> PhoneNumbers.normalize(ph).orElseThrow())
                .distinct().toList());
        p.contact = d.contact();
        p.giveUpAfterSeconds = d.giveUpAfter() == null ? null : Duration.parse(d.giveUpAfter()).toSeconds();
        p.areas = new HashSet<>(d.serves().stream().map(s -> places.findByCode(s).orElseThrow()).toList());
        p.services = new HashSet<>(nullToEmpty(d.services()));
        p.active = true;
        p.updatedAt = clock.instant();
        partners.persist(p);
    }

    private void volunteer(VolunteerData d) {
        VolunteerEntity v = volunteers.findByCode(d.code()).orElseGet(VolunteerEntity::new);
        v.code = d.code();
        v.name = d.name();
        v.phone = PhoneNumbers.normalize(d.phone()).orElseThrow();
        v.grid = d.grid() == null ? null : places.findByCode(d.grid()).orElseThrow();
        v.skills = new ArrayList<>(nullToEmpty(d.skills()));
        v.onDuty = new ArrayList<>(nullToEmpty(d.onDuty()));
        v.active = true;
        v.updatedAt = clock.instant();
        volunteers.persist(v);
        if (d.unavailable() != null) {
            VolunteerUnavailabilityEntity.delete("volunteerId", v.id);
            for (var u : d.unavailable()) {
                VolunteerUnavailabilityEntity period = new VolunteerUnavailabilityEntity();
                period.volunteerId = v.id;
                period.startsAt = OffsetDateTime.parse(u.from()).toInstant();
                period.endsAt = OffsetDateTime.parse(u.until()).toInstant();
                period.reason = u.reason();
                period.persist();
            }
        }
    }

    private void resident(ResidentData d) {
        String phone = PhoneNumbers.normalize(d.phone()).orElseThrow();
        ResidentEntity r = residents.findByPhone(phone).orElseGet(ResidentEntity::new);
        r.phone = phone;
        r.name = d.name();
        r.address = d.address();
        r.place = d.place() == null ? null : places.findByCode(d.place()).orElseThrow();
        r.flags = new ArrayList<>(nullToEmpty(d.flags()));
        r.language = d.language() == null ? "zh" : d.language();
        r.emergencyContacts = new ArrayList<>(nullToEmpty(d.emergencyContacts()).stream()
                .map(c -> PhoneNumbers.normalize(c).orElseThrow()).toList());
        r.checkInBy = d.checkIn() == null ? null : java.time.LocalTime.parse(d.checkIn().by());
        r.registered = true;
        r.updatedAt = clock.instant();
        if (r.id == null) {
            r.createdAt = r.updatedAt;
        }
        residents.persist(r);
    }

    private static <T> java.util.function.Consumer<T> counted(java.util.function.Consumer<T> write, int[] done,
            int total, Progress progress) {
        return entry -> {
            write.accept(entry);
            progress.written(++done[0], total);
        };
    }
}
