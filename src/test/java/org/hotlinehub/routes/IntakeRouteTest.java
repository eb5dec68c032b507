package org.hotlinehub.routes;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.hotlinehub.testsupport.Sessions.admin;
import static org.hotlinehub.testsupport.Sessions.operator;
import static org.hotlinehub.testsupport.Sessions.supervisor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.camel.ProducerTemplate;
import org.hotlinehub.intake.Priorities;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.Masks;
import org.hotlinehub.store.IntakeRows;
import org.hotlinehub.testsupport.DeadLetterRows;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.IntakeContacts;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/** At-least-once delivery into the intake route never makes a second ticket; what cannot be processed is kept. */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class IntakeRouteTest {

    @Inject
    ProducerTemplate producer;
    @Inject
    ObjectMapper json;
    @Inject
    IntakeContacts contacts;
    @Inject
    Sql sql;
    @Inject
    DeadLetterRows deadLetters;

    /** Fails while {@code failuresLeft} is positive, after intake has already written rows in its transaction. */
    static class FailingPriorities extends Priorities {

        final AtomicInteger failuresLeft;
        final AtomicInteger calls = new AtomicInteger();

        FailingPriorities(int failures) {
            failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public String of(String urgency, IntakeRows.Resident resident) {
            calls.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("injected failure inside the intake transaction");
            }
            return super.of(urgency, resident);
        }
    }

    private InboundContact contact(String phone, String text) {
        return contacts.repair("test", "测试", phone, "HY-GARDEN", text);
    }

    /** Dead letters are for supervisors and admins (the demo users of config/demo-access). */
    private void send(Object body) throws Exception {
        producer.sendBody("jms:queue:hub.intake", body instanceof String s ? s : json.writeValueAsString(body));
    }

    @Test
    void shouldMakeOneTicketWhenTheBrokerDeliversAContactTwice() throws Exception {
        String phone = Reports.uniquePhone();
        InboundContact contact = contact(phone, "电梯坏了，重复投递测试");
        send(contact);
        send(contact);
        await().atMost(Duration.ofSeconds(15)).until(() -> contacts.ticketsFor(phone) == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> contacts.ticketsFor(phone) == 1);
        assertEquals(1L, sql.count("select count(*) from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ?", contact.reference()), "dispatch ignores the repeated event");
    }

    @Test
    void shouldRedeliverAndMakeOneTicketWhenIntakeFailsMidTransaction() throws Exception {
        FailingPriorities failing = new FailingPriorities(2);
        QuarkusMock.installMockForType(failing, Priorities.class);
        String phone = Reports.uniquePhone();
        InboundContact contact = contact(phone, "楼道灯不亮，失败重试测试");
        send(contact);

        await().atMost(Duration.ofSeconds(15)).until(() -> contacts.ticketsFor(phone) == 1);
        assertEquals(3, failing.calls.get(), "two failed attempts, then success");
        assertEquals(1L, sql.count("select count(*) from inbound_contact where external_id = ?",
                contact.externalId()), "the failed attempts left nothing half-stored");
        assertEquals(1L, sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'RECEIVED'", contact.reference()));
    }

    @Test
    void shouldDeadLetterWithReasonAndReplayWhenIntakeKeepsFailing() throws Exception {
        FailingPriorities failing = new FailingPriorities(Integer.MAX_VALUE);
        QuarkusMock.installMockForType(failing, Priorities.class);
        String phone = Reports.uniquePhone();
        InboundContact contact = contact(phone, "下水道堵了，死信测试");
        send(contact);

        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.containing(contact.externalId()).size() == 1);
        assertEquals(5, failing.calls.get(), "first try plus four redeliveries");
        assertEquals(0L, contacts.ticketsFor(phone));
        long id = deadLetters.containing(contact.externalId()).get(0);
        assertTrue(((String) sql.one("select body from dead_letter where id = ?", id)).startsWith("enc:v1:"),
                "dead letters are kept encrypted");
        given().get("/api/v1/dead-letters").then().statusCode(401).header("WWW-Authenticate", startsWith("Basic"));
        operator().get("/api/v1/dead-letters").then().statusCode(403).body("error.code", equalTo("forbidden"));
        supervisor().get("/api/v1/dead-letters?limit=500").then().statusCode(200)
                .body("find { it.id == " + id + " }.source", equalTo("intake-contact"))
                .body("find { it.id == " + id + " }.destination", equalTo("queue:hub.intake"))
                .body("find { it.id == " + id + " }.reason",
                        equalTo("IllegalStateException: injected failure inside the intake transaction"))
                .body("find { it.id == " + id + " }.body", containsString(Masks.phone(phone)))
                .body("find { it.id == " + id + " }.body", not(containsString(phone)));

        failing.failuresLeft.set(0);
        operator().post("/api/v1/dead-letters/" + id + "/replay").then().statusCode(403);
        supervisor().post("/api/v1/dead-letters/" + id + "/replay").then().statusCode(200).body("replayCount",
                equalTo(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> contacts.ticketsFor(phone) == 1);
        admin().get("/api/v1/dead-letters?limit=500").then()
                .statusCode(200).body("find { it.id == " + id + " }", equalTo(null));
    }

    @Test
    void shouldDeadLetterMessageThatIsNotAContact() throws Exception {
        String marker = "not-json-" + System.nanoTime();
        send("{ this is " + marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.containing(marker).size() == 1);
        String reason = (String) sql.one("select reason from dead_letter where id = ?",
                deadLetters.containing(marker).get(0));
        assertTrue(reason.contains("JsonParseException") || reason.contains("Unrecognized token"), reason);
        supervisor().post("/api/v1/dead-letters/999999999/replay").then().statusCode(404)
                .body("error.code", equalTo("not_found"));
    }
}
