package org.hotlinehub.connectors.console;

import static org.awaitility.Awaitility.await;
import static org.hotlinehub.testsupport.Sessions.fillSignIn;
import static org.hotlinehub.testsupport.Tickets.audits;
import static org.hotlinehub.testsupport.Tickets.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.PhoneBrowser;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.Tickets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An operator's main journeys in a real browser (Debian's Chromium, headless), one browser for the class: sign in,
 * take a triage item from the live queue, file a ticket for a caller, override dispatch and merge duplicates, pick a
 * category the triage form suggests.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class OperatorConsoleBrowserTest {

    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    Sql sql;

    static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create();
            browser = PhoneBrowser.launch(playwright);
        }
        return browser;
    }

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    /** A signed-in operator's page, in Chinese. */
    private Page signIn(BrowserContext context) {
        Page page = context.newPage();
        page.navigate(url("/console/queue"));
        fillSignIn(page, "operator", "demo-operator-pass");
        try {
            page.waitForSelector("nav.menu");
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError("not signed in: at " + page.url() + ": " + page.content(), e);
        }
        return page;
    }

    /** A fresh browser profile; generous time-outs, as the machine running the tests may be busy. */
    private BrowserContext context() {
        BrowserContext context = browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setViewportSize(1366, 900));
        context.setDefaultTimeout(60_000);
        return context;
    }

    @Test
    void shouldShowANewTriageItemLiveAndDispatchItOnceClassifiedAndLocated() {
        try (BrowserContext context = context()) {
            Page page = signIn(context);
            page.navigate(url("/console/queue"));
            page.waitForSelector("#live", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));

            String reference = Tickets.inTriage(sql, "家里水管爆了需要人来 " + System.nanoTime());
            // no reload: the server-sent event makes htmx redraw the table
            page.waitForSelector("#triage-items tr[data-reference='" + reference + "']",
                    new Page.WaitForSelectorOptions().setTimeout(45_000));
            assertTrue(page.getAttribute("#queue-items", "data-pushed") != null,
                    "redrawn because the event stream said the queue changed (not the once-a-minute refresh)");
            page.click("#triage-items tr[data-reference='" + reference + "'] a");
            page.waitForSelector("#triage-form");
            page.selectOption("#triage-category", "property-repair");
            page.selectOption("#triage-place", "HY-GARDEN");
            page.fill("#triage-note", "来电确认是海韵花园");
            page.click("#triage-form button[type=submit]");
            page.waitForSelector("#done");
            assertEquals("已派单", page.textContent("#status").strip());
            assertTrue(page.isVisible("#assignments tr[data-partner='PF-HAIYUN'][data-state='OFFERED']"));
            assertEquals("DISPATCHED", status(sql, reference));
            assertEquals(1L, audits(sql, "ticket.triage", reference));

            page.navigate(url("/console/queue"));
            assertEquals(0, page.locator("#triage-items tr[data-reference='" + reference + "']").count(),
                    "it left triage");
        }
    }

    @Test
    void shouldFileATicketForACallerWithTheirProfileOnScreen() {
        try (BrowserContext context = context()) {
            Page page = signIn(context);
            page.navigate(url("/console/tickets/new"));
            page.locator("#phone").pressSequentially("13900000002");
            page.waitForSelector("#caller-profile h2");
            assertTrue(page.textContent("#caller-profile").contains("王大爷"), "the caller's profile is shown");
            assertTrue(page.textContent("#caller-profile").contains("独居老人"), "flagged as living alone");
            String description = "王大爷来电：家里电梯坏了下不了楼 " + System.nanoTime();
            page.fill("#description", description);
            page.selectOption("#category", "property-repair");
            page.click("#new-ticket button[type=submit]");
            page.waitForSelector("#status", new Page.WaitForSelectorOptions().setTimeout(20_000));
            String reference = page.url().replaceAll(".*/console/tickets/(\\d+).*", "$1");
            assertEquals("OPERATOR", sql.one("select channel from ticket where reference = ?", reference));
            assertEquals(description, sql.one("select description from ticket where reference = ?", reference));
            assertEquals("HY-GARDEN", sql.one("select p.code from ticket t join place p on p.id = t.place_id"
                    + " where t.reference = ?", reference), "located by the resident's registered address");
            assertEquals("urgent", sql.one("select priority from ticket where reference = ?", reference),
                    "raised for a resident living alone");
            assertEquals(1L, audits(sql, "ticket.create", reference));
            assertTrue(page.textContent("#resident").contains("王大爷"));
        }
    }

    @Test
    void shouldOverrideDispatchAndMergeADuplicate() {
        String primary = Tickets.dispatched(sql, "5号楼电梯坏了 browser " + System.nanoTime(), "HY-GARDEN");
        String duplicate = Tickets.dispatched(sql, "5号楼电梯也坏了 browser " + System.nanoTime(), "HY-GARDEN");
        try (BrowserContext context = context()) {
            Page page = signIn(context);
            page.navigate(url("/console/tickets/" + primary));
            page.selectOption("#reassign-partner", "RC-GUANHAI");
            page.fill("#reassign-note", "物业电话打不通");
            page.click("#reassign-form button[type=submit]");
            page.waitForSelector("#done");
            assertTrue(page.isVisible("#assignments tr[data-partner='RC-GUANHAI'][data-state='OFFERED']"));
            assertTrue(page.isVisible("#assignments tr[data-partner='PF-HAIYUN'][data-state='CANCELLED']"));
            assertEquals(1L, audits(sql, "ticket.reassign", primary));

            page.fill("#merge-duplicates", duplicate);
            page.click("#merge-form button[type=submit]");
            page.waitForSelector("#merged a");
            assertEquals(duplicate, page.textContent("#merged a").strip());
            assertEquals("MERGED", status(sql, duplicate));
            assertEquals(1L, audits(sql, "ticket.merge", primary));

            page.click("#merged a");
            page.waitForSelector("#merged-into");
            assertEquals("已合并", page.textContent("#status").strip());

            // a refused action shows why, on the page
            page.navigate(url("/console/tickets/" + primary));
            page.fill("#merge-duplicates", duplicate);
            page.click("#merge-form button[type=submit]");
            page.waitForSelector("#error");
            assertTrue(page.textContent("#error").contains("only an open ticket can be merged"));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> sql.count("select count(*) from outbound_message"
                + " where ticket_reference = ? and purpose = 'merge-notice'", duplicate) == 1);
    }

    @Test
    void shouldOfferThreeSuggestedCategoriesInTriageWithNoneChosenAndPickTheOneClicked() {
        // located by its address, but nothing the catalog knows (no category): it waits in triage
        String reference = Tickets.file(sql, "借书证的事 " + System.nanoTime(), null, "黄县路宿舍");
        await().atMost(Duration.ofSeconds(20)).until(() -> "TRIAGE".equals(status(sql, reference)));
        try (BrowserContext context = context()) {
            Page page = signIn(context);
            page.navigate(url("/console/tickets/" + reference));
            page.waitForSelector("#triage-form");

            assertEquals("", page.inputValue("#triage-category"), "no category is chosen for the operator");
            assertTrue(page.locator("#triage-category option[value='']").textContent().contains("请选择"));
            assertEquals("HX-DORM", page.inputValue("#triage-place"), "the place the ticket already has stays");
            Locator suggested = page.locator("#triage-suggested-categories button.suggestion");
            assertEquals(3, suggested.count(), page.content());
            List<String> labels = suggested.allTextContents();
            assertTrue(labels.stream().allMatch(l -> l.matches(".+ \\d{1,3} %")), labels.toString());
            assertTrue(page.isVisible("#triage-suggested-places button[data-value='HX-DORM']"));

            String second = suggested.nth(1).getAttribute("data-value");
            suggested.nth(1).click();
            assertEquals(second, page.inputValue("#triage-category"), "the click picked the suggested category");
            suggested.nth(0).click();
            assertEquals(suggested.nth(0).getAttribute("data-value"), page.inputValue("#triage-category"));
        }
    }
}
