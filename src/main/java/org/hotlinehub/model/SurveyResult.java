package org.hotlinehub.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The resident's answer to the call-back survey (回访) after resolution; {@link #NOT_SOLVED} reopens the ticket. */
public enum SurveyResult {

    SATISFIED("1", "满意", "satisfied"),
    BASICALLY_SATISFIED("2", "基本满意", "basically satisfied"),
    DISSATISFIED("3",
            "不满意", "dissatisfied"),
    NOT_SOLVED("4", "未解决", "not solved");

    private final String digit;
    private final String zh;
    private final String en;

    SurveyResult(String digit, String zh, String en) {
        this.digit = digit;
        this.zh = zh;
        this.en = en;
    }

    public String labelZh() {
        return zh;
    }

    public String labelEn() {
        return en;
    }

    /** A regular expression matching any English label, the longest first ("basically satisfied" before "satisfied"). */
    static String englishLabels() {
        return Arrays.stream(values()).map(SurveyResult::labelEn)
                .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }

    /**
     * Reads a reply to the survey: the digit we asked for, or the words in Chinese or English. Longer phrases are
     * tried first, so 不满意 is not read as 满意 and "not solved" not as "solved".
     */
    public static Optional<SurveyResult> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s。.!！,，]+$", "");
        if (s.isEmpty()) {
            return Optional.empty();
        }
        for (SurveyResult r : values()) {
            if (s.equals(r.digit)) {
                return Optional.of(r);
            }
        }
        if (s.contains("没解决") || s.contains("未解决") || s.contains("没有解决") || s.contains("not solved")
                || s.contains("not resolved") || s.contains("unsolved")) {
            return Optional.of(NOT_SOLVED);
        }
        if (s.contains("不满意") || s.contains("dissatisfied") || s.contains("unsatisfied")) {
            return Optional.of(DISSATISFIED);
        }
        if (s.contains("基本满意") || s.contains("basically") || s.contains("mostly satisfied")) {
            return Optional.of(BASICALLY_SATISFIED);
        }
        if (s.contains("满意") || s.equals("satisfied") || s.equals("very satisfied")) {
            return Optional.of(SATISFIED);
        }
        return Optional.empty();
    }
}
