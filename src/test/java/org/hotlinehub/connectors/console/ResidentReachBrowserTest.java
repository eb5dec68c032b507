package org.hotlinehub.connectors.console;

import static org.hotlinehub.testsupport.Sessions.fillSignIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.hotlinehub.model.Masks;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.PhoneBrowser;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.Tickets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The ticket page's ways to reach the resident, in a real browser (Debian's Chromium, headless): an operator calls
 * through the hotline (sandbox mode here: no Twilio credentials, the call is recorded) and has no "show number"; a
 * supervisor shows the number with a reason, and the next view is masked again.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class ResidentReachBrowserTest {

    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    Sql sql;

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private Page signIn(BrowserContext context, String user, String password, String path) {
        Page page = context.newPage();
        page.navigate(url(path));
        fillSignIn(page, user, password);
        page.waitForSelector("nav.menu");
        return page;
    }

    private BrowserContext context() {
        if (browser == null) {
            playwright = Playwright.create();
            browser = PhoneBrowser.launch(playwright);
        }
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setViewportSize(1366, 900));
        context.setDefaultTimeout(60_000);
        return context;
    }

    @Test
    void shouldCallThroughTheHotlineAsOperatorAndShowTheNumberAsSupervisorWithAReason() {
        String reference = Tickets.dispatched(sql, "电梯坏了 browser reach " + System.nanoTime(), "HY-GARDEN");
        String phone = (String) sql.one("select r.phone from ticket t join resident r on r.id = t.resident_id"
                + " where t.reference = ?", reference);
        String path = "/console/tickets/" + reference;
        try (BrowserContext context = context()) {
            Page page = signIn(context, "operator", "demo-operator-pass", path);
            assertTrue(page.textContent("#resident-phone").contains(Masks.phone(phone)));
            assertEquals(0, page.locator("#show-resident").count(), "operators cannot show numbers");
            page.click("#call-resident button[type=submit]");
            page.waitForSelector("#done");
            assertEquals("正在呼叫您的电话，接听后为您接通；对方看到的是热线号码。", page.textContent("#done").strip());
            assertEquals(1L, sql.count("select count(*) from audit_log where action = 'ticket.call'"
                    + " and target = ? and actor = 'operator'", reference));
        }
        try (BrowserContext context = context()) {
            Page page = signIn(context, "supervisor", "demo-supervisor-pass", path);
            assertFalse(page.content().contains(phone));
            page.fill("#show-resident input[name=reason]", "居民电话打不通，核对号码");
            page.click("#show-resident button[type=submit]");
            page.waitForSelector("#revealed-resident");
            assertTrue(page.textContent("#revealed-resident").contains(phone));
            assertEquals(1L, sql.count("select count(*) from audit_log where action = 'ticket.show-number'"
                    + " and target = ? and actor = 'supervisor'", reference));
            page.navigate(url(path));
            assertFalse(page.content().contains(phone), "masked again on the next view");
        }
    }
}
