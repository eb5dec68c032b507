package org.hotlinehub.referencedata;

import static org.hotlinehub.model.Strings.isBlank;
import static org.hotlinehub.model.Strings.nullToEmpty;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.hotlinehub.model.AttributeType;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.Coded;
import org.hotlinehub.model.DeliveryChannel;
import org.hotlinehub.model.PartnerType;
import org.hotlinehub.model.PhoneNumbers;
import org.hotlinehub.model.PlaceType;
import org.hotlinehub.model.ResidentFlags;
import org.hotlinehub.model.Urgency;
import org.hotlinehub.model.WeeklyCalendar;
import org.hotlinehub.referencedata.ReferenceDataFile.ApiClientData;
import org.hotlinehub.referencedata.ReferenceDataFile.AttributeData;
import org.hotlinehub.referencedata.ReferenceDataFile.CatalogData;
import org.hotlinehub.referencedata.ReferenceDataFile.PartnerData;
import org.hotlinehub.referencedata.ReferenceDataFile.PlaceData;
import org.hotlinehub.referencedata.ReferenceDataFile.ResidentData;
import org.hotlinehub.referencedata.ReferenceDataFile.UserData;
import org.hotlinehub.referencedata.ReferenceDataFile.ValueData;
import org.hotlinehub.referencedata.ReferenceDataFile.VolunteerData;

/**
 * Checks a whole file before anything of it is written, collecting every problem with the entry it belongs to. The
 * rules of a single field are Bean Validation constraints on the entry records, checked with one {@link Validator}
 * call per entry; rules across fields and entries (references, the type a parent place must have, date order) are
 * here.
 * Codes may refer to this file or to what the database already holds ({@code knownPlaceTypes},
 * {@code knownCatalog}).
 */
final class ReferenceDataValidator {

    private final Validator validator;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> placeTypes;
    private final Set<String> catalogCodes;
    private final Set<String> partnerCodes;

    ReferenceDataValidator(Validator validator, Map<String, String> knownPlaceTypes, Set<String> knownCatalog,
            Set<String> knownPartners) {
        this.validator = validator;
        this.placeTypes = new HashMap<>(knownPlaceTypes);
        this.catalogCodes = new HashSet<>(knownCatalog);
        this.partnerCodes = new HashSet<>(knownPartners);
    }

    List<String> validate(ReferenceDataFile file) {
        places(nullToEmpty(file.places()));
        catalog(nullToEmpty(file.catalog()));
        partners(nullToEmpty(file.partners()));
        volunteers(nullToEmpty(file.volunteers()));
        residents(nullToEmpty(file.residents()));
        apiClients(nullToEmpty(file.apiClients()));
        users(nullToEmpty(file.users()));
        return problems;
    }

    private void places(List<PlaceData> places) {
        uniqueCodes("places", places, PlaceData::code);
        places.forEach(p -> {
            if (p.code() != null && PlaceType.fromCode(nullToEmpty(p.type())).isPresent()) {
                placeTypes.put(p.code(), p.type());
            }
        });
        for (int i = 0; i < places.size(); i++) {
            PlaceData p = places.get(i);
            String at = entry("places", i, p.code());
            fieldRules(at, p);
            var type = PlaceType.fromCode(nullToEmpty(p.type()));
            if (type.isEmpty()) {
                problems.add(at + ": type '" + p.type() + "' is not one of " + Coded.codes(PlaceType.values()));
                continue;
            }
            // A grid is often known by its code alone (docs/contract.md, "Reference-data file": the example's grid has no
            // name): it shows its code.
            if ((p.name() == null || isBlank(p.name().zh())) && type.get() != PlaceType.GRID) {
                problems.add(at + ": name.zh is required");
            }
            if (type.get() == PlaceType.DISTRICT) {
                continue;
            }
            if (isBlank(p.parent())) {
                problems.add(at + ": parent is required for a " + p.type());
            } else if (!placeTypes.containsKey(p.parent())) {
                problems.add(at + ": parent '" + p.parent() + "' is not a known place");
            } else if (PlaceType.fromCode(placeTypes.get(p.parent())).map(pt -> pt.ordinal() >= type.get().ordinal())
                    .orElse(true)) {
                problems.add(at + ": parent '" + p.parent() + "' is a " + placeTypes.get(p.parent())
                        + ", which cannot contain a " + p.type());
            }
            if ((p.lat() == null) != (p.lon() == null)) {
                problems.add(at + ": give both lat and lon, or neither");
            } else if (p.lat() != null && (Math.abs(p.lat()) > 90 || Math.abs(p.lon()) > 180)) {
                problems.add(at + ": lat/lon out of range");
            }
        }
    }

