package org.hotlinehub.model;

/**
 * The one rule for control characters in text from outside, on every channel: NUL and the other C0 control characters
 * except tab, newline and carriage return are removed. PostgreSQL cannot store NUL in text, the others only hide or
 * garble what a person reads, and the senders of SMS and WeChat cannot be told 400, so every channel cleans rather than
 * refuses: a contact that was acknowledged can always be stored.
 */
public final class InputText {

    private InputText() {
    }

    /** The text without C0 controls other than tab, newline and CR; null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !removed(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!removed(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean removed(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }

    /**
     * The problem with a text longer than {@code max} characters, naming the field ({@code "address_string is
     * limited to 300 characters"}), or null when it fits.
     */
    public static String tooLong(String field, String text, int max) {
        return text != null && text.codePointCount(0, text.length()) > max
                ? field + " is limited to " + max + " characters"
                : null;
    }
}
