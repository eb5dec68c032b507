package org.hotlinehub.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;

import com.microsoft.playwright.Page;

import io.restassured.http.Cookie;
import io.restassured.http.Cookies;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every way a test signs in to the test hub, in one place:
 * <ul>
 * <li>the sign-in form, as a browser posts it (the post must say it comes from the hub's own page: Origin), either
 * fresh ({@link #signIn}, {@link #session}) or once per user for the test run ({@link #as}, {@link #console});</li>
 * <li>the same form in a Playwright page ({@link #fillSignIn});</li>
 * <li>HTTP Basic for the API ({@link #basic}, {@link #staff}, {@link #operator} ...);</li>
 * <li>a partner's API key ({@link #partner}).</li>
 * </ul>
 * The demo staff accounts have the password {@code demo-<user>-pass}; every test partner has the key
 * {@code test-key-<code>}.
 */
public final class Sessions {

    public static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    public static final String COOKIE = "hub-session";
    /** The API key of the demo Open311 client (config/demo-access). */
    public static final String OPEN311_KEY = "demo-open311-key-2026";
    private static final String JSON = "application/json";
    private static final Map<String, Cookies> KEPT = new ConcurrentHashMap<>();

    private Sessions() {
    }

    /** The password of a demo staff account (operator, supervisor, admin). */
    public static String demoPassword(String user) {
        return "demo-" + user + "-pass";
    }

    /** The Origin header the hub's own pages send (unsafe requests with a session must carry it). */
    public static String origin() {
        return "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    // --- the sign-in form, a fresh session on every call

    /** Posts the sign-in form from the hub's own page, not following the redirect. */
    public static Response signIn(String user, String password) {
        return signIn(given().redirects().follow(false), user, password);
    }

    /** Posts the sign-in form from the hub's own page with {@code request} (another address, a proxy header...). */
    public static Response signIn(RequestSpecification request, String user, String password) {
        return request.contentType(FORM).header("Origin", origin()).formParam("j_username", user)
                .formParam("j_password", password).post("/j_security_check");
    }

    /** Signs in and answers the session cookie; fails unless the form accepted the password. */
    public static Cookie session(String user, String password) {
        Response r = signIn(user, password);
        r.then().statusCode(302).header("Location", endsWith("/home"));
        Cookie cookie = r.detailedCookie(COOKIE);
        assertNotNull(cookie, "a session cookie after a right password");
        return cookie;
    }

    // --- the sign-in form, one session per user kept for the test run

    /** The kept session's cookie (signs in on first use). */
    public static Cookie kept(String user, String password) {
        return keptCookies(user, password).get(COOKIE);
    }

    /** The cookies of the user's kept session: the session and the session version it was issued under. */
    private static Cookies keptCookies(String user, String password) {
        return KEPT.computeIfAbsent(user + "\n" + password, k -> {
            Response r = signIn(user, password);
            if (r.statusCode() != 302 || r.detailedCookie(COOKIE) == null) {
                throw new AssertionError("sign-in of " + user + " failed: " + r.statusCode());
            }
            return r.detailedCookies();
        });
    }

    /** The kept session's cookie of a demo staff account. */
    public static Cookie kept(String user) {
        return kept(user, demoPassword(user));
    }

    /** Forgets the kept session, so the next request signs in again (after a change that ended the session). */
    public static void signInAgain(String user, String password) {
        KEPT.remove(user + "\n" + password);
    }

    /** A request in the user's kept session, not following redirects, same-origin for unsafe methods. */
    public static RequestSpecification as(String user, String password) {
        return given().redirects().follow(false).cookies(keptCookies(user, password)).header("Origin", origin());
    }

    /** A request in a demo staff account's kept session (see {@link #as}). */
    public static RequestSpecification console(String user) {
        return as(user, demoPassword(user));
    }

    // --- the sign-in form in a browser

    /** Fills the sign-in form shown on {@code page} and submits it (the caller waits for where it lands). */
    public static void fillSignIn(Page page, String user, String password) {
        page.fill("#j_username", user);
        page.fill("#j_password", password);
        page.locator("form[action='/j_security_check'] button[type=submit]").click();
    }

    // --- HTTP Basic for the API

    public static RequestSpecification basic(String user, String password) {
        return given().auth().preemptive().basic(user, password);
    }

    /** A demo staff account by HTTP Basic. */
    public static RequestSpecification staff(String user) {
        return basic(user, demoPassword(user));
    }

    /** A demo staff account by HTTP Basic, sending JSON. */
    public static RequestSpecification staffJson(String user) {
        return staff(user).contentType("application/json; charset=UTF-8");
    }

    public static RequestSpecification operator() {
        return staff("operator");
    }

    public static RequestSpecification supervisor() {
        return staff("supervisor");
    }

    public static RequestSpecification admin() {
        return staff("admin");
    }

    // --- a partner's API key

    /** A test partner by its API key. */
    public static RequestSpecification partner(String code) {
        return given().header("Authorization", "Bearer test-key-" + code);
    }

    /** A test partner by its API key, sending JSON. */
    public static RequestSpecification partnerJson(String code) {
        return partner(code).contentType(JSON);
    }
}
