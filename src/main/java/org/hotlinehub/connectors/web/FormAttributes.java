package org.hotlinehub.connectors.web;

import java.util.List;
import java.util.Map;

import org.hotlinehub.model.AttributeType;
import org.hotlinehub.model.CatalogAttribute;
import org.hotlinehub.model.ServiceDefinition;

/**
 * The catalog entries' extra questions as the report form shows them, in the resident's language, with what was
 * already answered. Only the chosen category's questions are enabled (a disabled fieldset is not posted), so
 * questions of two categories never mix; the page script switches them with the category.
 */
public final class FormAttributes {

    private FormAttributes() {
    }

    public record Category(String code, String name, boolean active, List<Question> questions) {
    }

    /** {@code input} is the HTML control: text, number, datetime-local, textarea, select, checkboxes or note. */
    public record Question(String code, String id, String input, String label, String hint,
            String value, List<Option> options, boolean invalid) {
    }

    public record Option(String key, String label, boolean chosen) {
    }

    static List<Category> of(List<ServiceDefinition> services, String chosenCategory,
            Map<String, List<String>> answers, Map<String, String> errors, boolean english) {
        return services.stream().filter(s -> !s.attributes().isEmpty())
                .map(s -> new Category(s.code(), text(s.nameZh(), s.nameEn(), english), s.code().equals(
                        chosenCategory),
                        s.attributes().stream().map(a -> question(s, a, s.code().equals(
                                chosenCategory) ? answers : Map.of(), errors, english)).toList()))
                .toList();
    }

    private static Question question(ServiceDefinition s, CatalogAttribute a, Map<String, List<String>> answers,
            Map<String, String> errors, boolean english) {
        List<String> given = answers.getOrDefault(a.code(), List.of());
        List<Option> options = a.values().stream()
                .map(v -> new Option(v.key(), text(v.nameZh(), v.nameEn(), english), given.contains(v.key())))
                .toList();
        return new Question(a.code(), "attr-" + s.code() + "-" + a.code(), input(a),
                text(a.descriptionZh(), a.descriptionEn(), english), a.datatypeDescription(),
                given.isEmpty() ? "" : given.get(0), options, errors.containsKey("attribute[" + a.code() + "]"));
    }

    private static String input(CatalogAttribute a) {
        if (!a.variable()) {
            return "note";
        }
        return a.datatype() == AttributeType.STRING
                ? "text"
                : a.datatype() == AttributeType.NUMBER
                        ? "number"
                        : a.datatype() == AttributeType.DATETIME
                                ? "datetime-local"
                                : a.datatype() == AttributeType.TEXT
                                        ? "textarea"
                                        : a.datatype() == AttributeType.SINGLEVALUELIST ? "select" : "checkboxes";
    }

    private static String text(String zh, String en, boolean english) {
        return english && en != null && !en.isBlank() ? en : zh;
    }
}
