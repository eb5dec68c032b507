package org.hotlinehub.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Answers to a catalog entry's custom attributes, as forms send them ({@code attribute[code]=value}, and
 * {@code attribute[code][]=value} for each value of a multivaluelist: Open311 and the web form alike), checked against
 * the entry: required answers present, values of the right datatype, list values among the listed keys.
 */
public final class AttributeAnswers {

    private static final Pattern FIELD = Pattern.compile("attribute\\[([^\\]]+)](\\[])?");

    private AttributeAnswers() {
    }

    /** The answers in the form, by attribute code, blank values left out. */
    public static Map<String, List<String>> parse(Map<String, List<String>> form) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            Matcher m = FIELD.matcher(name);
            if (m.matches()) {
                List<String> kept = values.stream().map(InputText::clean).filter(v -> v != null && !v.isBlank())
                        .map(String::strip).toList();
                if (!kept.isEmpty()) {
                    answers.computeIfAbsent(m.group(1), k -> new ArrayList<>()).addAll(kept);
                }
            }
        });
        return answers;
    }

    /**
     * What is wrong with the answer to one attribute ({@code code}), in words for API clients; {@code missing}: a
     * required attribute was not answered.
     */
    public record Problem(String code, String description, boolean missing) {

        Problem(String code, String description) {
            this(code, description, false);
        }
    }

    /** @return one description per problem, empty when the answers fit the definition */
    public static List<String> check(ServiceDefinition service, Map<String, List<String>> answers) {
        return problems(service, answers).stream().map(Problem::description).toList();
    }

    /** @return the problems by attribute, empty when the answers fit the definition */
    public static List<Problem> problems(ServiceDefinition service, Map<String, List<String>> answers) {
        List<Problem> problems = new ArrayList<>();
        Map<String, CatalogAttribute> byCode = service.attributes().stream()
                .collect(Collectors.toMap(CatalogAttribute::code, a -> a));
        answers.keySet().stream().filter(code -> !byCode.containsKey(code) || !byCode.get(code).variable())
                .forEach(code -> problems.add(new Problem(code, "attribute[" + code + "] is not an attribute of"
                        + " service " + service.code())));
        for (CatalogAttribute a : service.attributes()) {
            List<String> values = answers.getOrDefault(a.code(), List.of());
            if (!a.variable()) {
                continue;
            }
            if (values.isEmpty()) {
                if (a.required()) {
                    problems.add(new Problem(a.code(), "attribute[" + a.code() + "] is required for service "
                            + service.code(), true));
                }
                continue;
            }
            if (a.datatype() != AttributeType.MULTIVALUELIST && values.size() > 1) {
                problems.add(new Problem(a.code(), "attribute[" + a.code() + "] takes one value"));
                continue;
            }
            values.forEach(v -> problem(a, v).ifPresent(d -> problems.add(new Problem(a.code(), d))));
        }
        return problems;
    }

    private static java.util.Optional<String> problem(CatalogAttribute a, String value) {
        String at = "attribute[" + a.code() + "] ";
        String tooLong = InputText.tooLong(at.strip(), value, InputLimits.DESCRIPTION);
        if (tooLong != null) {
            return java.util.Optional.of(tooLong);
        }
        return switch (a.datatype()) {
            case STRING -> value.contains("\n") || value.contains("\r")
                    ? java.util.Optional.of(at + "is a string and may not contain line breaks")
                    : java.util.Optional.empty();
            case TEXT -> java.util.Optional.empty();
            case NUMBER -> isNumber(value)
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(at + "'" + value + "' is not a number");
            case DATETIME -> isDateTime(value)
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(at + "'" + value + "' is not an ISO 8601 date-time");
            case SINGLEVALUELIST, MULTIVALUELIST -> keys(a).contains(value)
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(at + "'" + value + "' is not one of " + keys(a));
        };
    }

    private static Set<String> keys(CatalogAttribute a) {
        return a.values().stream().map(CatalogAttribute.Value::key)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime.parse(value);
                return true;
            } catch (DateTimeParseException e2) {
                try {
                    LocalDate.parse(value);
                    return true;
                } catch (DateTimeParseException e3) {
                    return false;
                }
            }
        }
    }
}
