package org.hotlinehub.connectors.portal;

import java.util.Locale;

import org.hotlinehub.model.PageLanguage;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What every portal page's layout needs: who is signed in, for which partner, and in which language. */
public record PortalPage(String user, String partner, boolean english) {

    public Locale locale() {
        return PageLanguage.locale(english);
    }

    /** The portal's texts ({@link PortalMessages}) in the page's language. */
    static PortalMessages words(boolean english) {
        return MessageBundles.get(PortalMessages.class,
                Localized.Literal.of(PageLanguage.locale(english).toLanguageTag()));
    }

    /** The html lang attribute. */
    public String htmlLang() {
        return words(english).htmlLang();
    }
}
