package org.hotlinehub.connectors.portal;

import java.util.Locale;

import org.hotlinehub.model.PageLanguage;

/** What every portal page's layout needs: who is signed in, for which partner, and in which language. */
public record PortalPage(String user, String partner, boolean english) {

    public Locale locale() {
        return PageLanguage.locale(english);
    }

    /** The html lang attribute. */
    public String htmlLang() {
        return english ? "en" : "zh-CN";
    }
}
