package org.hotlinehub.connectors.console;

import static org.hotlinehub.testsupport.Tickets.auditDetails;
import static org.hotlinehub.testsupport.Tickets.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.hotlinehub.testsupport.ConsoleBrowser;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.Tickets;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Merge and split on the ticket page in a real browser (Debian's Chromium, headless): an operator sees incident
 * detection's suggestion and then the likely duplicates side by side with the ticket, merges it into the suggested
 * one (the incident link, one rule), and splits a ticket holding two problems into two, the new one dispatched. A
 * partner's portal user is refused both forms by the server; each decision is in the audit log.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class MergeSplitBrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    Sql sql;

    private Page operator() {
        return ConsoleBrowser.signedIn(base, "operator", Sessions.demoPassword("operator"));
    }

    /** The audit page, filtered by action and target as an admin would: the one entry's text. */
    private String audited(String action, String target) {
        Page admin = ConsoleBrowser.signedIn(base, "admin", Sessions.demoPassword("admin"));
        admin.navigate("/console/admin/audit?action=" + action + "&target=" + target);
        String row = admin.locator("#audit tbody tr").first().textContent();
        assertEquals(1, admin.locator("#audit tbody tr").count(), "one entry: " + row);
        admin.context().close();
        return row;
    }

    private long id(String reference) {
        return ((Number) sql.one("select id from ticket where reference = ?", reference)).longValue();
    }

    @Test
    void shouldOfferTheSuggestionAndLikelyDuplicatesSideBySideAndMergeIntoOne() {
        long n = System.nanoTime();
        String suggested = Tickets.file(sql, "黄县路宿舍停电了 merge " + n, "HX-DORM", null);
        String samePlace = Tickets.dispatched(sql, "5号楼电梯坏了 merge A " + n, "HY-GARDEN");
        String report = Tickets.dispatched(sql, "5号楼电梯坏了 merge B " + n, "HY-GARDEN");
        // incident detection (off in tests) left its suggestion as intake's grey zone does
        sql.update("insert into incident_link (incident_id, reporter_ticket_id, state, score, reason, channel,"
                + " reported_at, decided_by, decided_at) values (?, ?, 'SUGGESTED', 0.7, 'same words', 'WEB', now(),"
                + " 'incident-detection', now())", id(suggested), id(report));

        Page page = operator();
        page.navigate("/console/tickets/" + report);
        page.waitForSelector("#merge-candidates");
        assertTrue(page.textContent("#merge-this").contains("merge B " + n), "this ticket, on the left");
        List<String> order = page.locator("#merge-candidates .candidate").all().stream()
                .map(c -> c.getAttribute("data-reference")).toList();
        assertEquals(suggested, order.get(0), "detection's suggestion first: " + order);
        assertTrue(order.indexOf(samePlace) > 0, "then the open ticket of the same category and place: " + order);
        assertEquals("same-place", page.getAttribute(".candidate[data-reference='" + samePlace + "']", "data-why"));
        assertTrue(page.textContent(".candidate[data-reference='" + suggested + "']").contains("系统识别为同一事件"));

        // a ticket cannot be merged into itself: refused with the reason, nothing changed
        page.fill("#merge-target", report);
        page.click("#merge-into-form button[type=submit]");
        page.waitForSelector("#error");
        assertTrue(page.textContent("#error").contains("cannot join itself"), page.textContent("#error"));
        assertEquals("DISPATCHED", status(sql, report));

        // a partner's portal user is refused by the server
        Sessions.as("test-portal-flaky", "portal-pass-1").contentType(Sessions.FORM).formParam("target", suggested)
                .post("/console/tickets/" + report + "/merge-into").then().statusCode(403);
        assertEquals("DISPATCHED", status(sql, report));

        page.click(".candidate[data-reference='" + suggested + "'] button[type=submit]");
        page.waitForSelector("#done");
        assertEquals("MERGED", status(sql, report));
        assertEquals(id(suggested), ((Number) sql.one("select merged_into_id from ticket where reference = ?",
                report)).longValue());
        assertEquals(suggested, page.textContent("#merged-into").strip());
        assertEquals(0, sql.count("select count(*) from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ? and a.state in ('OFFERED', 'ACCEPTED', 'IN_PROGRESS')", report),
                "its offer withdrawn");
        assertEquals("LINKED", sql.one("select state from incident_link where reporter_ticket_id = ?", id(report)));
        List<Object> merged = sql.column("select e.detail from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'MERGED' order by e.id", report);
        assertTrue(String.valueOf(merged.get(merged.size() - 1)).startsWith("linked to incident " + suggested
                + " (score 0.70: confirmed by staff:operator"), "its timeline says so: " + merged);
        assertEquals(1L, Tickets.timeline(sql, suggested, "REPORTER_ADDED", "staff:operator"), "and the target's");
        assertEquals(List.of("joined incident " + suggested), auditDetails(sql, "operator", "incident.link", report));
        assertTrue(audited("incident.link", report).contains("joined incident " + suggested));
        page.context().close();
    }

    @Test
    void shouldSplitASecondProblemIntoATicketOfItsOwnAndDispatchIt() {
        long n = System.nanoTime();
        String original = Tickets.dispatched(sql, "5号楼电梯坏了，楼道里的灯也不亮 split " + n, "HY-GARDEN");
        Page page = operator();
        page.navigate("/console/tickets/" + original);
        page.waitForSelector("#split-form");
        String key = page.inputValue("#split-form input[name=key]");

        // a partner's portal user is refused by the server, and nothing is stored
        Sessions.as("test-portal-flaky", "portal-pass-1").contentType(Sessions.FORM)
                .formParam("description", "楼道灯不亮").formParam("category", "property-repair")
                .formParam("place", "HY-GARDEN").post("/console/tickets/" + original + "/split").then()
                .statusCode(403);
        // without a category: 400 naming the field, nothing stored
        Sessions.console("operator").contentType(Sessions.FORM).formParam("description", "楼道灯不亮")
                .formParam("place", "HY-GARDEN").post("/console/tickets/" + original + "/split").then()
                .statusCode(400).body(org.hamcrest.Matchers.containsString("category is required"));
        assertEquals(0, sql.count("select count(*) from ticket where split_from_id = ?", id(original)));

        page.fill("#split-description", "楼道里的灯不亮好几天了 " + n);
        page.selectOption("#split-category", "property-repair");
        page.selectOption("#split-place", "HY-GARDEN");
        page.fill("#split-note", "一个电话反映了两件事");
        page.click("#split-form button[type=submit]");
        page.waitForSelector("#split-done");
        String added = page.textContent("#split-done").strip();
        assertNotEquals(original, added);
        assertTrue(page.textContent("#split-into").contains(added), "the original names the new ticket");
        assertTrue(page.textContent("#timeline").contains("拆分出工单 " + added), "in the page's language");

        assertEquals(id(original), ((Number) sql.one("select split_from_id from ticket where reference = ?", added))
                .longValue());
        assertEquals(1L, sql.count("select count(*) from ticket t join ticket o on o.id = t.split_from_id"
                + " where t.reference = ? and t.resident_id = o.resident_id and t.channel = o.channel"
                + " and t.language = o.language", added), "the same resident, channel and language");
        assertEquals("property-repair", sql.one("select c.code from ticket t join catalog_entry c"
                + " on c.id = t.category_id where t.reference = ?", added));
        assertEquals("HY-GARDEN", sql.one("select p.code from ticket t join place p on p.id = t.place_id"
                + " where t.reference = ?", added));
        // dispatch ran for the new ticket
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from assignment a"
                + " join ticket t on t.id = a.ticket_id where t.reference = ?", added) >= 1);
        assertEquals(1L, Tickets.timeline(sql, original, "SPLIT", "staff:operator"));
        assertEquals(1L, Tickets.timeline(sql, added, "RECEIVED", "staff:operator"));
        assertEquals(List.of("split off " + added + " (category property-repair, place HY-GARDEN): 一个电话反映了两件事"),
                auditDetails(sql, "operator", "ticket.split", original));

        // the same form sent again (a double click, a reload) splits once
        Sessions.console("operator").redirects().follow(false).contentType(Sessions.FORM)
                .formParam("description", "楼道里的灯不亮好几天了 " + n).formParam("category", "property-repair")
                .formParam("place", "HY-GARDEN").formParam("key", key)
                .post("/console/tickets/" + original + "/split").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("split=" + added));
        assertEquals(1, sql.count("select count(*) from ticket where split_from_id = ?", id(original)));

        page.click("#split-done");
        page.waitForSelector("#split-from");
        assertEquals(original, page.textContent("#split-from").strip());
        assertNull(sql.one("select merged_into_id from ticket where reference = ?", added));
        page.context().close();
        assertTrue(audited("ticket.split", original).contains("split off " + added));
    }
}
