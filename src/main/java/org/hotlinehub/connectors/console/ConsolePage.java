package org.hotlinehub.connectors.console;

import java.util.Locale;

import org.hotlinehub.model.Caller;
import org.hotlinehub.model.PageLanguage;
import org.hotlinehub.model.port.DeadLetters;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * What every console page's layout needs: who is signed in, which menu entries their roles open, and the language
 * ({@code ?lang=} wins, then the {@code hub-lang} cookie the language switch sets, then the browser's preference).
 */
public record ConsolePage(String user, boolean operator, boolean supervisor, boolean admin, boolean english,
        String path, long openDeadLetters) {

    public static final String LANGUAGE_COOKIE = PageLanguage.COOKIE;

    /** @param deadLetters how many dead letters wait for a supervisor (asked only for supervisors' pages) */
    public static ConsolePage of(SecurityIdentity identity, String path, String lang, String cookieLang,
            String acceptLanguage, DeadLetters deadLetters) {
        boolean supervisor = identity.hasRole(Caller.SUPERVISOR);
        return new ConsolePage(identity.getPrincipal().getName(), identity.hasRole(Caller.OPERATOR), supervisor,
                identity.hasRole(Caller.ADMIN), english(lang, cookieLang, acceptLanguage), path,
                supervisor ? deadLetters.openCount() : 0);
    }

    static boolean english(String lang, String cookieLang, String acceptLanguage) {
        return PageLanguage.english(lang, cookieLang, acceptLanguage);
    }

    public Locale locale() {
        return PageLanguage.locale(english);
    }

    /** The html lang attribute. */
    public String htmlLang() {
        return english ? "en" : "zh-CN";
    }

    /** Whether the menu entry for {@code prefix} is the current page (aria-current). */
    public boolean at(String prefix) {
        return path != null && (path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