    private void catalog(List<CatalogData> entries) {
        uniqueCodes("catalog", entries, CatalogData::code);
        entries.forEach(c -> {
            if (c.code() != null) {
                catalogCodes.add(c.code());
            }
        });
        for (int i = 0; i < entries.size(); i++) {
            CatalogData c = entries.get(i);
            String at = entry("catalog", i, c.code());
            fieldRules(at, c);
            if (c.name() == null || isBlank(c.name().zh())) {
                problems.add(at + ": name.zh is required");
            }
            if (Urgency.fromCode(nullToEmpty(c.urgency())).isEmpty()) {
                problems.add(at + ": urgency '" + c.urgency() + "' is not one of " + Coded.codes(Urgency.values()));
            }
            duration(at, "accept-within", c.acceptWithin(), true);
            duration(at, "resolve-within", c.resolveWithin(), true);
            partnerType(at, "party", c.party());
            nullToEmpty(c.fallback()).forEach(f -> partnerType(at, "fallback", f));
            attributes(at, nullToEmpty(c.attributes()));
        }
    }

    private void attributes(String entry, List<AttributeData> attributes) {
        uniqueCodes(entry + ": attributes", attributes, AttributeData::code);
        Set<Integer> orders = new HashSet<>();
        for (int i = 0; i < attributes.size(); i++) {
            AttributeData a = attributes.get(i);
            String at = entry + ": attributes[" + i + "]" + (a.code() == null ? "" : " (" + a.code() + ")");
            fieldRules(at, a);
            if (a.description() == null || isBlank(a.description().zh())) {
                problems.add(at + ": description.zh is required");
            }
            if (a.order() != null && (a.order() < 1 || !orders.add(a.order()))) {
                problems.add(at + ": order must be a positive number used by no other attribute of the entry");
            }
            var type = AttributeType.fromCode(nullToEmpty(a.datatype()));
            if (type.isEmpty()) {
                problems.add(
                        at + ": datatype '" + a.datatype() + "' is not one of " + Coded.codes(AttributeType.values()));
            } else if (type.get().hasValues() && nullToEmpty(a.values()).isEmpty()) {
                problems.add(at + ": a " + a.datatype() + " needs values");
            } else if (!type.get().hasValues() && !nullToEmpty(a.values()).isEmpty()) {
                problems.add(at + ": only singlevaluelist and multivaluelist take values");
            }
            uniqueCodes(at + ": values", nullToEmpty(a.values()), ValueData::key);
            nullToEmpty(a.values()).forEach(v -> {
                if (isBlank(v.key()) || v.name() == null || isBlank(v.name().zh())) {
                    problems.add(at + ": every value needs a key and name.zh");
                }
            });
        }
    }

    private void apiClients(List<ApiClientData> clients) {
        uniqueCodes("api-clients", clients, ApiClientData::code);
        for (int i = 0; i < clients.size(); i++) {
            ApiClientData c = clients.get(i);
            String at = entry("api-clients", i, c.code());
            fieldRules(at, c);
            if (isBlank(c.apiKey()) || c.apiKey().strip().length() < 16) {
                problems.add(at + ": api-key is required and must have at least 16 characters");
            }
            roles(at, c.roles());
        }
    }

