package org.hotlinehub.connectors.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.CatalogSetup;
import org.hotlinehub.testsupport.ConsoleBrowser;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The admin console's per-entry forms go through the catalog draft (issue 22 item 4) in a real browser (Debian's
 * Chromium): a catalog entry's party type and a partner's areas, saved on their forms, wait in the draft (live data
 * unchanged, the form showing the drafted values and a link to dry run and publish) until published; a partner's name
 * is saved at once as before. A supervisor is refused the form; each change is in the audit log the audit page
 * filters.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class DraftFormsBrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    Sql sql;

    private void save(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
    }

    @Test
    void shouldPutTheDispatchFieldsOfAnEntrysFormIntoTheDraftUntilPublished() {
        sql.update("delete from catalog_draft");
        CatalogSetup s = CatalogSetup.create("");

        // a supervisor may not post the form at all
        Sessions.console("supervisor").contentType(Sessions.FORM).formParam("party", "mediation")
                .post("/console/admin/catalog/" + s.entry()).then().statusCode(403);

        Page page = ConsoleBrowser.signedIn(base, "admin", "demo-admin-pass");
        page.navigate("/console/admin/catalog/" + s.entry());
        assertEquals(0, page.locator("#draft-pending").count(), "no draft yet");
        page.fill("#f-party", "mediation");
        save(page);
        page.locator("#drafted").waitFor();
        assertEquals("legal-aid", sql.one("select party_type from catalog_entry where code = ?", s.entry()),
                "live data unchanged until the draft is published");
        assertTrue(page.locator("#draft-pending").textContent().contains("承办方类型"),
                page.locator("#draft-pending").textContent());
        assertEquals("mediation", page.inputValue("#f-party"), "the form shows the drafted value");

        // a partner: its areas into the draft, its name at once
        page.navigate("/console/admin/partners/" + s.mediation());
        page.locator("#draft-pending").waitFor();
        page.fill("#f-name_zh", "版本调解（改名）");
        save(page);
        page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("已保存")).waitFor();
        assertEquals("版本调解（改名）", sql.one("select name_zh from partner where code = ?", s.mediation()));
        String serves = page.inputValue("#f-serves");
        page.fill("#f-serves", serves + "; SN-01-03");
        save(page);
        page.locator("#drafted").waitFor();
        assertEquals(1L, sql.count("select count(*) from partner_area pa join partner p on p.id = pa.partner_id"
                + " where p.code = ?", s.mediation()), "the new area waits in the draft");
        assertEquals(1L, sql.count("select count(*) from catalog_draft where items::text like ? and items::text"
                + " like ?", "%" + s.entry() + "%", "%" + s.mediation() + "%"), "one draft holds both edits");

        // the page links to the draft: dry run, publish
        page.click("#draft-review");
        page.locator("#draft-items tr[data-code='" + s.entry() + "'][data-field='party']").waitFor();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("试运行")).click();
        page.getByLabel("说明").first().fill("表单草稿测试");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布为新版本")).click();
        page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("已发布第")).waitFor();
        assertEquals("mediation", sql.one("select party_type from catalog_entry where code = ?", s.entry()));
        assertEquals(2L, sql.count("select count(*) from partner_area pa join partner p on p.id = pa.partner_id"
                + " where p.code = ?", s.mediation()));
        page.navigate("/console/admin/catalog/" + s.entry());
        assertEquals(0, page.locator("#draft-pending").count(), "published: no draft is pending");

        // the audit page filters the form's draft changes
        page.navigate("/console/admin/audit?action=catalog-draft.change&target=" + s.entry());
        Locator rows = page.locator("#audit tbody tr");
        rows.first().waitFor();
        assertTrue(rows.first().textContent().contains("party: legal-aid → mediation"), rows.first().textContent());
        page.context().close();
    }
}
