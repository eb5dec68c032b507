package org.hotlinehub.connectors.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.PhoneBrowser;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A partner's front desk works a ticket on a phone in a real browser (Debian's Chromium, headless): signs in, finds
 * the fresh offer with its accept-by time, accepts it, reports progress and resolves it with a note and a photo.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class PortalBrowserTest {

    @TestHTTPResource("/portal")
    URL portal;
    @Inject
    Sql sql;

    @Test
    void shouldWorkAnOfferFromSignInToResolutionOnAPhone(@TempDir Path dir) throws Exception {
        String description = "3号楼楼道灯不亮 " + System.nanoTime();
        long id = Reports.fileAndAwaitOffer(sql, "HQW-ESTATE", "property-repair", description);
        Path photo = Files.write(dir.resolve("lamp.png"), PortalTest.PNG);

        try (Playwright playwright = Playwright.create();
                Browser browser = PhoneBrowser.launch(playwright);
                BrowserContext phone = PhoneBrowser.phone(browser, "zh-CN")) {
            Page page = phone.newPage();
            page.navigate(portal.toString());
            page.waitForURL(Pattern.compile(".*/login$"));
            page.fill("#j_username", "huiquan");
            page.fill("#j_password", "demo-portal-pass");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).tap();
            page.waitForURL(Pattern.compile(".*/portal$"));

            assertEquals("我的工单", page.getByRole(AriaRole.HEADING,
                    new Page.GetByRoleOptions().setLevel(1)).textContent().strip());
            assertNoSidewaysScrolling(page);
            Locator card = page.locator("article", new Page.LocatorOptions().setHasText(description));
            assertEquals(1, card.count(), "the fresh offer is on the list");
            assertTrue(card.locator(".deadline").textContent().contains("签收时限"), "accept-by shown on the card");
            assertTrue(card.locator(".deadline").textContent().contains("还剩"), "time left shown on the card");

            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("签收")).tap();
            page.waitForURL(Pattern.compile(".*/portal/assignments/" + id + "\\?done=accept$"));
            assertEquals("已签收，请尽快办理。", page.locator("#done").textContent().strip());
            assertEquals("已签收", page.locator("#state").textContent().strip());
            assertTrue(page.locator(".deadline").first().textContent().contains("办结时限"), "resolve-by shown");
            assertNoSidewaysScrolling(page);

            page.getByLabel("进展说明").fill("师傅已到现场，正在更换灯具");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交进展")).tap();
            page.waitForURL(Pattern.compile(".*\\?done=progress$"));
            assertEquals("办理中", page.locator("#state").textContent().strip());
            assertTrue(page.locator(".timeline").textContent().contains("师傅已到现场，正在更换灯具"));

            page.getByLabel("办理结果").fill("已更换3号楼全部楼道灯");
            page.getByLabel("现场照片（选填）").setInputFiles(photo);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交办结")).tap();
            page.waitForURL(Pattern.compile(".*\\?done=resolve$"));
            assertEquals("已办结", page.locator("#state").textContent().strip());
        }

        assertEquals("RESOLVED", sql.one("select state from assignment where id = ?", id));
        assertEquals("已更换3号楼全部楼道灯", sql.one("select resolution_note from assignment where id = ?", id));
        assertEquals(1L, sql.count("select count(*) from attachment x join assignment a on a.ticket_id = x.ticket_id"
                + " where a.id = ? and x.content_type = 'image/png' and x.filename = 'lamp.png'", id));
        assertEquals(3L,
                sql.count("select count(*) from timeline_event e join assignment a on a.ticket_id = e.ticket_id"
                        + " where a.id = ? and e.actor = 'partner:PF-HUIQUAN/huiquan' and e.channel = 'PORTAL'"
                        + " and e.kind in ('ACCEPTED', 'PROGRESS', 'RESOLVED')", id));
    }

    private static void assertNoSidewaysScrolling(Page page) {
        assertEquals(0, ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))
                .intValue(), "no sideways scrolling on a phone");
    }
}
