package org.hotlinehub.connectors.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.hotlinehub.testsupport.OidcProviderStub;
import org.hotlinehub.testsupport.PhoneBrowser;
import org.hotlinehub.testsupport.Sessions;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Staff single sign-on against a fake OpenID Connect provider (WireMock, real HTTP): the authorization code flow ends
 * in the console with the roles the provider's groups map to, nothing else; forged tokens sign nobody in; signing
 * out ends the session; cross-site posts are refused (and same-site ones pass over HTTP/2, which has no Host header);
 * and the partners' and local accounts' form sign-in still works.
 */
@QuarkusTest
@TestProfile(SingleSignOnTest.WithProvider.class)
class SingleSignOnTest {

    public static class WithProvider implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcProviderStub.class));
        }
    }

    @TestHTTPResource("/")
    URI hub;

    @Test
    void shouldSignAnOperatorInThroughTheProviderAndKeepTheRolesTheGroupsMapTo() throws Exception {
        OidcProviderStub.signInAs("li.na", List.of("hotline-operators", "partner", "open311"));
        Visitor visitor = new Visitor();
        HttpResponse<String> landed = visitor.get("/sso");
        assertEquals(200, landed.statusCode(), landed.body());
        assertEquals("/console", landed.uri().getPath(), "single sign-on ends in the console");
        assertTrue(landed.body().contains("li.na"), "the console names the signed-in operator");
        assertTrue(visitor.hasCookie("q_session"), "the single sign-on session is a cookie");
        // operator only: the provider's "partner" and "open311" grant nothing
        assertEquals(403, visitor.get("/console/supervision").statusCode());
        assertEquals(403, visitor.get("/console/admin").statusCode());
        assertEquals("/login", visitor.get("/portal").uri().getPath(), "the portal takes partners' passwords only");
    }

    @Test
    void shouldMapEveryConfiguredGroupToItsRole() throws Exception {
        OidcProviderStub.signInAs("zhang.wei", List.of("hotline-leads"));
        Visitor supervisor = new Visitor();
        assertEquals("/console", supervisor.get("/sso").uri().getPath());
        assertEquals(200, supervisor.get("/console/supervision").statusCode());
        assertEquals(403, supervisor.get("/console/admin").statusCode());

        OidcProviderStub.signInAs("wang.fang", List.of("hotline-admins"));
        Visitor admin = new Visitor();
        admin.get("/sso");
        assertEquals(200, admin.get("/console/admin/users").statusCode());
    }

    @Test
    void shouldTellAProviderAccountWithoutAHubRoleWhatToAskFor() throws Exception {
        OidcProviderStub.signInAs("guest.user", List.of("staff", "partner"));
        Visitor visitor = new Visitor();
        HttpResponse<String> refused = visitor.get("/sso");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("guest.user") && refused.body().contains("没有热线系统的角色"),
                refused.body());
        assertEquals(403, visitor.get("/console").statusCode());
    }

    @Test
    void shouldNotSignInWithATokenTheProviderDidNotSign() throws Exception {
        OidcProviderStub.signInWithForgedToken("mallory", List.of("hotline-admins"));
        Visitor visitor = new Visitor();
        HttpResponse<String> answer = visitor.get("/sso");
        assertEquals(401, answer.statusCode(), answer.body());
        assertFalse(visitor.hasCookie("q_session"), "no session for a forged token");
        HttpResponse<String> console = visitor.get("/console");
        assertEquals("/login", console.uri().getPath(), "still anonymous: sent to sign in");
    }

    @Test
    void shouldEndTheSingleSignOnSessionOnSignOutAndRefuseCrossSitePosts() throws Exception {
        OidcProviderStub.signInAs("chen.jie", List.of("hotline-operators"));
        Visitor visitor = new Visitor();
        assertEquals("/console", visitor.get("/sso").uri().getPath());
        assertEquals(403, visitor.post("/logout", "https://evil.example").statusCode(),
                "a cross-site post with the single sign-on cookie is refused");
        assertEquals(200, visitor.get("/console").statusCode(), "and did not sign the operator out");

        HttpResponse<String> out = visitor.post("/logout", Sessions.origin());
        assertEquals("/login", out.uri().getPath());
        assertFalse(visitor.hasCookie("q_session"), "the session cookie is gone");
        assertEquals("/login", visitor.get("/console").uri().getPath());
    }

    @Test
    void shouldKeepTheFormSignInForPartnersAndLocalAccounts() {
        given().get("/login").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("href=\"/sso\""));
        for (var account : Map.of("operator", "demo-operator-pass", "huiquan", "demo-portal-pass").entrySet()) {
            var signIn = Sessions.signIn(account.getKey(), account.getValue());
            assertEquals(302, signIn.statusCode());
            var home = given().redirects().follow(false).cookie(signIn.detailedCookie("hub-session")).get("/home");
            String page = home.header("Location").endsWith("/portal") ? "/portal" : "/console";
            assertEquals(account.getKey().equals("huiquan") ? "/portal" : "/console",
                    URI.create(home.header("Location")).getPath());
            given().cookie(signIn.detailedCookie("hub-session")).get(page).then().statusCode(200);
        }
    }

    @Test
    void shouldSignInFromTheSignInPageInARealBrowser() {
        OidcProviderStub.signInAs("zhou.min", List.of("hotline-operators"));
        try (Playwright playwright = Playwright.create();
                Browser browser = PhoneBrowser.launch(playwright);
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.navigate(hub.resolve("/console").toString());
            page.waitForURL(url -> url.contains("/login"));
            page.locator("#sso").click();
            page.waitForURL(url -> URI.create(url).getPath().equals("/console"));
            assertTrue(page.content().contains("zhou.min"), "the console names the operator");
        }
    }

    /** A browser without JavaScript: keeps cookies, follows redirects across the hub and the provider. */
    private final class Visitor {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(hub.resolve(path)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String origin) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(hub.resolve(path)).header("Accept", "text/html")
                    .header("Origin", origin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        boolean hasCookie(String prefix) {
            return cookies.getCookieStore().getCookies().stream().map(HttpCookie::getName)
                    .anyMatch(name -> name.startsWith(prefix));
        }
    }
}
