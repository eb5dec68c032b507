package org.hotlinehub.routes;

import static org.awaitility.Awaitility.await;
import static org.hotlinehub.testsupport.Sessions.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.hotlinehub.connectors.jms.EmbeddedBroker;
import org.hotlinehub.connectors.jms.EventTopicSender;
import org.hotlinehub.connectors.jms.JmsBatchConsumer;
import org.hotlinehub.connectors.jms.JmsEndpoints;
import org.hotlinehub.model.TicketEvent;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.port.TicketEvents;
import org.hotlinehub.store.TimelineRepository;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Ticket events on hub.events (docs/events.md): one per change of state, published only for a committed change, read
 * by dispatch through its selector and by the WeChat notices, which a redelivery does not repeat.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class TicketEventsTest {

    @Inject
    ConnectionFactory factory;
    @Inject
    ObjectMapper json;
    @Inject
    Sql sql;
    @Inject
    TimelineRepository timeline;
    @Inject
    TicketEvents ticketEvents;
    @Inject
    EventTopicSender sender;
    @Inject
    DispatchRoute dispatch;

    /** A message seen on hub.events: its type and duplicate-detection id properties, and the event. */
    record Seen(String type, String duplicateId, TicketEvent event) {
    }

    private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
    private Connection listening;

    @BeforeEach
    void listen() throws JMSException {
        listening = factory.createConnection();
        Session session = listening.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(session.createTopic(JmsEndpoints.EVENTS_TOPIC)).setMessageListener(m -> {
            try {
                seen.add(new Seen(m.getStringProperty(JmsEndpoints.EVENT_TYPE_HEADER),
                        m.getStringProperty(JmsEndpoints.DUPLICATE_ID_HEADER),
                        json.readValue(((TextMessage) m).getText(), TicketEvent.class)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        listening.start();
    }

    @AfterEach
    void stopListening() throws JMSException {
        listening.close();
    }

    private List<Seen> seen(long ticketId, TicketEvent.Kind kind) {
        return seen.stream().filter(s -> s.event().ticketId() == ticketId && s.event().kind() == kind).toList();
    }

    /** Exactly one event of the kind for the ticket arrives, and no second one follows within a second. */
    private Seen one(long ticketId, TicketEvent.Kind kind) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !seen(ticketId, kind).isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> seen(ticketId, kind).size() == 1);
        Seen s = seen(ticketId, kind).get(0);
        assertEquals(kind.type(), s.type());
        // a creation is published again under its id by intake on a redelivery, in the batch's transaction, which the
        // broker would refuse whole for a duplicate id: it has none (docs/events.md)
        assertEquals(kind == TicketEvent.Kind.CREATED ? null : s.event().id(), s.duplicateId(),
                "the event id is the duplicate-detection id");
        return s;
    }

    private long ticketOf(long assignment) {
        return ((Number) sql.one("select ticket_id from assignment where id = ?", assignment)).longValue();
    }

    private long timelineId(long ticketId, String kind) {
        return ((Number) sql.one("select max(id) from timeline_event where ticket_id = ? and kind = ?", ticketId,
                kind)).longValue();
    }

    private long leadOffer(long ticketId) {
        return ((Number) sql.one("select max(id) from assignment where ticket_id = ? and role = 'lead'"
                + " and state = 'OFFERED'", ticketId)).longValue();
    }

    private void partner(String action, long assignment, String body) {
        Sessions.partner("PF-HAIYUN").contentType("application/json").body(body)
                .post("/partner-api/v1/assignments/" + assignment + "/" + action).then().statusCode(200);
    }

    @Test
    void shouldPublishOneEventForEachChangeOfATicketsStateWhenItCommits() {
        long assignment = Reports.fileAndAwaitOffer(sql, "HY-GARDEN", "property-repair", "地下车库漏水 events");
        long ticketId = ticketOf(assignment);
        String reference = (String) sql.one("select reference from ticket where id = ?", ticketId);

        Seen created = one(ticketId, TicketEvent.Kind.CREATED);
        assertEquals("ticket-" + ticketId + "-created", created.event().id());
        assertEquals(reference, created.event().reference());
        Seen dispatched = one(ticketId, TicketEvent.Kind.DISPATCHED);
        assertEquals("timeline-" + timelineId(ticketId, "DISPATCHED"), dispatched.event().id());
        assertEquals("hub:dispatch", dispatched.event().actor());

        partner("accept", assignment, "{}");
        assertEquals("partner:PF-HAIYUN", one(ticketId, TicketEvent.Kind.ACCEPTED).event().actor());
        partner("progress", assignment, "{\"note\":\"师傅已上门\"}");
        assertEquals("师傅已上门", one(ticketId, TicketEvent.Kind.IN_PROGRESS).event().detail());
        partner("resolve", assignment, "{\"note\":\"已修好\"}");
        one(ticketId, TicketEvent.Kind.RESOLVED);

        operator().contentType(ContentType.JSON).body(Map.of("note", "居民说还在漏水"))
                .post("/api/v1/tickets/" + reference + "/reopen").then().statusCode(200);
        assertEquals("staff:operator", one(ticketId, TicketEvent.Kind.REOPENED).event().actor());
        // handed back to the same party: a dispatch of its own, from the operator's request (the event outbox)
        await().atMost(Duration.ofSeconds(20)).until(() -> seen(ticketId, TicketEvent.Kind.DISPATCHED).size() == 2);
        long again = leadOffer(ticketId);
        partner("accept", again, "{}");
        await().atMost(Duration.ofSeconds(20)).until(() -> seen(ticketId, TicketEvent.Kind.ACCEPTED).size() == 2);
        partner("return", again, "{\"reason\":\"not-our-duty\",\"note\":\"归开发商\"}");
        assertTrue(one(ticketId, TicketEvent.Kind.RETURNED).event().detail().contains("not-our-duty"));
        assertEquals(0L, sql.count("select count(*) from ticket_event_outbox where ticket_id = ? and sent_at is null",
                ticketId), "the relay has sent every event of the outbox");
        assertEquals(0L, sql.count("select count(*) from ticket_event_outbox where ticket_id = ?"
                + " and (kind = 'CREATED' or kind = 'DISPATCHED' and actor = 'hub:dispatch')", ticketId),
                "the batch stages publish in their own transaction, not through the outbox");
    }

    @Test
    void shouldPublishAMergeOnlyForTheDuplicateAndACancellationOnce() {
        String primary = Tickets.dispatched(sql, "3号楼电梯坏了 events " + System.nanoTime(), "HY-GARDEN");
        String duplicate = Tickets.dispatched(sql, "3号楼电梯又坏了 events " + System.nanoTime(), "HY-GARDEN");
        long primaryId = ((Number) sql.one("select id from ticket where reference = ?", primary)).longValue();
        long duplicateId = ((Number) sql.one("select id from ticket where reference = ?", duplicate)).longValue();
        operator().contentType(ContentType.JSON).body(Map.of("duplicates", List.of(duplicate)))
                .post("/api/v1/tickets/" + primary + "/merge").then().statusCode(200);
        assertTrue(one(duplicateId, TicketEvent.Kind.MERGED).event().detail().contains(primary));
        assertEquals(0, seen(primaryId, TicketEvent.Kind.MERGED).size());

        operator().contentType(ContentType.JSON).body(Map.of("reason", "居民撤回"))
                .post("/api/v1/tickets/" + primary + "/cancel").then().statusCode(200);
        one(primaryId, TicketEvent.Kind.CANCELLED);
    }

    @Test
    void shouldNotPublishAnEventForAChangeThatRolledBack() {
        long ticketId = ticketOf(Reports.fileAndAwaitOffer(sql, "HY-GARDEN", "property-repair", "漏水 rollback"));
        String marker = "rolled back " + System.nanoTime();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            timeline.record(ticketId, TimelineKind.ACCEPTED, "test", null, marker);
            throw new IllegalStateException("the change fails after its timeline entry");
        }));
        try (TicketEvents.Capture capture = ticketEvents.capture(Set.of(TicketEvent.Kind.ACCEPTED))) {
            assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                timeline.record(ticketId, TimelineKind.ACCEPTED, "test", null, marker);
                throw new IllegalStateException("a stage's batch fails");
            }));
            assertEquals(List.of(), capture.events());
            QuarkusTransaction.requiringNew().run(() -> timeline.record(ticketId, TimelineKind.ACCEPTED, "test", null,
                    "committed in a stage"));
            assertEquals(List.of("committed in a stage"), capture.events().stream().map(TicketEvent::detail)
                    .toList());
        }
        // a committed change after the rolled-back ones: once it is out, nothing of them can still come
        QuarkusTransaction.requiringNew().run(() -> timeline.record(ticketId, TimelineKind.PROGRESS, "test", null,
                "committed"));
        one(ticketId, TicketEvent.Kind.IN_PROGRESS);
        assertEquals(0, seen.stream().filter(s -> marker.equals(s.event().detail())).count());
        assertEquals(0L, sql.count("select count(*) from ticket_event_outbox where detail = ?", marker));
        assertEquals(0L, sql.count("select count(*) from ticket_event_outbox where detail = 'committed in a stage'"),
                "a captured event is the stage's to publish");
    }

    @Test
    void shouldPublishAnEventOnceWhenTheRelayPublishesItAgain() {
        long ticketId = ticketOf(Reports.fileAndAwaitOffer(sql, "HY-GARDEN", "property-repair", "漏水 relay"));
        TicketEvent first = new TicketEvent("test-" + System.nanoTime(), TicketEvent.Kind.IN_PROGRESS, ticketId,
                "ref", Instant.now(), "test", null, "first", null, false);
        TicketEvent second = new TicketEvent("test-" + System.nanoTime(), TicketEvent.Kind.IN_PROGRESS, ticketId,
                "ref", Instant.now(), "test", null, "second", null, false);
        sender.publish(List.of(first));
        sender.publish(List.of(first));
        sender.publish(List.of(first, second));
        await().atMost(Duration.ofSeconds(10)).until(() -> seen(ticketId, TicketEvent.Kind.IN_PROGRESS).size() >= 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> seen(ticketId, TicketEvent.Kind.IN_PROGRESS).size() == 2);
        assertEquals(List.of("first", "second"), seen(ticketId, TicketEvent.Kind.IN_PROGRESS).stream()
                .map(s -> s.event().detail()).toList());
    }

    @Test
    void shouldQueueAWechatNoticeFromTheEventAndNotAgainWhenTheEventIsRedelivered() throws Exception {
        long assignment = Reports.fileAndAwaitOffer(sql, "HY-GARDEN", "property-repair", "漏水 wechat notice");
        long ticketId = ticketOf(assignment);
        String openid = "o-events-" + System.nanoTime();
        sql.update("insert into wechat_follower (openid, subscribed, last_interaction_at) values (?, true, now())",
                openid);
        sql.update("update resident set wechat_openid = ? where id = (select resident_id from ticket where id = ?)",
                openid, ticketId);
        partner("accept", assignment, "{}");
        Seen accepted = one(ticketId, TicketEvent.Kind.ACCEPTED);
        String key = "notice-" + accepted.event().timelineId();
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from wechat_outbound"
                + " where idempotency_key = ?", key) == 1);
        assertEquals("status-accepted", sql.one("select purpose from wechat_outbound where idempotency_key = ?",
                key));
        assertEquals(openid, sql.one("select openid from wechat_outbound where idempotency_key = ?", key));
        assertTrue(((String) sql.one("select body from wechat_outbound where idempotency_key = ?", key))
                .contains("承办单位已签收"));

        // the same event again, as a redelivery brings it (no duplicate-detection id to stop it at the broker)
        try (Connection c = factory.createConnection()) {
            Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createTopic(JmsEndpoints.EVENTS_TOPIC));
            TextMessage again = session.createTextMessage(json.writeValueAsString(accepted.event()));
            again.setStringProperty(JmsEndpoints.EVENT_TYPE_HEADER, accepted.type());
            producer.send(again);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> seen(ticketId, TicketEvent.Kind.ACCEPTED).size() == 2);
        // one notice of the acceptance; the dispatch's own notice may still arrive (its event can reach the notices
        // consumer after the openid was bound above), which is not what this test is about
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> sql.count(
                "select count(*) from wechat_outbound where openid = ? and purpose = 'status-accepted'", openid) == 1);
    }

    @Test
    void shouldPublishTheCreationOfASplitTicketOnceBeforeItsDispatchEvenWhenTheSplitIsRepeated() {
        String original = Tickets.dispatched(sql, "5号楼电梯坏了，楼道灯也不亮 events split " + System.nanoTime(),
                "HY-GARDEN");
        String key = "split-events-" + System.nanoTime();
        String body = "{\"description\":\"楼道灯不亮 events\",\"category\":\"property-repair\","
                + "\"place\":\"HY-GARDEN\"}";
        String added = operator().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/tickets/" + original + "/split").then().statusCode(201).extract().path("reference");
        operator().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/tickets/" + original + "/split").then().statusCode(201);
        long ticketId = ((Number) sql.one("select id from ticket where reference = ?", added)).longValue();

        // like any new ticket: its creation on hub.events, once, then its offer
        await().atMost(Duration.ofSeconds(20)).until(() -> !seen(ticketId, TicketEvent.Kind.CREATED).isEmpty()
                && !seen(ticketId, TicketEvent.Kind.DISPATCHED).isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> seen(ticketId, TicketEvent.Kind.CREATED).size() == 1);
        TicketEvent created = seen(ticketId, TicketEvent.Kind.CREATED).get(0).event();
        assertEquals("ticket-" + ticketId + "-created", created.id());
        assertEquals(added, created.reference());
        assertEquals("staff:operator", created.actor());
        List<TicketEvent.Kind> order = seen.stream().filter(s -> s.event().ticketId() == ticketId)
                .map(s -> s.event().kind()).toList();
        assertEquals(TicketEvent.Kind.CREATED, order.get(0), "the creation comes first: " + order);
        assertEquals(1, seen(ticketId, TicketEvent.Kind.DISPATCHED).size(), "dispatch left the offered ticket alone");
        assertEquals(1L, sql.count("select count(*) from assignment where ticket_id = ?", ticketId));
    }

    @Test
    void shouldPublishTheDispatchOfARedeliveredCreationAgainWithoutADuplicateId() throws Exception {
        long ticketId = ticketOf(Reports.fileAndAwaitOffer(sql, "HY-GARDEN", "property-repair", "漏水 redelivered"));
        Seen created = one(ticketId, TicketEvent.Kind.CREATED);
        Seen dispatched = one(ticketId, TicketEvent.Kind.DISPATCHED);
        var message = new JmsBatchConsumer.Received(json.writeValueAsString(created.event()),
                Map.of(JmsEndpoints.EVENT_TYPE_HEADER, created.type()), 1);
        assertEquals(List.of(), dispatch.handle(List.of(message)).send(), "a repeat is not a redelivery");

        // redelivered: the last attempt may have committed the offer and lost its message with the broker
        var redelivered = new JmsBatchConsumer.Received(message.body(), message.properties(), 2);
        var again = dispatch.handle(List.of(redelivered)).send();
        assertEquals(1, again.size());
        assertEquals("topic:" + JmsEndpoints.EVENTS_TOPIC, again.get(0).destination());
        assertEquals(Map.of(JmsEndpoints.EVENT_TYPE_HEADER, "TicketDispatched"), again.get(0).properties());
        TicketEvent republished = json.readValue(again.get(0).body(), TicketEvent.class);
        assertEquals(dispatched.event().id(), republished.id(), "the same event, recognised by its id");
        assertEquals(dispatched.event().timelineId(), republished.timelineId());
        assertEquals(TicketEvent.Kind.DISPATCHED, republished.kind());
        assertEquals(dispatched.event().detail(), republished.detail());
        assertEquals(1L, sql.count("select count(*) from assignment where ticket_id = ?", ticketId));
    }

    @Test
    void shouldHaveDispatchSelectOnlyCreationsAtTheBroker() throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(EmbeddedBroker.IN_VM_URL);
                ClientSessionFactory sessions = locator.createSessionFactory();
                ClientSession session = sessions.createSession()) {
            var dispatch = session.queueQuery(SimpleString.of(DispatchRoute.SUBSCRIPTION));
            assertEquals("HubEventType IN ('TicketCreated')", dispatch.getFilterString().toString());
            var notices = session.queueQuery(SimpleString.of(WechatNoticeRoute.SUBSCRIPTION));
            assertTrue(notices.getFilterString().toString().contains("'TicketAccepted'"));
            assertTrue(!notices.getFilterString().toString().contains("'TicketCreated'"));
        }
    }

    @Test
    void shouldReadASubscriptionMadeWithoutTheSelectorInsteadOfDroppingIt() throws Exception {
        String subscription = "test-before-selectors-" + System.nanoTime();
        try (Connection c = factory.createConnection()) {
            Session session = c.createSession(true, Session.SESSION_TRANSACTED);
            session.createSharedDurableConsumer(session.createTopic(JmsEndpoints.EVENTS_TOPIC), subscription).close();
        }
        TicketEvent waiting = new TicketEvent("test-" + System.nanoTime(), TicketEvent.Kind.RETURNED, -1, "ref",
                Instant.now(), "test", null, "waited in the old subscription", null, false);
        sender.publish(List.of(waiting));
        List<String> read = new ArrayList<>();
        try (JmsBatchConsumer consumer = JmsBatchConsumer.start(factory, new JmsBatchConsumer.Settings(subscription,
                JmsEndpoints.EVENTS_TOPIC, subscription, 1, 10, 5, 5).withSelector("HubEventType IN ('TicketCreated')"),
                batch -> {
                    batch.forEach(r -> {
                        synchronized (read) {
                            read.add(r.body());
                        }
                    });
                    return JmsBatchConsumer.Outcome.of(List.of());
                })) {
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                synchronized (read) {
                    return read.stream().anyMatch(b -> b.contains("waited in the old subscription"));
                }
            });
        } finally {
            try (Connection c = factory.createConnection()) {
                c.createSession(false, Session.AUTO_ACKNOWLEDGE).unsubscribe(subscription);
            } catch (JMSException e) {
                assertNull(e, "the test subscription is removed");
            }
        }
    }
}
