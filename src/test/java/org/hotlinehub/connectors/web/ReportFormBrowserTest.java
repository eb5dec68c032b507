package org.hotlinehub.connectors.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.PhoneBrowser;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A resident files a report through the form in a real browser (Debian's Chromium, headless) on a phone-sized screen:
 * labels lead to their fields, the compound suggestion fills in the compound, and the answer shows the reference of
 * a ticket that exists.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class ReportFormBrowserTest {

    @TestHTTPResource("/report")
    URL report;
    @Inject
    Sql sql;

    @Test
    void shouldFileReportThroughTheFormOnAPhoneScreen() {
        try (Playwright playwright = Playwright.create();
                Browser browser = PhoneBrowser.launch(playwright);
                BrowserContext phone = PhoneBrowser.phone(browser, "zh-CN")) {
            Page page = phone.newPage();
            page.navigate(report.toString());
            assertEquals("在线报事", page.getByRole(AriaRole.HEADING).first().textContent().strip());
            int formWidth = ((Number) page.evaluate("document.querySelector('form').getBoundingClientRect().width"))
                    .intValue();
            assertTrue(formWidth <= 390, "the form fits the phone's width, was " + formWidth);
            assertEquals(0, ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))
                    .intValue(), "no sideways scrolling on a phone");

            String description = "楼道灯坏了一个星期 " + System.nanoTime();
            String phoneNumber = Reports.uniquePhone();
            page.getByLabel("事项类别").selectOption("property-repair");
            page.getByLabel("楼号及单元（如 3号楼2单元）").fill("5号楼1单元");
            page.getByLabel("问题类型").selectOption("lighting");
            page.getByLabel("情况描述 *").fill(description);
            page.getByLabel("您的称呼").fill("浏览器测试");
            page.getByLabel("手机号码 *").fill(phoneNumber);
            page.getByLabel("详细地址").pressSequentially("海韵",
                    new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(50));
            await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) page.evaluate(
                    "document.querySelectorAll('#place-suggestions option').length")).intValue() > 0);
            String suggestion = (String) page.evaluate("document.querySelector('#place-suggestions option').value");
            assertEquals("海韵花园 · 观海路12号", suggestion);
            page.getByLabel("详细地址").fill(suggestion);
            page.getByLabel("详细地址").dispatchEvent("input");
            assertEquals("HY-GARDEN", page.getByLabel("小区").inputValue(), "choosing a suggestion picks the compound");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交")).tap();
            page.waitForSelector("#reference");
            String reference = page.textContent("#reference").strip();
            assertTrue(reference.matches("\\d{9}"), reference);

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> sql.count("select count(*) from ticket where reference = ?", reference) == 1);
            assertEquals(description, sql.one("select description from ticket where reference = ?", reference));
            assertEquals("HY-GARDEN", sql.one("select p.code from ticket t join place p on p.id = t.place_id"
                    + " where t.reference = ?", reference));
            assertEquals(true, sql.one("select attributes = cast(? as jsonb) from ticket where reference = ?",
                    "{\"building\": [\"5号楼1单元\"], \"problem\": [\"lighting\"]}", reference),
                    "the category's questions appeared when it was chosen, and their answers are on the ticket");
        }
    }
}
