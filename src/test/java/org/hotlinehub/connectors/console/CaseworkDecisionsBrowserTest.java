package org.hotlinehub.connectors.console;

import static org.hotlinehub.testsupport.Tickets.assignment;
import static org.hotlinehub.testsupport.Tickets.auditDetails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;

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
 * The casework decisions on the ticket page in a real browser (Debian's Chromium, headless): a supervisor rules on a
 * return and decides an appeal, where an operator sees neither form and is refused by the server when posting it
 * anyway; an operator adds and removes a supporting party and pauses and resumes a clock. Each decision is in the
 * audit log with who and why.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class CaseworkDecisionsBrowserTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    Sql sql;

    /** The ticket's console page, in Chinese on a desktop-sized window, for a signed-in staff member. */
    private Page ticketPage(String user, String reference) {
        Page page = ConsoleBrowser.signedIn(base, user, Sessions.demoPassword(user));
        page.setViewportSize(1366, 900);
        page.navigate("/console/tickets/" + reference);
        return page;
    }

    private static String state(Sql sql, long assignment) {
        return (String) sql.one("select state from assignment where id = ?", assignment);
    }

    /** A ticket at 海韵花园 whose offer PF-HAIYUN accepted and then returned: it waits for a supervisor's ruling. */
    private record Returned(String reference, long id) {
    }

    private Returned returned(String description) {
        String reference = Tickets.dispatched(sql, description + " " + System.nanoTime(), "HY-GARDEN");
        long id = assignment(sql, reference, "PF-HAIYUN");
        Tickets.returned(id, "PF-HAIYUN");
        return new Returned(reference, id);
    }

    /**
     * After a ruling: the returned assignment's state, the assignment row the supervisor's page now shows, and the one
     * audit line of the ruling ("return of assignment {id} " and {@code detail}); closes the page.
     */
    private void assertRuled(Page supervisor, Returned ticket, String state, String row, String detail) {
        assertEquals(state, state(sql, ticket.id()));
        assertTrue(supervisor.isVisible("#assignments tr" + row));
        assertEquals(List.of("return of assignment " + ticket.id() + " " + detail),
                auditDetails(sql, "supervisor", "ticket.ruling", ticket.reference()));
        supervisor.context().close();
    }

    /** Fills and sends the ruling form of the returned assignment, and waits for the page to say it is saved. */
    private static void rule(Page page, long id, String decision, String partner, String note) {
        page.check("#ruling-form-" + id + " input[value=" + decision + "]");
        if (partner != null) {
            page.selectOption("#ruling-partner-" + id, partner);
        }
        send(page, "ruling-form-" + id, "ruling-note-" + id, note);
    }

    /** Fills the form's text field, sends the form and waits for the page to say it is saved. */
    private static void send(Page page, String form, String field, String text) {
        page.fill("#" + field, text);
        page.click("#" + form + " button[type=submit]");
        page.waitForSelector("#done");
    }

    @Test
    void shouldLetASupervisorButNotAnOperatorRuleOnAReturn() {
        Returned ticket = returned("楼顶水箱漏水 ruling");
        String reference = ticket.reference();
        long id = ticket.id();

        Page operator = ticketPage("operator", reference);
        operator.waitForSelector("#assignments");
        assertEquals(0, operator.locator("#ruling-form-" + id).count(), "no ruling form for an operator");
        assertTrue(operator.textContent("#assignments tr[data-partner='PF-HAIYUN']").contains("等待主管裁定"));
        assertTrue(operator.textContent("#assignments tr[data-partner='PF-HAIYUN']").contains("不属于本单位职责"),
                "the return reason in words");
        // the server refuses the form as well, not only the page that hides it
        Sessions.console("operator").contentType(Sessions.FORM).formParam("decision", "overrule")
                .formParam("note", "试试").post("/console/tickets/" + reference + "/assignments/" + id + "/ruling")
                .then().statusCode(403);
        assertEquals("RETURNED", state(sql, id));
        operator.context().close();

        Page supervisor = ticketPage("supervisor", reference);
        supervisor.check("#ruling-form-" + id + " input[value=overrule]");
        supervisor.click("#ruling-form-" + id + " button[type=submit]");
        supervisor.waitForSelector("#error");
        assertTrue(supervisor.textContent("#error").contains("note is required"), "sending it back needs a note");
        assertEquals("RETURNED", state(sql, id));

        rule(supervisor, id, "overrule", null, "水箱在小区红线内，属物业维护");
        assertRuled(supervisor, ticket, "ACCEPTED", "[data-partner='PF-HAIYUN'][data-state='ACCEPTED']",
                "overruled, sent back: 水箱在小区红线内，属物业维护");
    }

    @Test
    void shouldLetASupervisorUpholdTheReturnAndReassign() {
        Returned ticket = returned("单元门锁坏了 ruling");
        Page supervisor = ticketPage("supervisor", ticket.reference());
        rule(supervisor, ticket.id(), "reassign", "RC-GUANHAI", "退单理由成立");
        assertRuled(supervisor, ticket, "CANCELLED", "[data-partner='RC-GUANHAI'][data-state='OFFERED']",
                "upheld, to RC-GUANHAI: 退单理由成立");
    }

    @Test
    void shouldLetAnOperatorAddAndRemoveASupportingPartyAndPauseAndResumeAClock() {
        String reference = Tickets.dispatched(sql, "5号楼电梯坏了 support " + System.nanoTime(), "HY-GARDEN");
        long lead = assignment(sql, reference, "PF-HAIYUN");
        Page page = ticketPage("operator", reference);

        page.selectOption("#support-partner", "RC-GUANHAI");
        send(page, "support-form", "support-note", "需要居委会协调");
        long support = assignment(sql, reference, "RC-GUANHAI");
        assertTrue(page.textContent("#assignments tr[data-partner='RC-GUANHAI']").contains("协办"));
        assertEquals(List.of("supporting party RC-GUANHAI added: 需要居委会协调"),
                auditDetails(sql, "operator", "ticket.support-add", reference));

        send(page, "pause-form-" + lead, "pause-reason-" + lead, "居民出差，周六上门");
        assertTrue(page.textContent("#paused-" + lead).contains("居民出差，周六上门"), "the pause shows with its reason");
        assertEquals(List.of("clocks of assignment " + lead + " paused: 居民出差，周六上门"),
                auditDetails(sql, "operator", "ticket.pause", reference));

        send(page, "resume-form-" + lead, "resume-reason-" + lead, "居民已回家");
        assertEquals(0, page.locator("#paused-" + lead).count());
        assertEquals(1L, sql.count("select count(*) from assignment where id = ? and paused_at is null", lead));
        assertEquals(List.of("clocks of assignment " + lead + " resumed: 居民已回家"),
                auditDetails(sql, "operator", "ticket.resume", reference));

        assertEquals(0, page.locator("#support-remove-form-" + lead).count(), "the lead is reassigned, not removed");
        send(page, "support-remove-form-" + support, "support-remove-note-" + support, "居委会说不需要");
        assertEquals("CANCELLED", state(sql, support));
        assertEquals(List.of("supporting assignment " + support + " withdrawn: 居委会说不需要"),
                auditDetails(sql, "operator", "ticket.support-remove", reference));
        page.context().close();
    }

    @Test
    void shouldLetASupervisorButNotAnOperatorDecideAnAppeal() {
        String reference = Tickets.dispatched(sql, "下水道堵了 appeal " + System.nanoTime(), "HY-GARDEN");
        long appeal = Tickets.appealPending(sql, assignment(sql, reference, "PF-HAIYUN"), "PF-HAIYUN",
                "居民不满意的是物业费，与本次维修无关");

        Page operator = ticketPage("operator", reference);
        operator.waitForSelector("#appeals tr[data-appeal='" + appeal + "']");
        assertTrue(operator.textContent("#appeals").contains("不满意"));
        assertEquals(0, operator.locator("#appeal-form-" + appeal).count(), "no decision form for an operator");
        Sessions.console("operator").contentType(Sessions.FORM).formParam("decision", "uphold")
                .post("/console/tickets/" + reference + "/appeals/" + appeal + "/decision").then().statusCode(403);
        operator.context().close();

        Page supervisor = ticketPage("supervisor", reference);
        supervisor.check("#appeal-form-" + appeal + " input[value=reject]");
        send(supervisor, "appeal-form-" + appeal, "appeal-note-" + appeal, "回访记录显示是维修质量问题");
        assertEquals("REJECTED", supervisor.getAttribute("#appeals tr[data-appeal='" + appeal + "']", "data-status"));
        assertTrue(supervisor.textContent("#appeals").contains("申诉不成立"));
        assertEquals(List.of("appeal " + appeal + " of PF-HAIYUN rejected: 回访记录显示是维修质量问题"),
                auditDetails(sql, "supervisor", "ticket.appeal-decision", reference));
        supervisor.context().close();
    }
}
