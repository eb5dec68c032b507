package org.hotlinehub.connectors.twilio;

import static org.hotlinehub.testsupport.Sessions.fillSignIn;
import static org.hotlinehub.testsupport.Sessions.operator;
import static org.hotlinehub.testsupport.TwilioVoice.call;
import static org.hotlinehub.testsupport.TwilioVoice.only;
import static org.hotlinehub.testsupport.TwilioVoice.post;
import static org.hotlinehub.testsupport.TwilioVoice.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.PhoneBrowser;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioVoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The operators' calls page in a real browser (Debian's Chromium, headless): while an operator types a call-back
 * note, a registered resident calls and waits, and the operator's colleague files the request; the page shows the
 * call without reloading, the note keeps its text and its focus, the ticket numbers link to the ticket page, and the
 * resident's flag is a word in the page's language.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
class CallsPageBrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    Sql sql;
    @Inject
    VoiceHours hours;

    @BeforeEach
    void staffed() {
        hours.useClock(StaffedLine.STAFFED);
    }

    @AfterEach
    void systemClock() {
        hours.useClock(Clock.systemUTC());
    }

    @Test
    void shouldShowANewCallInChineseWithoutLosingTheNoteBeingTyped() {
        watchACallArrive("zh", "独居老人", "已联系家属", "，十分钟后到");
    }

    @Test
    void shouldShowANewCallInEnglishWithoutLosingTheNoteBeingTyped() {
        watchACallArrive("en", "Elderly, living alone", "Reached her son", ", on his way");
    }

    @Test
    void shouldGoToSignInWhenTheSessionEnds() {
        try (Playwright playwright = Playwright.create();
                Browser browser = PhoneBrowser.launch(playwright);
                BrowserContext context = browser.newContext()) {
            context.setDefaultTimeout(60_000);
            Page page = context.newPage();
            page.navigate(url("/console/calls?lang=en"));
            fillSignIn(page, "operator", "demo-operator-pass");
            page.waitForSelector("#calls-lists");
            context.clearCookies(); // the session is gone: the next redraw is answered with the sign-in page
            page.waitForURL(Pattern.compile(".*/login.*"), new Page.WaitForURLOptions().setTimeout(30_000));
        }
    }

    private void watchACallArrive(String lang, String flagWord, String typed, String typedLater) {
        long callback = hungUpWhileWaiting("+86" + Reports.uniquePhone());
        String phone = "+86" + Reports.uniquePhone();
        sql.update("insert into resident (phone, name, place_id, flags, registered) values (?, '冯测试',"
                + " (select id from place where code = 'GH-COURT'), '{elderly-alone}', true)", phone);
        try (Playwright playwright = Playwright.create();
                Browser browser = PhoneBrowser.launch(playwright);
                BrowserContext context = PhoneBrowser.desk(browser, "zh-CN")) {
            Page page = context.newPage();
            page.navigate(url("/console/calls?lang=" + lang));
            fillSignIn(page, "operator", "demo-operator-pass");
            page.waitForSelector("#calls-lists");
            assertTrue(page.url().endsWith("/console/calls?lang=" + lang), page.url());
            assertEquals(0, page.locator("meta[http-equiv=refresh]").count(), "the page never reloads itself");
            page.evaluate("() => { window.stillThisPage = true; }");

            Locator note = page.locator("#note-" + callback);
            note.click();
            page.keyboard().type(typed);

            // A registered elderly resident calls and waits; a colleague files the request during the call; another
            // caller gives up waiting and joins the call-back list next to the note being typed
            String sid = queuedVulnerable(phone);
            long later = hungUpWhileWaiting("+86" + Reports.uniquePhone());
            String reference = operator().contentType("application/json")
                    .body("{\"description\":\"观海里院楼道灯坏了 " + System.nanoTime()
                            + "\",\"category\":\"property-repair\",\"place\":\"GH-COURT\"}")
                    .post("/api/v1/calls/" + sid + "/ticket").then().statusCode(202).extract().path("reference");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sql.count(
                    "select count(*) from ticket where reference = ?", reference) == 1);

            String link = "a[href='/console/tickets/" + reference + "?lang=" + lang + "']";
            Locator row = page.locator("#call-" + sid);
            page.waitForSelector("#call-" + sid + " ul.tickets " + link,
                    new Page.WaitForSelectorOptions().setTimeout(45_000));
            page.waitForSelector("#callback-" + later);
            int redrawn = Integer.parseInt(page.getAttribute("#calls-lists", "data-redrawn"));
            page.waitForFunction("n => Number(document.getElementById('calls-lists').dataset.redrawn) >= n",
                    redrawn + 2);

            assertEquals(true, page.evaluate("() => window.stillThisPage"), "shown without loading the page again");
            assertEquals("note-" + callback, page.evaluate("() => document.activeElement.id"),
                    "the note being typed kept its focus");
            page.keyboard().type(typedLater);
            assertEquals(typed + typedLater, note.inputValue(), "and its text");

            assertEquals(reference, row.locator("td:nth-child(2) " + link).textContent().strip(),
                    "the call's ticket links to the ticket page");
            String profile = row.locator("td:nth-child(5)").textContent();
            assertTrue(profile.contains(flagWord), profile);
            assertFalse(profile.contains("elderly-alone"), "the flag in words, not its code: " + profile);

            row.locator("ul.tickets " + link).click();
            page.waitForURL(Pattern.compile(".*/console/tickets/" + reference + "\\?lang=" + lang));
            assertTrue(page.textContent("h1").contains(reference), page.textContent("h1"));
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    /** A caller who waited in the queue and hung up: on the call-back list; its id there. */
    private long hungUpWhileWaiting(String phone) {
        String sid = TwilioVoice.newCallSid();
        post("/twilio/voice", call(sid, phone, "ringing"));
        post("/twilio/voice/menu?lang=zh&attempt=1", with(call(sid, phone, "in-progress"), "Digits", "0"));
        post("/twilio/voice/queue/done?lang=zh", with(call(sid, phone, "completed"), "QueueResult", "hangup",
                "QueueTime", "30"));
        return ((Number) sql.one("select id from voice_callback where call_sid = ?", sid)).longValue();
    }

    /** A registered vulnerable resident's call: past the call-assurance menu, waiting in the priority queue. */
    private static String queuedVulnerable(String phone) {
        String sid = TwilioVoice.newCallSid();
        post("/twilio/voice", call(sid, phone, "ringing"));
        post("/twilio/voice/assurance?lang=zh&attempt=1", with(call(sid, phone, "in-progress"), "Digits", "2"));
        Element queued = post("/twilio/voice/menu?lang=zh&attempt=1", with(call(sid, phone, "in-progress"),
                "Digits", "3"));
        assertEquals("hotline-priority", only(queued, "Enqueue").getTextContent());
        return sid;
    }
}
