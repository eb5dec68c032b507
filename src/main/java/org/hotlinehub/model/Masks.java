package org.hotlinehub.model;

/** Masking of personal identifiers before they reach logs, dead letters or partners. */
public final class Masks {

    private Masks() {
    }

    /** {@code +8613812345678} → {@code +86138****5678}; short values keep only their last two characters. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        int len = phone.length();
        if (len <= 6) {
            return "*".repeat(Math.max(0, len - 2)) + phone.substring(Math.max(0, len - 2));
        }
        int keepEnd = 4;
        int keepStart = Math.min(len - keepEnd - 2, phone.startsWith("+") ? 6 : 3);
        return phone.substring(0, keepStart) + "*".repeat(len - keepStart - keepEnd) + phone.substring(len - keepEnd);
    }

    private static final java.util.regex.Pattern PHONE_IN_TEXT = java.util.regex.Pattern
            .compile("(?<![\\d])\\+?\\d{7,15}(?![\\d])");

    /** Every run of 7 to 15 digits (with an optional +) in free text, masked as {@link #phone}. */
    public static String phonesIn(String text) {
        return text == null
                ? null
                : PHONE_IN_TEXT.matcher(text)
                        .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(phone(m.group())));
    }

    /** WeChat openids: first and last three characters. */
    public static String openid(String openid) {
        if (openid == null || openid.length() <= 6) {
            return openid == null ? null : "***";
        }
        return openid.substring(0, 3) + "***" + openid.substring(openid.length() - 3);
    }

    /** A WeChat openid as WeChat issues them: 28 characters of base64url starting with {@code o}. */
    private static final java.util.regex.Pattern OPENID_IN_TEXT = java.util.regex.Pattern
            .compile("(?<![A-Za-z0-9_-])o[A-Za-z0-9_-]{27}(?![A-Za-z0-9_-])");
    /** A value stored under an openid key (JSON) or as a WeChat sender (XML), whatever its shape. */
    private static final java.util.regex.Pattern OPENID_FIELD = java.util.regex.Pattern.compile(
            "(\"[A-Za-z_]*(?i:openid)\"\\s*:\\s*\")([^\"]+)(\")"
                    + "|(<(?:FromUserName|ToUserName)>(?:<!\\[CDATA\\[)?)([^<\\]]+)");

    /**
     * Phone numbers and WeChat openids in free text (a dead letter's body, a reason) masked as {@link #phone} and
     * {@link #openid}: for every listing that shows stored messages.
     */
    public static String personalIn(String text) {
        if (text == null) {
            return null;
        }
        String fields = OPENID_FIELD.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group(1) != null ? m.group(1) + openid(m.group(2)) + m.group(3) : m.group(4) + openid(m.group(5))));
        String openids = OPENID_IN_TEXT.matcher(fields)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(openid(m.group())));
        return phonesIn(openids);
    }
}
