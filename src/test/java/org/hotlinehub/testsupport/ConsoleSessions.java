package org.hotlinehub.testsupport;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.Cookie;
import io.restassured.http.Cookies;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Signed-in console sessions for RestAssured (form sign-in, one session per user kept for the test run). */
public final class ConsoleSessions {

    public static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final Map<String, Cookies> SESSIONS = new ConcurrentHashMap<>();

    private ConsoleSessions() {
    }

    public static String origin() {
        return "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    public static Cookie session(String user, String password) {
        return cookies(user, password).get("hub-session");
    }

    /** The cookies of the user's session: the session and the session version it was issued under. */
    private static Cookies cookies(String user, String password) {
        return SESSIONS.computeIfAbsent(user + "\n" + password, k -> {
            Response r = given().redirects().follow(false).contentType(FORM).header("Origin", origin())
                    .formParam("j_username", user).formParam("j_password", password).post("/j_security_check");
            if (r.statusCode() != 302 || r.detailedCookie("hub-session") == null) {
                throw new AssertionError("sign-in of " + user + " failed: " + r.statusCode());
            }
            return r.detailedCookies();
        });
    }

    /** Forgets the kept session, so the next request signs in again (after a change that ended the session). */
    public static void signInAgain(String user, String password) {
        SESSIONS.remove(user + "\n" + password);
    }

    /** A request as this user, not following redirects, same-origin for unsafe methods. */
    public static RequestSpecification as(String user, String password) {
        return given().redirects().follow(false).cookies(cookies(user, password)).header("Origin", origin());
    }

    public static RequestSpecification admin() {
        return as("admin", "demo-admin-pass");
    }

    public static RequestSpecification supervisor() {
        return as("supervisor", "demo-supervisor-pass");
    }

    public static RequestSpecification operator() {
        return as("operator", "demo-operator-pass");
    }
}
