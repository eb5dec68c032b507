package org.hotlinehub.connectors.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.CatalogSetup;
import org.hotlinehub.testsupport.ConsoleBrowser;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An admin changes the dispatch catalog in a real browser (Debian's Chromium, headless): an edit into the draft, the
 * dry run naming the open ticket that would go elsewhere and why, publish; the next report goes where the dry run said.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class CatalogVersionsBrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    Sql sql;

    @Test
    void shouldDraftDryRunAndPublishAChangeOfParty() {
        sql.update("delete from catalog_draft");
        CatalogSetup s = CatalogSetup.create("");
        String open = s.dispatched(sql, "浏览器版本测试：租房合同纠纷想找律师咨询");

        Page page = ConsoleBrowser.signedIn(base, "admin", "demo-admin-pass");
        page.navigate("/console/admin");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("调度目录版本").setExact(true)).first()
                .click();
        page.locator("#no-draft").waitFor();
        page.getByLabel("对象").selectOption("catalog");
        page.getByLabel("编码").fill(s.entry());
        page.getByLabel("字段").selectOption("party");
        page.getByLabel("新值（留空则恢复已发布的值）").fill("no-such-type");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("加入草稿")).click();
        page.locator("#problems").waitFor();
        assertTrue(page.locator("#problems").textContent().contains("party"), "the refused field is named: "
                + page.locator("#problems").textContent());
        assertEquals("no-such-type", page.getByLabel("新值（留空则恢复已发布的值）").inputValue(), "what was typed is kept");

        page.getByLabel("新值（留空则恢复已发布的值）").fill("mediation");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("加入草稿")).click();
        page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("已加入草稿")).waitFor();
        Locator edit = page.locator("#draft-items tr[data-code='" + s.entry() + "'][data-field='party']");
        assertTrue(edit.textContent().contains("legal-aid") && edit.textContent().contains("mediation"),
                "the edit beside the published value: " + edit.textContent());

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("试运行")).click();
        Locator row = page.locator("#dry-run-open tr[data-reference='" + open + "']");
        row.waitFor();
        assertTrue(row.locator(".published-party").textContent().contains(s.legalAid()));
        assertTrue(row.locator(".draft-party").textContent().contains(s.mediation()));
        assertTrue(row.locator(".draft-party").textContent().contains("by catalog " + s.entry()),
                "the rule's reason is shown");

        page.getByLabel("说明").first().fill("浏览器测试：调解先办");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布为新版本")).click();
        page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("已发布第")).waitFor();
        int published = ((Number) sql.one("select max(version) from catalog_version")).intValue();
        assertTrue(page.locator("#current-version").textContent().contains(String.valueOf(published)));
        assertTrue(page.locator("#versions tr[data-version='" + published + "']").textContent()
                .contains("浏览器测试：调解先办"));
        page.locator("#no-draft").waitFor();

        CatalogSetup.closed(sql, open);
        String next = s.dispatched(sql, "邻里之间因为停车位吵架，希望有人出面调解");
        assertEquals(s.mediation() + " v" + published, CatalogSetup.firstOffer(sql, next),
                "the next dispatch chose the party the dry run showed");
        assertEquals(1L, sql.count("select count(*) from audit_log where actor = 'admin' and action = 'catalog.publish'"
                + " and target = ?", String.valueOf(published)));
        page.context().close();
    }
}
