package org.hotlinehub.connectors.web;

import java.util.Locale;

import org.hotlinehub.model.PageLanguage;
import org.hotlinehub.model.ResidentTexts;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

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
        return PageLanguage.locale(english);
    }

    /** The web pages' texts in the page's language. */
    static WebMessages messages(boolean english) {
        return MessageBundles.get(WebMessages.class, Localized.Literal.of(ResidentTexts.language(english)));
    }
}
