package org.hotlinehub.connectors.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.PhoneBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The residents' pages and the sign-in page in a real browser, in both languages and in their error states: labels,
 * language, headings, names of buttons and links, described errors, text contrast (WCAG AA), and that the keyboard
 * alone reaches every field and the submit button with a visible focus.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class AccessibilityBrowserTest {

    @TestHTTPResource("/")
    URL root;

    static Playwright playwright;
    static Browser browser;
    static String audit;

    @BeforeAll
    static void launch() throws IOException {
        try (InputStream in = AccessibilityBrowserTest.class.getResourceAsStream("/a11y/audit.js")) {
            audit = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        playwright = Playwright.create();
        browser = PhoneBrowser.launch(playwright);
    }

    @AfterAll
    static void close() {
        browser.close();
        playwright.close();
    }

    private Page open(BrowserContext context, String path) {
        Page page = context.newPage();
        page.navigate(root.toString().replaceAll("/$", "") + path);
        return page;
    }

    @SuppressWarnings("unchecked")
    private static List<String> problems(Page page) {
        return (List<String>) page.evaluate(audit);
    }

    private BrowserContext phone(String locale) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true)
                .setHasTouch(true).setLocale(locale));
    }

    @Test
    void shouldPassTheAuditOnEveryPublicPageInBothLanguages() {
        List<String> found = new ArrayList<>();
        for (String locale : List.of("zh-CN", "en")) {
            try (BrowserContext context = phone(locale)) {
                for (String path : List.of("/report", "/status", "/status?reference=000000000&phone=13800000000",
                        "/login", "/login?error=1")) {
                    Page page = open(context, path);
                    problems(page).forEach(p -> found.add(locale + " " + path + ": " + p));
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void shouldDescribeEveryErrorWhenTheFormComesBackInvalid() {
        try (BrowserContext context = phone("zh-CN")) {
            Page page = open(context, "/report");
            // past the browser's own checks, so the server's answer is what is audited
            page.evaluate("document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))");
            page.locator("button[type=submit]").click();
            page.waitForSelector("[aria-invalid=true]");
            assertTrue(page.locator("[role=alert], .errors").count() > 0, "the errors are announced");
            assertEquals(List.of(), problems(page));
        }
    }

    @Test
    void shouldReachEveryFieldAndTheSubmitButtonByKeyboardWithAVisibleFocus() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = open(context, "/report");
            List<String> reached = new ArrayList<>();
            List<String> invisibleFocus = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                page.keyboard().press("Tab");
                String id = (String) page.evaluate("(document.activeElement.id || document.activeElement.tagName)"
                        + " + ':' + document.activeElement.getAttribute('type')");
                reached.add(id);
                boolean visible = (Boolean) page.evaluate("(() => { const s = getComputedStyle(document.activeElement);"
                        + " return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)"
                        + " || s.boxShadow !== 'none'; })()");
                if (!visible && !id.startsWith("BODY")) {
                    invisibleFocus.add(id);
                }
                if (id.equals("BUTTON:submit")) {
                    break;
                }
            }
            for (String field : List.of("category", "description", "phone", "address")) {
                assertTrue(reached.stream().anyMatch(r -> r.startsWith(field + ":")), field + " reached: " + reached);
            }
            assertTrue(reached.contains("BUTTON:submit"), "submit reached: " + reached);
            assertTrue(reached.stream().noneMatch(r -> r.startsWith("website:")), "the honeypot is skipped");
            assertEquals(List.of(), invisibleFocus, "focus must be visible");
        }
    }

    @Test
    void shouldFindTheProblemsItLooksForOnABadPage() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.setContent("<html><head><title>bad</title></head><body><h1>one</h1><h1>two</h1>"
                    + "<input id='nolabel'><p style='color:#aaa;background:#fff'>faint text</p>"
                    + "<img src='x.png'><button></button></body></html>");
            List<String> found = problems(page);
            assertTrue(found.stream().anyMatch(p -> p.startsWith("html lang")), found.toString());
            assertTrue(found.contains("expected one visible h1, found 2"), found.toString());
            assertTrue(found.contains("no label: input#nolabel"), found.toString());
            assertTrue(found.stream().anyMatch(p -> p.startsWith("contrast 2.32 for \"faint text\"")),
                    found.toString());
            assertTrue(found.contains("image without alt: img"), found.toString());
            assertTrue(found.contains("no accessible name: button"), found.toString());
        }
    }
}
