package org.hotlinehub.referencedata;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One reference-data file as written (contract.md, "Reference-data file"). Unknown keys are errors. */
public record ReferenceDataFile(
        List<PlaceData> places,
        List<CatalogData> catalog,
        List<PartnerData> partners,
        List<VolunteerData> volunteers,
        List<ResidentData> residents) {

    public record Names(String zh, String en) {
    }

    public record PlaceData(String code, String type, String parent, Names name, List<String> aliases,
            String address, Double lat, Double lon) {
    }

    public record Keywords(List<String> zh, List<String> en) {
    }

    public record CatalogData(String code, Names name, String group, Keywords keywords, String urgency,
            @JsonProperty("accept-within") String acceptWithin,
            @JsonProperty("resolve-within") String resolveWithin,
            String party,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> fallback,
            List<String> skills) {
    }

    public record Delivery(String channel, String url, String secret) {
    }

    public record PartnerData(String code, String type, Names name, List<String> serves, List<String> services,
            Delivery delivery, @JsonProperty("api-key") String apiKey, String phone, String contact,
            @JsonProperty("give-up-after") String giveUpAfter) {
    }

    public record VolunteerData(String code, String name, String phone, String grid, List<String> skills,
            @JsonProperty("on-duty") List<String> onDuty, List<Unavailable> unavailable) {
    }

    /** An ad-hoc absence; ISO-8601 date-times with offset, e.g. 2026-12-01T00:00+08:00. */
    public record Unavailable(String from, String until, String reason) {
    }

    public record ResidentData(String phone, String name, String address, String place, List<String> flags,
            String language, @JsonProperty("emergency-contacts") List<String> emergencyContacts) {
    }
}
