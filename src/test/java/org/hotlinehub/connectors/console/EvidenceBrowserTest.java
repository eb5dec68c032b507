package org.hotlinehub.connectors.console;

import static org.hotlinehub.testsupport.Sessions.fillSignIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.PhoneBrowser;
import org.hotlinehub.testsupport.Photos;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioRecordings;
import org.hotlinehub.testsupport.TwilioSms;
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
 * Evidence opens, in a real browser (Debian's Chromium, headless): an operator plays a voicemail's recording on its
 * ticket's page (fetched from the Twilio stub by the hub) and opens a resident's photo from its thumbnail.
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
}
