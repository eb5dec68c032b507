package org.hotlinehub.model;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One problem of a reference-data document split for a report: the entry or row, the field, and what is wrong. The
 * validator writes problems as {@code "partners[0] (CODE): delivery.url 'x' is not a URL"} (YAML, forms) or
 * {@code "row 3 (CODE): …"} (CSV).
 */
public record ImportProblem(String row, String field, String problem) {

    private static final Pattern LINE = Pattern.compile(
            "^((?:row \\d+|line \\d+|[a-z\\-]+\\[\\d+\\])(?: \\([^)]*\\))?(?:: attributes\\[\\d+\\](?: \\([^)]*\\))?)?)"
                    + ": (.*)$",
            Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("^([a-z][a-z_]*(?:[.\\-/][a-z_]+)*)(?=[ :])");
    /** Words that start a sentence rather than name a field. */
    private static final List<String> NOT_FIELDS = List.of("a", "an", "the", "give", "every", "only", "appears",
            "unknown", "not");

    public static ImportProblem parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return new ImportProblem("", "", line);
        }
        String rest = m.group(2);
        Matcher f = FIELD.matcher(rest);
        String field = f.find() && !NOT_FIELDS.contains(f.group(1)) ? f.group(1) : "";
        if (rest.startsWith("unknown key '")) {
            field = rest.substring("unknown key '".length(), rest.indexOf('\'', "unknown key '".length()));
        }
        return new ImportProblem(m.group(1), field, rest);
    }

    public static List<ImportProblem> parse(List<String> lines) {
        return lines.stream().map(ImportProblem::parse).toList();
    }
}
