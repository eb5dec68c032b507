package org.hotlinehub.connectors.console;

import static org.hotlinehub.testsupport.Sessions.fillSignIn;
import static org.hotlinehub.testsupport.Tickets.audits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.hotlinehub.model.Masks;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.PhoneBrowser;
import org.hotlinehub.testsupport.Photos;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.Tickets;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioRecordings;
import org.hotlinehub.testsupport.TwilioSms;
import org.hotlinehub.testsupport.TwilioVoice;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 20's console in a real browser (Debian's Chromium, headless), with WireMock as Twilio: evidence opens (an
 * operator plays a voicemail's recording on its ticket's page, fetched from the Twilio stub by the hub, and opens a
 * resident's photo from its thumbnail), and the call actions work (an operator "calls through the hotline" the
 * resident and the emergency contact, the Calls API ringing the operator's phone; a supervisor shows a contact's
 * number with a reason). Lean on purpose, as the machine may be busy: one sign-in per role, each action one form
 * post, every wait bounded by the context's time-out.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
class EvidenceBrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    Sql sql;

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    @Test
    void shouldPlayARecordingAndOpenAPhotoInTheConsole() throws Exception {
        String recordingSid = TwilioSms.randomSid("RE");
        TwilioRecordings.serve(recordingSid, TwilioRecordings.wav(), 0);
        String voicemail = TwilioRecordings.leaveVoicemail(sql, "+86" + Reports.uniquePhone(), recordingSid,
                TwilioRecordings.url(recordingSid));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sql.count("select count(*) from attachment a"
                + " join ticket t on t.id = a.ticket_id where t.reference = ? and a.data is not null", voicemail) == 1);
        long assignment = Photos.report(sql, "HY-GARDEN", Reports.uniquePhone(), null,
                Photos.png());
        String photographed = (String) sql.one("select t.reference from ticket t join assignment a"
                + " on a.ticket_id = t.id where a.id = ?", assignment);

        try (Playwright playwright = Playwright.create();
                Browser browser = PhoneBrowser.launch(playwright);
                BrowserContext context = PhoneBrowser.desk(browser, "zh-CN")) {
            Page page = context.newPage();
            page.navigate(url("/console/tickets/" + voicemail + "?lang=en"));
            fillSignIn(page, "operator", "demo-operator-pass");
            page.waitForURL(Pattern.compile(".*/console/tickets/" + voicemail + ".*"));

            assertEquals("Recordings and photos", page.locator("#evidence-title").textContent().strip());
            assertEquals(1, page.locator("#evidence audio").count(), "one recording, one player");
            // plays: the browser decoded the hub's copy (a second long) and its time runs
            Object duration = page.locator("#evidence audio").evaluate("a => new Promise((ok, fail) => {"
                    + " a.muted = true; a.onerror = () => fail('cannot play: ' + (a.error && a.error.code));"
                    + " a.play().then(() => { const t = () => a.currentTime > 0.2 || a.ended ? ok(a.duration)"
                    + " : setTimeout(t, 50); t(); }, fail); })");
            assertEquals(1.0, ((Number) duration).doubleValue(), 0.05, "the recording's length");
            assertTrue(page.locator("#evidence audio").isVisible());

            page.navigate(url("/console/tickets/" + photographed + "?lang=en"));
            Locator thumbnail = page.locator("#evidence img");
            assertEquals("Photo 1 (open full size)", thumbnail.getAttribute("alt"));
            thumbnail.scrollIntoViewIfNeeded();
            page.waitForFunction("() => { const i = document.querySelector('#evidence img');"
                    + " return i.complete && i.naturalWidth > 0; }");
            assertEquals(240, ((Number) thumbnail.evaluate("i => i.naturalWidth")).intValue(), "a thumbnail");
            Page full = context.waitForPage(() -> thumbnail.click());
            full.waitForLoadState();
            assertTrue(full.url().endsWith("/attachments/" + sql.one("select a.id from attachment a join ticket t"
                    + " on t.id = a.ticket_id where t.reference = ?", photographed)), full.url());
            assertEquals(600, ((Number) full.locator("img").evaluate("i => i.naturalWidth")).intValue(),
                    "the full size");
        }
    }

    /** Signs in on the ticket's page (the one page load) and waits for it. */
    private Page ticketPage(BrowserContext context, String user, String reference) {
        Page page = context.newPage();
        page.navigate(url("/console/tickets/" + reference));
        fillSignIn(page, user, "demo-" + user + "-pass");
        page.waitForSelector("#resident-phone");
        return page;
    }

    /** Submits one of the page's forms and waits for the hub's answer to that post and the page it leads to. */
    private static void submit(Page page, String form, String path) {
        page.waitForResponse(r -> r.url().endsWith(path) && "POST".equals(r.request().method()),
                () -> page.click(form + " button[type=submit]"));
        page.waitForLoadState();
    }

    @Test
    void shouldCallTheResidentAndTheContactAndShowANumberWithAReason() {
        TwilioVoice.stubCalls();
        String reference = Tickets.dispatched(sql, "电梯坏了 browser reach " + System.nanoTime(), "HY-GARDEN");
        String phone = (String) sql.one("select r.phone from ticket t join resident r on r.id = t.resident_id"
                + " where t.reference = ?", reference);
        String contact = "+86" + Reports.uniquePhone();
        sql.update("update resident set emergency_contacts = cast(? as text[]) where phone = ?", "{" + contact + "}",
                phone);

        try (Playwright playwright = Playwright.create(); Browser browser = PhoneBrowser.launch(playwright)) {
            try (BrowserContext context = PhoneBrowser.desk(browser, "zh-CN")) {
                Page page = ticketPage(context, "operator", reference);
                assertTrue(page.textContent("#resident-phone").contains(Masks.phone(phone)));
                assertFalse(page.content().contains(phone));
                assertFalse(page.content().contains(contact));
                assertEquals(0, page.locator("#show-resident").count(), "operators cannot show numbers");

                submit(page, "#call-resident", "/call");
                assertEquals("正在呼叫您的电话，接听后为您接通；对方看到的是热线号码。", page.textContent("#done").strip());
                ResidentReachTest.callTo(reference, ResidentReachTest.OPERATOR_PHONE, "resident");

                submit(page, "#call-contact-1", "/call");
                assertEquals("正在呼叫您的电话，接听后为您接通；对方看到的是热线号码。", page.textContent("#done").strip());
                ResidentReachTest.callTo(reference, ResidentReachTest.OPERATOR_PHONE, "contact-1");
                assertEquals(2L, audits(sql, "ticket.call", reference));
                assertFalse(page.content().contains(contact), "still masked after the calls");
            }
            try (BrowserContext context = PhoneBrowser.desk(browser, "zh-CN")) {
                Page page = ticketPage(context, "supervisor", reference);
                assertFalse(page.content().contains(contact));
                page.fill("#show-contact-1 input[name=reason]", "居民失联，需联系家属");
                submit(page, "#show-contact-1", "/show-number");
                assertTrue(page.textContent("#revealed-contact-1").contains(contact));
                assertEquals(1L, sql.count("select count(*) from audit_log where action = 'ticket.show-number'"
                        + " and target = ? and actor = 'supervisor' and detail like ?", reference, "%需联系家属%"));
            }
        }
    }
}
