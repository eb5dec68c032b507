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

    /** How much of a partner's note a text to residents carries (two Chinese SMS segments with the words around it). */
    public static final int PARTNER_NOTE_CHARS = 100;
    /** The photo a resolution's timeline entry mentions ({@code PartnerWorkService}): for staff, not for residents. */
    private static final java.util.regex.Pattern PHOTO = java.util.regex.Pattern.compile(" \\(photo [^)]*\\)");

    /** A partner's note as residents read it: without the photo's file or address, and kept short. */
    public static String partnerNote(String note) {
        if (note == null) {
            return null;
        }
        String text = PHOTO.matcher(note).replaceAll("").strip();
        return text.length() <= PARTNER_NOTE_CHARS ? text : text.substring(0, PARTNER_NOTE_CHARS - 1) + "…";
    }
}
