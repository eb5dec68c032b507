package org.hotlinehub.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reasons the hub writes itself (why a ticket waits in triage, why it went to the supervisors, a return awaiting
 * its ruling), in one place: the writers take their English text from here ({@link #text}), and the console finds
 * them again in a stored text ({@link #find}) to show them in the page's language (the words are in the console's
 * message bundle, {@code systemReason}). Each {@code {}} is a value (a code, a partner, a reason given by a person).
 * The English stays as it was written before, so stored tickets, the API and the logs read the same.
 */
public enum SystemReason {

    NO_CATEGORY("no catalog entry matches the description"),
    NO_PLACE("the address matches no known place"),
    STILL_UNCLEAR_NO_CATEGORY("still unclear after the resident's follow-up: no catalog entry matches"),
    STILL_UNCLEAR_NO_PLACE("still unclear after the resident's follow-up: the address matches no known place"),
    NEEDS_CATEGORY_AND_PLACE("it needs a category and a place before it can be dispatched"),
    NEEDS_CATEGORY("it needs a category before it can be dispatched (its deadlines come from the category)"),
    NEEDS_PLACE("it needs a place before the next party can be chosen"),
    NO_CATEGORY_TO_CHOOSE_BY("no category to choose the next party by"),
    NO_PLACE_TO_CHOOSE_BY("no place to choose the next party by"),
    OPERATOR_MUST_ASSIGN("an operator or supervisor must assign it"),
    NO_PARTY_LEFT("no partner or volunteer left for {} at {}"),
    SUPERVISORS_DECIDE("the supervisors decide who takes it"),
    REOPENED("reopened: {}"),
    RETURNED("returned by {}: {}"),
    AWAITING_RULING("awaiting the hub's ruling");

    private final String english;
    /** The text around the values, split once (intake writes two of these for every ticket it cannot place). */
    private final String[] literal;
    private final Pattern pattern;

    SystemReason(String english) {
        this.english = english;
        this.literal = english.split("\\{}", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < literal.length; i++) {
            regex.append(Pattern.quote(literal[i]));
            if (i < literal.length - 1) {
                regex.append("(.+?)");
            }
        }
        // a value runs to the next "; " (the separator of reasons written together) or the end
        this.pattern = Pattern.compile(regex + (english.endsWith("{}") ? "(?=; |$)" : ""));
    }

    /** The English text with its values filled in, in order. */
    public String text(Object... values) {
        if (literal.length == 1) {
            return english;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < literal.length; i++) {
            s.append(literal[i]);
            if (i < literal.length - 1) {
                s.append(i < values.length ? values[i] : "");
            }
        }
        return s.toString();
    }

    /** One reason found in a stored text: where it stands and its values. */
    public record Found(SystemReason reason, int start, int end, List<String> values) {
    }

    /**
     * The system reasons in {@code text}, in order, not overlapping (the longer reason wins where two could match);
     * the text between them is a person's words or separators.
     */
    public static List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        SystemReason[] longestFirst = values().clone();
        Arrays.sort(longestFirst, Comparator.comparingInt((SystemReason r) -> r.english.length()).reversed());
        for (SystemReason r : longestFirst) {
            Matcher m = r.pattern.matcher(text);
            while (m.find()) {
                int start = m.start();
                int end = m.end();
                if (found.stream().noneMatch(f -> start < f.end() && f.start() < end)) {
                    List<String> values = new ArrayList<>();
                    for (int g = 1; g <= m.groupCount(); g++) {
                        values.add(m.group(g));
                    }
                    found.add(new Found(r, start, end, values));
                }
            }
        }
        found.sort(Comparator.comparingInt(Found::start));
        return found;
    }

    /** The English of every reason, with its values left out: what a Chinese page must not show. */
    public List<String> englishParts() {
        return Arrays.stream(english.split("\\{}")).map(String::strip).filter(p -> p.length() > 3).toList();
    }
}
