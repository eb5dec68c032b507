package org.hotlinehub.connectors.web;

import java.util.Locale;

/** zh-CN is the default; English when asked for ({@code lang=en}) or preferred by the browser. */
final class Languages {

    private Languages() {
    }

    static boolean english(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            return lang.toLowerCase(Locale.ROOT).startsWith("en");
        }
        return acceptLanguage != null && acceptLanguage.toLowerCase(Locale.ROOT).startsWith("en");
    }

    static Locale locale(boolean english) {
        return english ? Locale.ENGLISH : Locale.forLanguageTag("zh");
    }
}
