package org.hotlinehub.model;

import java.util.List;

/**
 * The hub's one reading of optional values: a blank text (null, empty or only white space) means "not given", and a
 * missing list means an empty one. Every layer that takes form fields, query parameters, JSON or CSV reads them this
 * way, so the rule lives here rather than in a private copy per class.
 */
public final class Strings {

    private Strings() {
    }

    /** True for null, empty and white space only. */
    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Null for a blank text, else the text stripped of leading and trailing white space. */
    public static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }

    /**
     * Null for a blank text, else the text exactly as given: for what is passed on verbatim (a message's content, an
     * id from another system) where even leading and trailing white space is kept.
     */
    public static String blankToNullUnstripped(String s) {
        return isBlank(s) ? null : s;
    }

    /**
     * What a timeline entry or an audit record adds for an optional note or reason: ": " and the stripped text, or
     * nothing when it is blank.
     */
    public static String noteSuffix(String note) {
        return isBlank(note) ? "" : ": " + note.strip();
    }

    /** The empty string for null, else the text as given. */
    public static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** An empty list for null, else the list itself. */
    public static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