    private void users(List<UserData> users) {
        uniqueCodes("users", users, UserData::username);
        for (int i = 0; i < users.size(); i++) {
            UserData u = users.get(i);
            String at = entry("users", i, u.username());
            fieldRules(at, u);
            if (isBlank(u.password()) == isBlank(u.passwordHash())) {
                problems.add(at + ": give either password (e.g. ${ENV_NAME}) or password-hash (bcrypt), not both");
            } else if (!isBlank(u.passwordHash()) && !u.passwordHash().matches("\\$2[aby]?\\$\\d{2}\\$.{53}")) {
                problems.add(at + ": password-hash is not a bcrypt hash ($2a$10$…)");
            } else if (!isBlank(u.password()) && u.password().length() < 8) {
                problems.add(at + ": password must have at least 8 characters");
            }
            roles(at, u.roles());
            boolean partnerRole = nullToEmpty(u.roles()).contains(Caller.PARTNER);
            if (partnerRole && (isBlank(u.partner()) || !partnerCodes.contains(u.partner()))) {
                problems.add(at + ": a user with role partner needs partner: <code of a known partner>"
                        + (isBlank(u.partner()) ? "" : " ('" + u.partner() + "' is unknown)"));
            } else if (partnerRole && nullToEmpty(u.roles()).size() > 1) {
                problems.add(at + ": a partner's portal user has the role partner only");
            } else if (!partnerRole && !isBlank(u.partner())) {
                problems.add(at + ": partner: is only for users with role partner");
            }
        }
    }

    private void roles(String at, List<String> roles) {
        if (nullToEmpty(roles).isEmpty()) {
            problems.add(at + ": roles must name at least one of " + new java.util.TreeSet<>(Caller.ROLES));
        }
        nullToEmpty(roles).stream().filter(r -> !Caller.ROLES.contains(r))
                .forEach(r -> problems.add(at + ": unknown role '" + r + "' (" + new java.util.TreeSet<>(Caller.ROLES)
                        + ")"));
    }

    private void partners(List<PartnerData> partners) {
        uniqueCodes("partners", partners, PartnerData::code);
        partners.stream().map(PartnerData::code).filter(c -> c != null).forEach(partnerCodes::add);
        for (int i = 0; i < partners.size(); i++) {
            PartnerData p = partners.get(i);
            String at = entry("partners", i, p.code());
            fieldRules(at, p);
            partnerType(at, "type", p.type());
            if (p.name() == null || isBlank(p.name().zh())) {
                problems.add(at + ": name.zh is required");
            }
            if (nullToEmpty(p.serves()).isEmpty()) {
                problems.add(at + ": serves must name at least one place");
            }
            nullToEmpty(p.serves()).stream().filter(s -> !placeTypes.containsKey(s))
                    .forEach(s -> problems.add(at + ": serves: unknown place '" + s + "'"));
            nullToEmpty(p.services()).stream().filter(s -> !catalogCodes.contains(s))
                    .forEach(s -> problems.add(at + ": services: unknown catalog entry '" + s + "'"));
            delivery(at, p.delivery());
            if (p.phone() != null && PhoneNumbers.normalize(p.phone()).isEmpty()) {
                problems.add(at + ": phone '" + p.phone() + "' is not a phone number");
            }
            nullToEmpty(p.phones()).stream().filter(ph -> PhoneNumbers.normalize(ph).isEmpty())
                    .forEach(ph -> problems.add(at + ": phones: '" + ph + "' is not a phone number"));
            if (p.giveUpAfter() != null) {
                duration(at, "give-up-after", p.giveUpAfter(), false);
            }
        }
    }

