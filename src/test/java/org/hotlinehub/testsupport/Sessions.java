package org.hotlinehub.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.http.Cookie;
import io.restassured.response.Response;

/** Signing in with the form, as a browser does: the post must say it comes from the hub's own page (Origin). */
public final class Sessions {

    public static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    public static final String COOKIE = "hub-session";

    private Sessions() {
    }

    /** The Origin header the hub's own pages send (unsafe requests with a session must carry it). */
    public static String origin(int port) {
        return "http://localhost:" + port;
    }

    public static Response signIn(int port, String user, String password) {
        return given().redirects().follow(false).contentType(FORM).header("Origin", origin(port))
                .formParam("j_username", user).formParam("j_password", password).post("/j_security_check");
    }

    /** Signs in and answers the session cookie; fails unless the form accepted the password. */
    public static Cookie session(int port, String user, String password) {
        Response r = signIn(port, user, password);
        r.then().statusCode(302).header("Location", endsWith("/home"));
        Cookie cookie = r.detailedCookie(COOKIE);
        assertNotNull(cookie, "a session cookie after a right password");
        return cookie;
    }
}
