package org.hotlinehub.connectors.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hotlinehub.testsupport.Sessions.FORM;
import static org.hotlinehub.testsupport.Sessions.origin;
import static org.hotlinehub.testsupport.Sessions.session;
import static org.hotlinehub.testsupport.Tickets.audits;
import static org.hotlinehub.testsupport.TwilioVoice.call;
import static org.hotlinehub.testsupport.TwilioVoice.only;
import static org.hotlinehub.testsupport.TwilioVoice.verbs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotlinehub.model.Masks;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.Tickets;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioVoice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.specification.RequestSpecification;

/**
 * Operators reach the resident without seeing the number (issue 20, item 2): "call through the hotline" rings the
 * operator's phone (WireMock as the Calls API) and, once answered, dials the resident or an emergency contact with the
 * hotline as caller id; "show number" is for the roles in hub.console.show-number-roles, needs a reason and is
 * audited. Masked remains the default.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
class ResidentReachTest {

    /** hub.voice.operators.operator in the test profile. */
    static final String OPERATOR_PHONE = "+8613700000001";

    @Inject
    Sql sql;

    private String reference;
    private String residentPhone;
    private String contact;

    @BeforeEach
    void ticketWithContacts() {
        TwilioVoice.stubCalls();
        reference = Tickets.dispatched(sql, "电梯坏了 reach " + System.nanoTime(), "HY-GARDEN");
        residentPhone = (String) sql.one("select r.phone from ticket t join resident r on r.id = t.resident_id"
                + " where t.reference = ?", reference);
        contact = "+86" + Reports.uniquePhone();
        sql.update("update resident set emergency_contacts = cast(? as text[]) where phone = ?", "{" + contact + "}",
                residentPhone);
    }

    /** Numbers shown on this ticket, by anyone. */
    private long shown() {
        return sql.count("select count(*) from audit_log where action = 'ticket.show-number' and target = ?",
                reference);
    }

    private static RequestSpecification as(Cookie session) {
        return given().redirects().follow(false).cookie(session).header("Origin", origin()).contentType(FORM);
    }

    private Map<String, String> callTo(String to, String target) {
        return callTo(reference, to, target);
    }

    /** The Calls API request that rang {@code to} for the ticket's {@code target} (resident, contact-N). */
    static Map<String, String> callTo(String reference, String to, String target) {
        return TwilioVoice.callsCreated().stream().filter(f -> to.equals(f.get("To"))
                && f.get("Url").contains("ticket=" + reference + "&target=" + target)).findFirst()
                .orElseThrow(() -> new AssertionError("no call to " + to + " for " + target));
    }

    @Test
    void shouldRingTheOperatorAndThenDialTheResidentOrContactWithTheHotlineAsCallerId() {
        Cookie operator = session("operator", "demo-operator-pass");
        // the page shows masked numbers and the call buttons, and no way to show a number for an operator
        String page = given().cookie(operator).get("/console/tickets/" + reference).then().statusCode(200)
                .body(containsString("id=\"call-resident\"")).body(containsString("id=\"call-contact-1\""))
                .body(not(containsString("id=\"show-resident\""))).extract().asString();
        assertTrue(page.contains(Masks.phone(residentPhone)));
        assertFalse(page.contains(residentPhone));
        assertFalse(page.contains(contact));

        as(operator).formParam("target", "resident").post("/console/tickets/" + reference + "/call").then()
                .statusCode(303).header("Location", endsWith("/console/tickets/" + reference + "?done=call"));
        Map<String, String> created = callTo(OPERATOR_PHONE, "resident");
        assertEquals(TwilioApiStub.FROM, created.get("From"));
        assertEquals(TwilioVoice.BASE + "/bridge?ticket=" + reference + "&target=resident&lang=zh",
                created.get("Url"));
        assertFalse(created.get("Url").contains(residentPhone.substring(3)), "the number is never in the URL");
        assertEquals(TwilioVoice.BASE + "/status", created.get("StatusCallback"));

        // The operator answers: Twilio asks the hub what to do, and the hub dials the resident as the hotline
        Element bridge = TwilioVoice.post("/twilio/voice/bridge?ticket=" + reference + "&target=resident&lang=zh",
                TwilioVoice.with(call(TwilioVoice.newCallSid(), TwilioVoice.HOTLINE, "in-progress"), "Direction",
                        "outbound-api", "To", OPERATOR_PHONE));
        assertEquals(List.of("Say", "Dial", "Hangup"), verbs(bridge));
        Element dial = only(bridge, "Dial");
        assertEquals(TwilioApiStub.FROM, dial.getAttribute("callerId"));
        assertEquals(residentPhone, only(dial, "Number").getTextContent());

        // the same for the emergency contact
        as(operator).formParam("target", "contact-1").post("/console/tickets/" + reference + "/call").then()
                .statusCode(303);
        callTo(OPERATOR_PHONE, "contact-1");
        Element toContact = TwilioVoice.post("/twilio/voice/bridge?ticket=" + reference + "&target=contact-1&lang=zh",
                TwilioVoice.with(call(TwilioVoice.newCallSid(), TwilioVoice.HOTLINE, "in-progress"), "Direction",
                        "outbound-api", "To", OPERATOR_PHONE));
        assertEquals(contact, only(only(toContact, "Dial"), "Number").getTextContent());

        // audited and on the timeline, with masked numbers only
        assertEquals(2L, audits(sql, "ticket.call", reference));
        assertEquals(0L, sql.count("select count(*) from audit_log where target = ? and (detail like ? or detail"
                + " like ?)", reference, "%" + residentPhone + "%", "%" + contact + "%"));
        assertEquals(2L, sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'NOTE' and e.detail like 'called %through the hotline%'",
                reference));

        // bad targets name the field; a number the ticket does not have is 404; no phone configured is 400
        as(operator).formParam("target", "neighbour").post("/console/tickets/" + reference + "/call").then()
                .statusCode(400).body(containsString("target must be"));
        as(operator).formParam("target", "contact-9").post("/console/tickets/" + reference + "/call").then()
                .statusCode(404).body(containsString("no emergency contact 9"));
        as(session("supervisor", "demo-supervisor-pass")).formParam("target", "resident")
                .post("/console/tickets/" + reference + "/call").then().statusCode(400)
                .body(containsString("hub.voice.operators.supervisor"));
    }

    @Test
    void shouldShowANumberOnlyToAllowedRolesWithAReasonAndAnAuditEntry() {
        Cookie operator = session("operator", "demo-operator-pass");
        String refused = as(operator).formParam("target", "resident").formParam("reason", "家属要求回电")
                .post("/console/tickets/" + reference + "/show-number").then().statusCode(403)
                .body(containsString("不能查看完整号码")).extract().asString();
        assertFalse(refused.contains(residentPhone));
        assertEquals(0L, shown());

        Cookie supervisor = session("supervisor", "demo-supervisor-pass");
        given().cookie(supervisor).get("/console/tickets/" + reference).then().statusCode(200)
                .body(containsString("id=\"show-resident\"")).body(containsString("id=\"show-contact-1\""))
                .body(not(containsString(residentPhone)));
        as(supervisor).formParam("target", "resident").formParam("reason", " ")
                .post("/console/tickets/" + reference + "/show-number").then().statusCode(400)
                .body(containsString("reason is required")).body(not(containsString(residentPhone)));
        assertEquals(0L, shown());

        as(supervisor).formParam("target", "contact-1").formParam("reason", "居民失联，需联系家属")
                .post("/console/tickets/" + reference + "/show-number").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("id=\"revealed-contact-1\"")).body(containsString(contact))
                .body(not(containsString(residentPhone)));
        assertEquals(1L, shown());
        String detail = (String) sql.one("select detail from audit_log where action = 'ticket.show-number'"
                + " and target = ?", reference);
        assertEquals("showed emergency contact 1 " + Masks.phone(contact) + "; reason: 居民失联，需联系家属", detail);
        assertEquals("supervisor", sql.one("select actor from audit_log where action = 'ticket.show-number'"
                + " and target = ?", reference));
        // the next view is masked again
        given().cookie(supervisor).get("/console/tickets/" + reference).then().statusCode(200)
                .body(not(containsString(contact)));
    }
}
