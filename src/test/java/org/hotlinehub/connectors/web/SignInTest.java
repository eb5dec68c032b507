package org.hotlinehub.connectors.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.hotlinehub.testsupport.Sessions.origin;
import static org.hotlinehub.testsupport.Sessions.session;
import static org.hotlinehub.testsupport.Sessions.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.hotlinehub.model.Caller;
import org.hotlinehub.model.SignInPages;
import org.hotlinehub.model.port.ApiAccess;
import org.hotlinehub.model.port.UserAdmin;
import org.hotlinehub.referencedata.ApiAccessQueries;
import org.hotlinehub.testsupport.Addresses;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.http.Cookies;
import io.restassured.response.Response;

/** Form sign-in for the console and the portal: sessions, landing by role, lockout, and CSRF on the session. */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class SignInTest {

    @Inject
    Sql sql;
    @Inject
    UserAdmin users;
    @Inject
    ApiAccess access;

    @Test
    void shouldShowABilingualSignInPageAndSendAnonymousBrowsersThere() {
        given().header("Accept-Language", "zh-CN").get("/login").then().statusCode(200)
                .body(containsString("工作人员登录")).body(containsString("action=\"/j_security_check\""))
                .body(containsString("autocomplete=\"current-password\""));
        given().get("/login?lang=en").then().statusCode(200).body(containsString("Staff sign-in"));
        given().redirects().follow(false).get("/home").then().statusCode(302).header("Location",
                endsWith("/login"));
    }

    @Test
    void shouldSayThatSingleSignOnIsOffUntilItIsConfigured() {
        given().header("Accept-Language", "en").get("/login").then().statusCode(200)
                .body(not(containsString("href=\"/sso\"")));
        Response sso = given().redirects().follow(false).header("Accept-Language", "en").get("/sso");
        assertEquals(404, sso.statusCode());
        assertTrue(sso.asString().contains("Single sign-on is not enabled"), sso.asString());
    }

    @Test
    void shouldSendStaffToTheConsoleAndPartnersToThePortal() {
        Cookie operator = session("operator", "demo-operator-pass");
        assertTrue(operator.isHttpOnly(), "session cookie must be HttpOnly");
        assertEquals("Strict", operator.getSameSite());
        given().redirects().follow(false).cookie(operator).get("/home").then().statusCode(303)
                .header("Location", endsWith("/console"));
        // the same session opens the REST API the console builds on
        given().cookie(operator).get("/api/v1/tickets").then().statusCode(200);

        Cookie partner = session("test-portal-flaky", "portal-pass-1");
        given().redirects().follow(false).cookie(partner).get("/home").then().statusCode(303)
                .header("Location", endsWith("/portal"));
        given().cookie(partner).get("/api/v1/tickets").then().statusCode(403);
        given().redirects().follow(false).cookie(partner).get("/console").then().statusCode(403);
        given().cookie(operator).get("/console").then().statusCode(200).body(containsString("href=\"/console/queue\""))
                .body(not(containsString("href=\"/console/admin\"")));
        given().redirects().follow(false).get("/console").then().statusCode(302).header("Location", endsWith("/login"));
        // API callers without a session still get a Basic challenge, not a redirect to a login page
        given().redirects().follow(false).get("/api/v1/tickets").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic"));
    }

    @Test
    void shouldAnswerAWrongPasswordWithTheSignInPageAndAnError() {
        signIn("operator", "not-the-password").then().statusCode(302).header("Location",
                endsWith("/login?error=1"));
        given().get("/login?error=1&lang=en").then().statusCode(401)
                .body(containsString("Wrong user name or password"));
        session("operator", "demo-operator-pass"); // a success resets the count
    }

    @Test
    void shouldPauseOneAddressAfterFiveWrongPasswordsButNeverLockTheOwnerOut() {
        sql.update("DELETE FROM sign_in_throttle WHERE username = 'test-lockout'");
        Cookie owner = session("test-lockout", "right-password-1");
        String attacker = "127.0.0.2";
        for (int i = 0; i < 5; i++) {
            signIn(Addresses.from(attacker), "test-lockout", "wrong-" + i).then().statusCode(302)
                    .header("Location", endsWith("error=1"));
        }
        assertEquals(1L, sql.count("SELECT count(*) FROM sign_in_throttle WHERE username = 'test-lockout'"
                + " AND client = ? AND blocked_until > now() + interval '25 seconds'", attacker));
        assertEquals(1L,
                sql.count("SELECT count(*) FROM audit_log WHERE actor = 'test-lockout' AND action = 'user.locked'"
                        + " AND detail LIKE '%from 127.0.0.2%' AND at > now() - interval '1 minute'"),
                () -> "audit log: " + sql.column("SELECT actor || ' ' || action || ' ' || at FROM audit_log"));
        // the guessing address waits, even with the right password, by form and by HTTP Basic alike
        signIn(Addresses.from(attacker), "test-lockout", "right-password-1").then().statusCode(302)
                .header("Location", endsWith("error=1"));
        Addresses.from(attacker).auth().preemptive().basic("test-lockout", "right-password-1").get("/api/v1/tickets")
                .then().statusCode(401);
        // the owner is not locked out: the open session carries on, and a new sign-in from elsewhere works
        given().cookie(owner).get("/api/v1/tickets").then().statusCode(200);
        session("test-lockout", "right-password-1");
        given().auth().preemptive().basic("test-lockout", "right-password-1").get("/api/v1/tickets").then()
                .statusCode(200);
        // after the pause, every further miss from that address doubles the wait
        sql.update("UPDATE sign_in_throttle SET blocked_until = now() - interval '1 second' WHERE client = ?",
                attacker);
        signIn(Addresses.from(attacker), "test-lockout", "wrong-again").then().statusCode(302);
        assertEquals(1L, sql.count("SELECT count(*) FROM sign_in_throttle WHERE username = 'test-lockout'"
                + " AND client = ? AND blocked_until > now() + interval '55 seconds'", attacker));
        sql.update("DELETE FROM sign_in_throttle WHERE username = 'test-lockout'");
    }

    @Test
    void shouldEndEverySessionOnTheServerAtLogoutAndWhenThePasswordOrRolesChange() {
        Cookies captured = signIn("test-session", "right-password-2").detailedCookies();
        given().cookies(captured).get("/api/v1/tickets").then().statusCode(200);
        given().redirects().follow(false).cookies(captured).header("Origin", origin()).post("/logout").then()
                .statusCode(303);
        // a copy of the cookies taken before the logout no longer works
        given().redirects().follow(false).cookies(captured).get("/api/v1/tickets").then().statusCode(401);
        given().redirects().follow(false).cookie(captured.get(Sessions.COOKIE)).get("/api/v1/tickets").then()
                .statusCode(401);
        // signing out with an ended session just clears its cookies
        given().redirects().follow(false).cookies(captured).header("Origin", origin()).post("/logout").then()
                .statusCode(303);

        Cookies again = signIn("test-session", "right-password-2").detailedCookies();
        given().cookies(again).get("/api/v1/tickets").then().statusCode(200);
        given().redirects().follow(false).cookies(captured).get("/api/v1/tickets").then().statusCode(401);
        assertEquals(List.of(), users.resetPassword("test-session", "right-password-3", "admin", "test"));
        given().redirects().follow(false).cookies(again).get("/api/v1/tickets").then().statusCode(401);

        Cookies third = signIn("test-session", "right-password-3").detailedCookies();
        given().cookies(third).get("/api/v1/tickets").then().statusCode(200);
        assertEquals(List.of(), users.change("test-session", "会话测试", List.of("operator", "supervisor"), null,
                "admin", "test"));
        given().redirects().follow(false).cookies(third).get("/api/v1/tickets").then().statusCode(401);
        users.resetPassword("test-session", "right-password-2", "admin", "test");
        users.change("test-session", "会话测试", List.of("operator"), null, "admin", "test");
    }

    @Test
    void shouldMarkTheSessionCookiesSecureWhenTheProxySaysHttps() {
        Response plain = signIn("test-session", "right-password-2");
        assertFalse(plain.detailedCookie(Sessions.COOKIE).isSecured());
        Response proxied = signIn(given().redirects().follow(false).header("X-Forwarded-Proto", "https"),
                "test-session", "right-password-2");
        proxied.then().statusCode(302);
        assertTrue(proxied.detailedCookie(Sessions.COOKIE).isSecured(), proxied.headers().toString());
        assertTrue(proxied.detailedCookie(SignInPages.SESSION_VERSION_COOKIE).isSecured());
    }

    @Test
    void shouldCheckAnHttpBasicPasswordWithBcryptOnceAndNotAgainUntilTheSessionsEnd() {
        access.endSessions("test-session"); // forget what earlier tests may have left remembered
        CountingAccess counting = new CountingAccess(ClientProxy.unwrap(access));
        QuarkusMock.installMockForType(counting, ApiAccess.class);
        for (int i = 0; i < 10; i++) {
            given().auth().preemptive().basic("test-session", "right-password-2").get("/api/v1/tickets").then()
                    .statusCode(200);
        }
        assertEquals(1, counting.passwordChecks.get(), "bcrypt ran for the first call only");
        given().auth().preemptive().basic("test-session", "wrong-password").get("/api/v1/tickets").then()
                .statusCode(401);
        assertEquals(2, counting.passwordChecks.get(), "a wrong password is never remembered");
        counting.endSessions("test-session");
        given().auth().preemptive().basic("test-session", "right-password-2").get("/api/v1/tickets").then()
                .statusCode(200);
        assertEquals(3, counting.passwordChecks.get(), "ended sessions forget the credential");
    }

    /** Counts password checks (each one a bcrypt) of the real access queries (a mock must be of the bean's class). */
    static final class CountingAccess extends ApiAccessQueries {

        final AtomicInteger passwordChecks = new AtomicInteger();
        private final ApiAccess real;

        CountingAccess(ApiAccess real) {
            this.real = real;
        }

        @Override
        public Optional<Caller> user(String username, String password, String client) {
            passwordChecks.incrementAndGet();
            return real.user(username, password, client);
        }

        @Override
        public Optional<Caller> signedInUser(String username, int sessionVersion) {
            return real.signedInUser(username, sessionVersion);
        }

        @Override
        public void endSessions(String username) {
            real.endSessions(username);
        }

        @Override
        public Optional<Caller> apiClient(String apiKey) {
            return real.apiClient(apiKey);
        }
    }

    @Test
    void shouldEndASessionWhenItsUserIsLockedOrDeactivated() {
        Cookie cookie = session("test-lockout", "right-password-1");
        given().cookie(cookie).get("/api/v1/tickets").then().statusCode(200);
        sql.update("UPDATE hub_user SET active = false WHERE username = 'test-lockout'");
        try {
            given().redirects().follow(false).cookie(cookie).get("/api/v1/tickets").then().statusCode(401);
        } finally {
            sql.update("UPDATE hub_user SET active = true WHERE username = 'test-lockout'");
        }
    }

    @Test
    void shouldRefuseCrossSiteRequestsThatCarryTheSession() {
        // not a demo user: the logout at the end ends every session of the user, also those other tests keep
        Cookies cookie = signIn("test-session", "right-password-2").detailedCookies();
        given().redirects().follow(false).cookies(cookie).header("Origin", "https://evil.example").post("/logout")
                .then().statusCode(403).body(containsString("cross-site"));
        given().redirects().follow(false).cookies(cookie).post("/logout").then().statusCode(403);
        given().redirects().follow(false).cookies(cookie).header("Sec-Fetch-Site", "cross-site")
                .header("Origin", origin()).post("/logout").then().statusCode(403);
        given().redirects().follow(false).contentType(Sessions.FORM).header("Origin", "https://evil.example")
                .formParam("j_username", "operator").formParam("j_password", "demo-operator-pass")
                .post("/j_security_check").then().statusCode(403);
        // a browser's cached Basic login may not act on the console from another site either
        Sessions.admin().redirects().follow(false)
                .contentType(Sessions.FORM).header("Origin", "https://evil.example").post("/console/admin/users/new")
                .then().statusCode(403).body(containsString("cross-site"));

        Response out = given().redirects().follow(false).cookies(cookie).header("Origin", origin()).post("/logout");
        out.then().statusCode(303).header("Location", endsWith("/login?signedout=1"));
        Cookie cleared = out.detailedCookie("hub-session");
        assertNotNull(cleared, "logout clears the session cookie");
        assertTrue(cleared.getValue().isEmpty() || cleared.getMaxAge() == 0, "cookie cleared: " + cleared);
        given().get("/login?signedout=1&lang=en").then().statusCode(200).body(containsString("signed out"));
    }

    @Test
    void shouldRefuseAPortalUserWithoutAKnownPartner() {
        Sessions.admin().contentType("application/yaml")
                .body("users:\n  - {username: x-portal, password: long-enough-1, roles: [partner], partner: NOPE}\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/reference-data/import").then().statusCode(equalTo(422))
                .body(containsString("'NOPE' is unknown"));
    }
}
