package org.hotlinehub.routes;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;

import org.hotlinehub.connectors.jms.JmsEndpoints;
import org.hotlinehub.intake.Priorities;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ContactIntent;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.port.ReferenceNumbers;
import org.hotlinehub.store.IntakeRows;
import org.hotlinehub.testsupport.DeadLetterRows;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.IntakeContacts;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Intake takes contacts in batches, one database transaction each: the boundaries of a batch must not change what
 * becomes of each contact — a bad message, a batch that fails after writing rows, a follow-up ahead of its ticket.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class IntakeBatchTest {

    @Inject
    ConnectionFactory broker;
    @Inject
    ObjectMapper json;
    @Inject
    ReferenceNumbers references;
    @Inject
    Sql sql;
    @Inject
    DeadLetterRows deadLetters;
    @Inject
    IntakeContacts contacts;

    /** Fails the first time it classifies the contact of {@code phone}, after intake wrote that batch's rows. */
    static class FailOnceFor extends Priorities {

        final String phone;
        final AtomicInteger failures = new AtomicInteger();

        FailOnceFor(String phone) {
            this.phone = phone;
        }

        @Override
        public String of(String urgency, IntakeRows.Resident resident) {
            if (resident != null && phone.equals(resident.phone()) && failures.getAndIncrement() == 0) {
                throw new IllegalStateException("injected failure in the middle of a batch");
            }
            return super.of(urgency, resident);
        }
    }

    private InboundContact request(String phone, String text) {
        return contacts.repair("batch", "批量", phone, "HY-GARDEN", text);
    }

    /** Sends all bodies in one JMS transaction: they reach intake together, as one batch or few. */
    private void sendTogether(List<String> bodies) {
        try (JMSContext context = broker.createContext(JMSContext.SESSION_TRANSACTED)) {
            var producer = context.createProducer();
            var queue = context.createQueue(JmsEndpoints.INTAKE_QUEUE);
            bodies.forEach(b -> producer.send(queue, b));
            context.commit();
        }
    }

    @Test
    void shouldFileEveryGoodContactOfABatchAndDeadLetterOnlyThePoisonOne() throws Exception {
        List<String> phones = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        String marker = "poison-" + System.nanoTime();
        for (int i = 0; i < 6; i++) {
            String phone = Reports.uniquePhone();
            phones.add(phone);
            bodies.add(json.writeValueAsString(request(phone, "批量测试" + i + "：楼道灯坏了")));
            if (i == 2) {
                bodies.add("{ not a contact " + marker);
            }
        }
        sendTogether(bodies);
        await().atMost(Duration.ofSeconds(30)).until(() -> phones.stream().allMatch(p -> contacts.ticketsFor(p) == 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.containing(marker).size() == 1);
        assertEquals("intake-contact",
                sql.one("select source from dead_letter where id = ?", deadLetters.containing(marker).get(0)));
        for (String phone : phones) {
            assertEquals(List.of(), deadLetters.containing(phone));
        }
        // supervisors are alerted: on every console page, and by a metric
        long open = sql.count("select count(*) from dead_letter where not replayed");
        Sessions.console("supervisor").get("/console?lang=zh").then().statusCode(200)
                .body(containsString(open + " 条消息未能处理，请查看原因并重放。"));
        Sessions.console("operator").get("/console?lang=zh").then().statusCode(200)
                .body(not(containsString("条消息未能处理")));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("hub_dead_letters_total{source=\"intake-contact\"}"));
    }

    @Test
    void shouldMakeOneTicketPerContactWhenABatchFailsAfterWritingAndIsRedelivered() throws Exception {
        List<String> phones = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String phone = Reports.uniquePhone();
            phones.add(phone);
            bodies.add(json.writeValueAsString(request(phone, "重投测试" + i + "：水管漏水")));
        }
        FailOnceFor failing = new FailOnceFor("+86" + phones.get(3));
        QuarkusMock.installMockForType(failing, Priorities.class);
        sendTogether(bodies);
        await().atMost(Duration.ofSeconds(30)).until(() -> phones.stream().allMatch(p -> contacts.ticketsFor(p) == 1));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> phones.stream().allMatch(p -> contacts.ticketsFor(p) == 1));
        assertTrue(failing.failures.get() >= 1, "the injected failure happened");
        for (String phone : phones) {
            assertEquals(1L, sql.count("select count(*) from inbound_contact where external_id = ?", "batch:" + phone));
            assertEquals(1L, sql.count("select count(*) from assignment a join ticket t on t.id = a.ticket_id"
                    + " join resident r on r.id = t.resident_id where r.phone = ?", "+86" + phone),
                    "one offer, however often the batch was delivered");
        }
    }

    @Test
    void shouldKeepAFollowUpThatArrivesBeforeItsTicketAndFileItWhenTheTicketExists() throws Exception {
        String phone = Reports.uniquePhone();
        InboundContact first = request(phone, "家里停水了");
        InboundContact followUp = new InboundContact(Channel.SMS, "SM" + Long.toHexString(System.nanoTime())
                + "0123456789abcdef0", first.reference(), Instant.now(), "+86" + phone, null, "还有楼上也停水", "zh",
                null, null, null, null, null, List.of(), ContactIntent.FOLLOW_UP);
        sendTogether(List.of(json.writeValueAsString(followUp)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> sql.count(
                "select count(*) from inbound_contact where external_id = ?", followUp.externalId()) == 0);
        sendTogether(List.of(json.writeValueAsString(first)));
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.count("select count(*) from timeline_event e"
                + " join ticket t on t.id = e.ticket_id where t.reference = ? and e.kind = 'FOLLOW_UP'"
                + " and e.detail = '还有楼上也停水'", first.reference()) == 1);
        assertEquals(List.of(), deadLetters.containing(followUp.externalId()),
                "never dead-lettered for arriving early");
    }

    @Test
    void shouldMakeOneTicketForADoubleSubmitAndOneResidentForANewNumberWithinOneBatch() throws Exception {
        String twice = Reports.uniquePhone();
        InboundContact first = request(twice, "同批重复提交：电梯坏了");
        // the same form submitted again (same external id) after the sender was told another reference
        InboundContact again = new InboundContact(first.channel(), first.externalId(), references.next(),
                first.receivedAt(), first.phone(), first.name(), first.text(), first.language(), first.categoryCode(),
                first.placeCode(), null, null, null, List.of());
        String newcomer = Reports.uniquePhone();
        InboundContact one = request(newcomer, "同一新号码第一件：楼道灯坏了");
        InboundContact two = contacts.repair("batch-second", "批量", newcomer, "HY-GARDEN", "同一新号码第二件：水管漏水");
        sendTogether(List.of(json.writeValueAsString(first), json.writeValueAsString(again),
                json.writeValueAsString(one), json.writeValueAsString(two)));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> contacts.ticketsFor(twice) == 1 && contacts.ticketsFor(newcomer) == 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> contacts.ticketsFor(twice) == 1 && contacts.ticketsFor(newcomer) == 2);
        assertEquals(1L, sql.count("select count(*) from inbound_contact where external_id = ?", first.externalId()));
        // two consumers may take the two copies in either order: whichever became the ticket, the other reference is
        // its alias
        assertEquals(1L, sql.count("select count(*) from ticket_alias a join ticket t on t.id = a.ticket_id"
                + " where (a.reference = ? and t.reference = ?) or (a.reference = ? and t.reference = ?)",
                again.reference(), first.reference(), first.reference(), again.reference()),
                "both references lead to the one ticket");
        assertEquals(1L, sql.count("select count(*) from resident where phone = ?", "+86" + newcomer),
                "one profile for a number first seen twice in one batch");
        assertEquals(2L, sql.count("select count(*) from inbound_contact c join resident r on r.id = c.resident_id"
                + " where r.phone = ? and c.ticket_id is not null", "+86" + newcomer),
                "both contacts linked to their ticket and the one profile");
        assertEquals("批量", sql.one("select name from resident where phone = ?", "+86" + newcomer));
    }
}
