package org.hotlinehub.connectors.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.ConsoleBrowser;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Supervisors and admins at work in a real browser (Debian's Chromium, headless), signed in through the form. */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class AdminConsoleBrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    Sql sql;

    private Page signedIn(String user, String password) {
        return ConsoleBrowser.signedIn(base, user, password);
    }

    /** A page signed in as the demo admin, opened at this console path. */
    private Page admin(String path) {
        Page page = signedIn("admin", "demo-admin-pass");
        page.navigate(path);
        return page;
    }

    /** Picks the volunteers format and this CSV as the file, and starts the import. */
    private static void importVolunteers(Page page, String csv) {
        page.getByLabel("格式").selectOption("volunteers");
        page.getByLabel("文件").setInputFiles(new FilePayload("volunteers.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开始导入")).click();
    }

    @Test
    void shouldLetASupervisorReplayADeadLetter() {
        String queue = "hub.browser-replay-" + System.nanoTime();
        long id = ((Number) sql.one("insert into dead_letter (message_id, source, reason, destination, body)"
                + " values (?, 'browser-test', '对方系统 500', ?, '{}') returning id", "m-" + queue, "queue:" + queue))
                .longValue();
        Page page = signedIn("supervisor", "demo-supervisor-pass");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("督办")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("死信")).click();
        // htmx is served from its webjar (the script is deferred: wait until it ran)
        page.waitForFunction("typeof htmx === 'object'");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("重放 #" + id)).click();
        page.getByRole(AriaRole.STATUS).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("死信 " + id + " 已重放")).waitFor();
        assertEquals(0, page.locator("#dead-letter-" + id).count(), "a replayed letter leaves the open list");
        assertEquals(true, sql.one("select replayed from dead_letter where id = ?", id));
        assertEquals(1L, sql.count("select count(*) from audit_log where actor = 'supervisor'"
                + " and action = 'dead-letter.replay' and target = ?", String.valueOf(id)));
        page.context().close();
    }

    @Test
    void shouldLetAnAdminEditAPartnerAndSeeTheChange() {
        String code = "LA-BROWSER-" + System.nanoTime();
        sql.update("insert into partner (code, type, name_zh, delivery_channel) values (?, 'legal-aid', '浏览器法律援助站',"
                + " 'portal')", code);
        sql.update("insert into partner_area (partner_id, place_id) select p.id, pl.id from partner p, place pl"
                + " where p.code = ? and pl.code = 'HY-GARDEN'", code);
        Page page = admin("/console/admin/partners");
        page.getByRole(AriaRole.SEARCHBOX).fill(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("搜索")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code)).click();
        page.getByLabel("中文名称").fill("浏览器法律援助站（改）");
        page.getByLabel("电话").fill("not-a-number");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        page.getByRole(AriaRole.ALERT).waitFor();
        assertTrue(page.locator("#e-phone").textContent().contains("is not a phone number"),
                "the problem is shown beside its field");
        assertEquals("浏览器法律援助站（改）", page.getByLabel("中文名称").inputValue(), "what was typed is kept");

        page.getByLabel("电话").fill("+8613800771234");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        page.getByRole(AriaRole.STATUS).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("已保存")).waitFor();
        assertEquals("浏览器法律援助站（改）", page.getByLabel("中文名称").inputValue());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("返回列表")).click();
        assertTrue(page.locator("#entries tr[data-key='" + code + "']").textContent().contains("浏览器法律援助站（改）"));
        assertEquals(1L, sql.count("select count(*) from audit_log where actor = 'admin'"
                + " and action = 'reference-data.update' and target = ?", code));
        page.context().close();
    }

    @Test
    void shouldShowTheValidationReportOfABadCsvThenImportAGoodOneToTheEnd() {
        String code = "V-BROWSER-" + System.nanoTime();
        Page page = admin("/console/admin/import");
        importVolunteers(page, "code,name,phone,grid\n" + code + ",浏览器志愿者,12345,SN-01-03-G07\n");
        page.locator("#import-problems").waitFor();
        assertEquals(List.of("row 2 (" + code + ")", "phone", "phone '12345' is not a phone number"),
                page.locator("#import-problems tbody tr").first().locator("td").allTextContents());
        assertEquals(0L, sql.count("select count(*) from volunteer where code = ?", code));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("再导入一个文件")).click();
        StringBuilder csv = new StringBuilder("code,name,phone,grid\n");
        for (int i = 0; i < 40; i++) {
            csv.append(code).append('-').append(i).append(",浏览器志愿者,+86138007").append(String.format("%05d", i))
                    .append(",SN-01-03-G07\n");
        }
        importVolunteers(page, csv.toString());
        page.locator("#import-status[data-state=APPLIED]").waitFor();
        assertEquals("100", page.locator("#import-progress").getAttribute("value"));
        assertEquals("100", page.locator("#import-percent").textContent());
        assertTrue(page.locator("#import-outcome").textContent().contains("volunteers 40"));
        assertEquals(40L, sql.count("select count(*) from volunteer where code like ?", code + "-%"));
        page.context().close();
    }

    @Test
    void shouldTakeDurationsInMinutesAndHoursAndPartyTypesFromAListWithAPreviewBeforeSaving() {
        String code = "browser-durations-" + System.nanoTime();
        Page page = admin("/console/admin/catalog/new");
        page.fill("#f-code", code);
        page.fill("#f-name_zh", "浏览器时限测试");
        page.fill("#f-group", "property");
        page.fill("#f-keywords_zh", "浏览器时限测试专用词");
        page.fill("#f-urgency", "normal");
        page.fill("#f-accept-within", "45");
        page.selectOption("#u-accept-within", "min");
        page.fill("#f-resolve-within", "abc");
        page.selectOption("#u-resolve-within", "h");
        // party types are a searchable list, not codes to remember
        assertEquals("dl-party-types", page.getAttribute("#f-party", "list"));
        assertTrue(page.locator("#dl-party-types option[value='property-firm']").textContent().contains("物业公司"));
        page.fill("#f-party", "property-firm");
        page.fill("#s-fallback", "residents-committee");
        page.dispatchEvent("#s-fallback", "change");
        assertEquals("residents-committee", page.inputValue("#f-fallback"), "the picked type joins the list");

        page.click("#check");
        page.getByRole(AriaRole.ALERT).waitFor();
        assertTrue(page.locator("#e-resolve-within").textContent().contains("分钟数或小时数"),
                page.locator("#e-resolve-within").textContent());
        assertEquals("45", page.inputValue("#f-accept-within"), "what was typed is kept");

        page.fill("#f-resolve-within", "2");
        page.click("#check");
        page.locator("#preview").waitFor();
        String preview = page.locator("#preview").textContent();
        assertTrue(preview.contains("受理时限：∅ → 45 分钟"), preview);
        assertTrue(preview.contains("办结时限：∅ → 2 小时"), preview);
        assertEquals(0L, sql.count("select count(*) from catalog_entry where code = ?", code),
                "a check saves nothing");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        page.getByRole(AriaRole.STATUS).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("已保存")).waitFor();
        assertEquals(2700L, ((Number) sql.one("select accept_within_s from catalog_entry where code = ?", code))
                .longValue(), "stored as before, in seconds");
        assertEquals(7200L, ((Number) sql.one("select resolve_within_s from catalog_entry where code = ?",
                code)).longValue());
        assertEquals("45", page.inputValue("#f-accept-within"));
        assertEquals("min", page.inputValue("#u-accept-within"));
        assertEquals("2", page.inputValue("#f-resolve-within"));
        assertEquals("h", page.inputValue("#u-resolve-within"));

        page.fill("#f-accept-within", "1");
        page.selectOption("#u-accept-within", "h");
        page.click("#check");
        page.locator("#preview").waitFor();
        assertTrue(page.locator("#preview").textContent().contains("受理时限：45 分钟 → 1 小时"),
                page.locator("#preview").textContent());
        assertEquals(2700L, ((Number) sql.one("select accept_within_s from catalog_entry where code = ?", code))
                .longValue(), "not saved yet");
        // out of the classifier's way for the other tests
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("停用")).click();
        page.context().close();
    }
}
