package org.hotlinehub.referencedata;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One reference-data file as written (docs/contract.md, "Reference-data file"). Unknown keys are errors. The rules of
 * a single field of an entry are its constraints, each with the problem text of the import's row report as message;
 * rules across fields or entries are checked by {@link ReferenceDataValidator}.
 */
public record ReferenceDataFile(
        List<PlaceData> places,
        List<CatalogData> catalog,
        List<PartnerData> partners,
        List<VolunteerData> volunteers,
        List<ResidentData> residents,
        @JsonProperty("api-clients") List<ApiClientData> apiClients,
        List<UserData> users) {

    /** A file without API clients and users (what callers that build files in code, e.g. CSV imports, write). */
    public ReferenceDataFile(List<PlaceData> places, List<CatalogData> catalog, List<PartnerData> partners,
            List<VolunteerData> volunteers, List<ResidentData> residents) {
        this(places, catalog, partners, volunteers, residents, null, null);
    }

    public record Names(String zh, String en) {
    }

    public record PlaceData(@Required(message = "code is required") String code, String type, String parent, Names name,
            List<String> aliases,
            String address, Double lat, Double lon) {
    }

    public record Keywords(List<String> zh, List<String> en) {
    }

    public record CatalogData(@Required(message = "code is required") String code, Names name, String group,
            Keywords keywords, String urgency,
            @JsonProperty("accept-within") String acceptWithin,
            @JsonProperty("resolve-within") String resolveWithin,
            String party,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> fallback,
            List<String> skills,
            List<AttributeData> attributes,
            Boolean incidents) {

        /** An entry without custom attributes. */
        public CatalogData(String code, Names name, String group, Keywords keywords, String urgency,
                String acceptWithin, String resolveWithin, String party, List<String> fallback, List<String> skills) {
            this(code, name, group, keywords, urgency, acceptWithin, resolveWithin, party, fallback, skills, null,
                    null);
        }
    }

    /** A custom attribute of a catalog entry (an Open311 service-definition attribute). */
    public record AttributeData(
            @Required(message = "code is required") @Pattern(regexp = "[A-Za-z0-9_\\-]+", message = "code may contain only letters, digits, '-' and '_'") String code,
            String datatype, Boolean required, Boolean variable, Integer order,
            Names description, @JsonProperty("datatype-description") String datatypeDescription,
            List<ValueData> values) {
    }

    public record ValueData(String key, Names name) {
    }

    /** A system calling the APIs with a key: {@code roles} from operator, supervisor, admin, open311. */
    public record ApiClientData(@Required(message = "code is required") String code,
            @Required(message = "name is required") String name, @JsonProperty("api-key") String apiKey,
            List<String> roles) {
    }

    /** A console/API user; the password as a bcrypt hash, or in clear (hashed on load) from the environment. */
    /** A staff user, or a partner's portal user ({@code partner} set, role {@code partner}). */
    public record UserData(@Required(message = "username is required") String username, String name, String password,
            @JsonProperty("password-hash") String passwordHash, List<String> roles, String partner) {
    }

    public record Delivery(String channel, String url, String secret) {
    }

    public record PartnerData(@Required(message = "code is required") String code, String type, Names name,
            List<String> serves, List<String> services,
            Delivery delivery, @JsonProperty("api-key") String apiKey, String phone, List<String> phones,
            String contact,
            @JsonProperty("give-up-after") String giveUpAfter) {
    }

    public record VolunteerData(@Required(message = "code is required") String code,
            @Required(message = "name is required") String name, String phone, String grid, List<String> skills,
            @JsonProperty("on-duty") List<String> onDuty, List<Unavailable> unavailable) {
    }

    /** An ad-hoc absence; ISO-8601 date-times with offset, e.g. 2026-12-01T00:00+08:00. */
    public record Unavailable(String from, String until, String reason) {
    }

    public record ResidentData(String phone, String name, String address, String place, List<String> flags,
            @Pattern(regexp = "zh|en", message = "language must be zh or en") String language,
            @JsonProperty("emergency-contacts") List<String> emergencyContacts,
            @Valid @JsonProperty("check-in") CheckIn checkIn) {
    }

    /**
     * A resident's daily check-in (call assurance): {@code by} is the local time of day (hub.deadlines.zone), e.g.
     * {@code 10:00}, after which a day without a check-in raises an emergency.
     */
    public record CheckIn(
            @Required(message = "check-in.by is required (a time of day like 10:00)") @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "check-in.by must be a time of day like 10:00") String by) {
    }
}
