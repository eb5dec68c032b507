package org.hotlinehub.referencedata;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hotlinehub.model.Strings;
import org.hotlinehub.model.port.ReferenceAdmin.Kind;
import org.hotlinehub.referencedata.ReferenceDataFile.CatalogData;
import org.hotlinehub.referencedata.ReferenceDataFile.Delivery;
import org.hotlinehub.referencedata.ReferenceDataFile.Keywords;
import org.hotlinehub.referencedata.ReferenceDataFile.Names;
import org.hotlinehub.referencedata.ReferenceDataFile.PartnerData;
import org.hotlinehub.referencedata.ReferenceDataFile.PlaceData;
import org.hotlinehub.referencedata.ReferenceDataFile.ResidentData;
import org.hotlinehub.referencedata.ReferenceDataFile.VolunteerData;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Reads one kind of reference data from CSV with a header row (the YAML keys of docs/contract.md, "Reference-data
 * file", as columns, {@code name_zh} and {@code name_en} for names, lists separated by {@code ;}) into the same
 * document the YAML loader checks.
 */
final class CsvReferenceData {

    static final Map<Kind, List<String>> COLUMNS = Map.of(
            Kind.PLACES, List.of("code", "type", "parent", "name_zh", "name_en", "aliases", "address", "lat", "lon"),
            Kind.CATALOG, List.of("code", "name_zh", "name_en", "group", "keywords_zh", "keywords_en", "urgency",
                    "accept-within", "resolve-within", "party", "fallback", "skills", "incidents"),
            Kind.PARTNERS, List.of("code", "type", "name_zh", "name_en", "serves", "services", "channel", "url",
                    "secret", "api-key", "phone", "phones", "contact", "give-up-after"),
            Kind.VOLUNTEERS, List.of("code", "name", "phone", "grid", "skills", "on-duty"),
            Kind.RESIDENTS, List.of("phone", "name", "address", "place", "flags", "language", "emergency-contacts",
                    "check-in-by"));

    private CsvReferenceData() {
    }

    /** @throws ReferenceDataException for a header that is not the kind's, or a file that is not CSV */
    static ReferenceDataFile parse(String source, Kind kind, String csv) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.strip())) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        } catch (IOException | RuntimeException e) {
            throw new ReferenceDataException(source, List.of("not readable as CSV: " + e.getMessage()));
        }
        Set<String> allowed = Set.copyOf(COLUMNS.get(kind));
        List<String> unknown = rows.isEmpty()
                ? List.of()
                : rows.get(0).keySet().stream().filter(c -> !allowed.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw new ReferenceDataException(source, List.of("row 1: unknown column(s) " + unknown + " for "
                    + kind.name().toLowerCase() + " (allowed: " + COLUMNS.get(kind) + ")"));
        }
        return file(kind, rows);
    }

    /** A document of one kind from rows keyed by the kind's columns (a CSV file, or one form). */
    static ReferenceDataFile file(Kind kind, List<Map<String, String>> rows) {
        return switch (kind) {
            case PLACES -> new ReferenceDataFile(rows.stream().map(CsvReferenceData::place).toList(), null, null,
                    null, null);
            case CATALOG -> new ReferenceDataFile(null, rows.stream().map(CsvReferenceData::catalog).toList(), null,
                    null, null);
            case PARTNERS -> new ReferenceDataFile(null, null, rows.stream().map(CsvReferenceData::partner).toList(),
                    null, null);
            case VOLUNTEERS -> new ReferenceDataFile(null, null, null,
                    rows.stream().map(CsvReferenceData::volunteer).toList(), null);
            case RESIDENTS -> new ReferenceDataFile(null, null, null, null,
                    rows.stream().map(CsvReferenceData::resident).toList());
        };
    }

    /** "volunteers[3] (V-0004): …" becomes "row 5 (V-0004): …": the header is row 1. */
    static List<String> asRows(Kind kind, List<String> problems) {
        String prefix = kind.name().toLowerCase() + "[";
        return problems.stream().map(p -> {
            if (!p.startsWith(prefix)) {
                return p;
            }
            int close = p.indexOf(']');
            int index = Integer.parseInt(p.substring(prefix.length(), close));
            return "row " + (index + 2) + p.substring(close + 1);
        }).toList();
    }

    private static PlaceData place(Map<String, String> r) {
        return new PlaceData(v(r, "code"), v(r, "type"), v(r, "parent"), names(r), list(r, "aliases"),
                v(r, "address"), number(r, "lat"), number(r, "lon"));
    }

    private static CatalogData catalog(Map<String, String> r) {
        return new CatalogData(v(r, "code"), names(r), v(r, "group"),
                new Keywords(list(r, "keywords_zh"), list(r, "keywords_en")), v(r, "urgency"), v(r, "accept-within"),
                v(r, "resolve-within"), v(r, "party"), list(r, "fallback"), list(r, "skills"), null,
                yesNo(r, "incidents"));
    }

    private static PartnerData partner(Map<String, String> r) {
        return new PartnerData(v(r, "code"), v(r, "type"), names(r), list(r, "serves"), list(r, "services"),
                new Delivery(v(r, "channel"), v(r, "url"), v(r, "secret")), v(r, "api-key"), v(r, "phone"),
                list(r, "phones"), v(r, "contact"), v(r, "give-up-after"));
    }

    private static VolunteerData volunteer(Map<String, String> r) {
        return new VolunteerData(v(r, "code"), v(r, "name"), v(r, "phone"), v(r, "grid"), list(r, "skills"),
                list(r, "on-duty"), null);
    }

    private static ResidentData resident(Map<String, String> r) {
        return new ResidentData(v(r, "phone"), v(r, "name"), v(r, "address"), v(r, "place"), list(r, "flags"),
                v(r, "language"), list(r, "emergency-contacts"),
                v(r, "check-in-by") == null ? null : new ReferenceDataFile.CheckIn(v(r, "check-in-by")));
    }

    private static Names names(Map<String, String> r) {
        return new Names(v(r, "name_zh"), v(r, "name_en"));
    }

    private static String v(Map<String, String> row, String column) {
        return Strings.blankToNull(row.get(column));
    }

    private static List<String> list(Map<String, String> row, String column) {
        String value = v(row, column);
        return value == null
                ? List.of()
                : Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code true} or {@code false} (any case), nothing for an empty cell. */
    private static Boolean yesNo(Map<String, String> row, String column) {
        String value = v(row, column);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ReferenceDataException("csv", List.of("catalog " + v(row, "code") + ": " + column
                    + " must be true or false, not '" + value + "'"));
        };
    }

    private static Double number(Map<String, String> row, String column) {
        String value = v(row, column);
        try {
            return value == null ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