    private void delivery(String at, ReferenceDataFile.Delivery d) {
        if (d == null || DeliveryChannel.fromCode(nullToEmpty(d.channel())).isEmpty()) {
            problems.add(at + ": delivery.channel must be one of " + Coded.codes(DeliveryChannel.values()));
            return;
        }
        if (DeliveryChannel.fromCode(d.channel()).get() == DeliveryChannel.WEBHOOK) {
            try {
                URI uri = URI.create(nullToEmpty(d.url()));
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    problems.add(at + ": delivery.url '" + d.url() + "' must be an http(s) URL");
                }
            } catch (IllegalArgumentException e) {
                problems.add(at + ": delivery.url '" + d.url() + "' is not a URL");
            }
            if (isBlank(d.secret())) {
                problems.add(at + ": delivery.secret is required for a webhook (it signs every delivery)");
            }
        }
    }

    private void volunteers(List<VolunteerData> volunteers) {
        uniqueCodes("volunteers", volunteers, VolunteerData::code);
        for (int i = 0; i < volunteers.size(); i++) {
            VolunteerData v = volunteers.get(i);
            String at = entry("volunteers", i, v.code());
            fieldRules(at, v);
            if (PhoneNumbers.normalize(v.phone()).isEmpty()) {
                problems.add(at + ": phone '" + v.phone() + "' is not a phone number");
            }
            if (v.grid() != null && !"grid".equals(placeTypes.get(v.grid()))) {
                problems.add(at + ": grid '" + v.grid() + "' is not a known grid");
            }
            try {
                WeeklyCalendar.parse(v.onDuty());
            } catch (IllegalArgumentException e) {
                problems.add(at + ": on-duty " + e.getMessage());
            }
            for (var u : nullToEmpty(v.unavailable())) {
                try {
                    if (!OffsetDateTime.parse(u.until()).isAfter(OffsetDateTime.parse(u.from()))) {
                        problems.add(at + ": unavailable until " + u.until() + " is not after " + u.from());
                    }
                } catch (RuntimeException e) {
                    problems.add(at + ": unavailable needs from and until like 2026-12-01T00:00+08:00");
                }
            }
        }
    }

    private void residents(List<ResidentData> residents) {
        uniqueCodes("residents", residents, r -> PhoneNumbers.normalize(r.phone()).orElse(r.phone()));
        for (int i = 0; i < residents.size(); i++) {
            ResidentData r = residents.get(i);
            String at = entry("residents", i, r.phone());
            if (PhoneNumbers.normalize(r.phone()).isEmpty()) {
                problems.add(at + ": phone '" + r.phone() + "' is not a phone number");
            }
            if (r.place() != null && !placeTypes.containsKey(r.place())) {
                problems.add(at + ": place '" + r.place() + "' is not a known place");
            }
            fieldRules(at, r);
            nullToEmpty(r.emergencyContacts()).stream().filter(c -> PhoneNumbers.normalize(c).isEmpty())
                    .forEach(c -> problems.add(at + ": emergency contact '" + c + "' is not a phone number"));
            checkIn(at, r);
        }
    }

    /**
     * A daily check-in is for a registered elderly or disabled resident, whom call assurance serves (its time of day is
     * checked by the field's own rule).
     */
    private void checkIn(String at, ResidentData r) {
        if (r.checkIn() != null && nullToEmpty(r.flags()).stream().noneMatch(ResidentFlags.VULNERABLE::contains)) {
            problems.add(
                    at + ": check-in is for elderly or disabled residents (flags " + ResidentFlags.VULNERABLE + ")");
        }
    }

    private void partnerType(String at, String field, String type) {
        if (PartnerType.fromCode(nullToEmpty(type)).isEmpty()) {
            problems.add(at + ": " + field + " '" + type + "' is not a partner type ("
                    + Coded.codes(PartnerType.values()) + ")");
        }
    }

    private void duration(String at, String field, String value, boolean required) {
        if (isBlank(value)) {
            if (required) {
                problems.add(at + ": " + field + " is required (ISO-8601, e.g. PT30M)");
            }
            return;
        }
        try {
            if (Duration.parse(value).isNegative() || Duration.parse(value).isZero()) {
                problems.add(at + ": " + field + " must be positive");
            }
        } catch (DateTimeParseException e) {
            problems.add(at + ": " + field + " '" + value + "' is not an ISO-8601 duration such as PT30M or P2D");
        }
    }

    private <T> void uniqueCodes(String section, List<T> entries, Function<T, String> code) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String c = code.apply(entries.get(i));
            if (c != null && !seen.add(c)) {
                problems.add(entry(section, i, c) + ": appears more than once in this file");
            }
        }
    }

    /**
     * The rules of single fields of an entry (its constraints in {@link ReferenceDataFile}, whose messages are the
     * problem texts), in the order of its fields and, for one field, "is required" first.
     */
    private void fieldRules(String at, Record entry) {
        List<String> fields = Arrays.stream(entry.getClass().getRecordComponents()).map(RecordComponent::getName)
                .toList();
        Comparator<ConstraintViolation<Record>> order = Comparator
                .comparingInt(v -> fields.indexOf(v.getPropertyPath().toString()));
        validator.validate(entry).stream()
                .sorted(order.thenComparing(v -> !(v.getConstraintDescriptor().getAnnotation() instanceof Required)))
                .forEach(v -> problems.add(at + ": " + v.getMessage()));
    }

    private static String entry(String section, int index, String code) {
        return section + "[" + index + "]" + (code == null ? "" : " (" + code + ")");
    }
}
