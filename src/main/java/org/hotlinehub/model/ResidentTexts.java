package org.hotlinehub.model;

/**
 * Which language a resident writes in, Simplified Chinese or English, and its code; what the hub says back is
 * {@link org.hotlinehub.model.port.ResidentReplies}.
 */
public final class ResidentTexts {

    private ResidentTexts() {
    }

    /** Chinese when the resident wrote any Han character, else English. */
    public static boolean english(String text) {
        return text == null
                || text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    public static String language(boolean english) {
        return english ? "en" : "zh";
    }
}
