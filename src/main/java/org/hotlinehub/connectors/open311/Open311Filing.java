package org.hotlinehub.connectors.open311;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotlinehub.model.AttributeAnswers;
import org.hotlinehub.model.InputLimits;
import org.hotlinehub.model.InputText;
import org.hotlinehub.model.PhoneNumbers;
import org.hotlinehub.model.PlaceType;
import org.hotlinehub.model.ServiceDefinition;
import org.hotlinehub.model.port.PlaceDirectory;

/**
 * The fields of one POST requests, read and checked: a location (lat and long, address_string or address_id, a place
 * code of the hub), optional contact details, description, media URL and the service's attributes. Every problem is
 * collected, so the client hears all of them at once.
 */
record Open311Filing(
        Double lat,
        Double lon,
        String address,
        String addressId,
        String phone,
        String name,
        String description,
        String mediaUrl,
        Map<String, List<String>> attributes,
        List<String> problems) {

    /** The longest value of each text field (InputLimits), checked before anything else. */
    private static final List<Map.Entry<String, Integer>> LIMITS = List.of(
            Map.entry("description", InputLimits.DESCRIPTION), Map.entry("address_string", InputLimits.ADDRESS),
            Map.entry("address_id", InputLimits.CODE), Map.entry("first_name", InputLimits.NAME),
            Map.entry("last_name", InputLimits.NAME), Map.entry("email", InputLimits.EMAIL),
            Map.entry("phone", InputLimits.PHONE), Map.entry("media_url", InputLimits.URL),
            Map.entry("lat", InputLimits.TERM), Map.entry("long", InputLimits.TERM),
            Map.entry("account_id", InputLimits.TERM), Map.entry("device_id", InputLimits.TERM));

    static Open311Filing read(Map<String, List<String>> form, ServiceDefinition service, PlaceDirectory places) {
        List<String> problems = new ArrayList<>();
        LIMITS.forEach(limit -> {
            String problem = InputText.tooLong(limit.getKey(), Open311Resource.one(form, limit.getKey()),
                    limit.getValue());
            if (problem != null) {
                problems.add(problem);
            }
        });
        String latText = Open311Resource.one(form, "lat");
        String lonText = Open311Resource.one(form, "long");
        Double lat = null;
        Double lon = null;
        if ((latText == null) != (lonText == null)) {
            problems.add("lat and long must be sent together");
        } else if (latText != null) {
            lat = coordinate(latText, 90, "lat", problems);
            lon = coordinate(lonText, 180, "long", problems);
        }
        String address = Open311Resource.one(form, "address_string");
        String addressId = Open311Resource.one(form, "address_id");
        if (latText == null && address == null && addressId == null) {
            problems.add("a location is required: lat and long, address_string or address_id");
        }
        if (addressId != null && places.find(addressId).filter(p -> p.type().ordinal() >= PlaceType.COMMUNITY
                .ordinal()).isEmpty()) {
            problems.add("address_id '" + addressId + "' is not a known community, grid, compound or building");
        }
        String rawPhone = Open311Resource.one(form, "phone");
        Optional<String> phone = PhoneNumbers.normalize(rawPhone);
        if (rawPhone != null && phone.isEmpty()) {
            problems.add("phone '" + rawPhone + "' is not a phone number");
        }
        String email = Open311Resource.one(form, "email");
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add("email '" + email + "' is not an email address");
        }
        String description = Open311Resource.one(form, "description");
        String mediaUrl = Open311Resource.one(form, "media_url");
        if (mediaUrl != null && !isHttpUrl(mediaUrl)) {
            problems.add("media_url '" + mediaUrl + "' is not an http(s) URL");
        }
        Map<String, List<String>> attributes = AttributeAnswers.parse(form);
        problems.addAll(AttributeAnswers.check(service, attributes));
        return new Open311Filing(lat, lon, address, addressId, phone.orElse(null), name(form), description, mediaUrl,
                attributes, problems);
    }

    private static Double coordinate(String text, double limit, String field, List<String> problems) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value) && Math.abs(value) <= limit) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(field + " '" + text + "' is not a WGS84 coordinate between -" + (int) limit + " and "
                + (int) limit);
        return null;
    }

    /** Chinese names are written family name first, without a space. */
    private static String name(Map<String, List<String>> form) {
        String first = Open311Resource.one(form, "first_name");
        String last = Open311Resource.one(form, "last_name");
        if (first == null || last == null) {
            return first != null ? first : last;
        }
        boolean chinese = (first + last).codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return chinese ? last + first : first + " " + last;
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
