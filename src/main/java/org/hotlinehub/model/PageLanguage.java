package org.hotlinehub.model;

import java.util.Locale;

/**
 * The language of a signed-in user's pages (console, portal): Simplified Chinese unless English is chosen with
 * {@code ?lang=}, then by the {@code hub-lang} cookie the language switch sets, then by the browser's preference.
 */
public final class PageLanguage {

    /** Remembers a {@code ?lang=} choice across pages. */
    public static final String COOKIE = "hub-lang";

    private PageLanguage() {
    }

    public static boolean english(String lang, String cookieLang, String acceptLanguage) {
        for (String choice : new String[]{lang, cookieLang}) {
            if (choice != null && !choice.isBlank()) {
                return choice.toLowerCase(Locale.ROOT).startsWith("en");
            }
        }
        return acceptLanguage != null && acceptLanguage.toLowerCase(Locale.ROOT).startsWith("en");
    }

    public static Locale locale(boolean english) {
        return english ? Locale.ENGLISH : Locale.forLanguageTag("zh");
    }
}
