package org.hotlinehub.connectors.console;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.hotlinehub.model.Caller;
import org.hotlinehub.model.PageLanguage;
import org.hotlinehub.model.port.DeadLetters;
import org.hotlinehub.model.port.Emergencies;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * What every console page's layout needs: who is signed in, which menu entries their roles open, the language
 * ({@code ?lang=} wins, then the {@code hub-lang} cookie the language switch sets, then the browser's preference),
 * and the hub's time: the zone its times are shown in ({@code {ops:time(t.createdAt, page.zone)}}) and the instant
 * the page was made, on the hub's clock ({@code {ops:past(a.acceptBy, page.now)}}).
 */
public record ConsolePage(String user, boolean operator, boolean supervisor, boolean admin, boolean english,
        String path, long openDeadLetters, List<String> emergencies, ZoneId zone, Instant now) {

    public static final String LANGUAGE_COOKIE = PageLanguage.COOKIE;

    /**
     * @param deadLetters how many dead letters wait for a supervisor (asked only for supervisors' pages)
     * @param emergencies call-assurance emergencies nobody took in time, waiting for an operator (asked only for
     *        operators' pages: the alert on every page)
     * @param clock the hub's clock
     * @param zone the hotline's zone (hub.deadlines.zone)
     */
    public static ConsolePage of(SecurityIdentity identity, String path, String lang, String cookieLang,
            String acceptLanguage, DeadLetters deadLetters, Emergencies emergencies, Clock clock, ZoneId zone) {
        boolean supervisor = identity.hasRole(Caller.SUPERVISOR);
        boolean operator = identity.hasRole(Caller.OPERATOR);
        return new ConsolePage(identity.getPrincipal().getName(), operator, supervisor,
                identity.hasRole(Caller.ADMIN), english(lang, cookieLang, acceptLanguage), path,
                supervisor ? deadLetters.openCount() : 0, operator ? emergencies.awaitingOperators() : List.of(),
                zone, clock.instant());
    }

    static boolean english(String lang, String cookieLang, String acceptLanguage) {
        return PageLanguage.english(lang, cookieLang, acceptLanguage);
    }

    public Locale locale() {
        return PageLanguage.locale(english);
    }

    /** A message bundle of the console ({@link ConsoleMessages}, {@link AdminMessages}) in the page's language. */
    static <T> T bundle(Class<T> bundle, boolean english) {
        return MessageBundles.get(bundle, Localized.Literal.of(PageLanguage.locale(english).toLanguageTag()));
    }

    /** The html lang attribute. */
    public String htmlLang() {
        return bundle(ConsoleMessages.class, english).htmlLang();
    }

    /** Whether the menu entry for {@code prefix} is the current page (aria-current). */
    public boolean at(String prefix) {
        return path != null && (path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
