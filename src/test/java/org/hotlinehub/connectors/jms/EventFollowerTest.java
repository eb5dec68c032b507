package org.hotlinehub.connectors.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.hotlinehub.model.port.TicketChanges;
import org.hotlinehub.testsupport.HubTestResources;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Live pages on one node hear the ticket events another node publishes: here "another node" is a separate JMS
 * connection publishing on hub.events, as a second hub's relay would.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class EventFollowerTest {

    @Inject
    TicketChanges changes;
    @Inject
    ConnectionFactory factory;

    @Test
    void shouldCountEventsPublishedByAnotherNodeOnlyWhileFollowed() throws Exception {
        long before = changes.count();
        try (TicketChanges.Following following = changes.follow()) {
            publishFromAnotherNode(3);
            awaitAtLeast(changes::count, before + 3);
        }
        long after = changes.count();
        publishFromAnotherNode(2);
        Thread.sleep(500);
        assertEquals(after, changes.count(), "nobody follows: the node holds no subscription and hears nothing");

        try (TicketChanges.Following a = changes.follow(); TicketChanges.Following b = changes.follow()) {
            a.close();
            a.close(); // harmless
            publishFromAnotherNode(1);
            awaitAtLeast(changes::count, after + 1); // b still follows
        }
    }

    private void publishFromAnotherNode(int events) throws JMSException {
        try (Connection c = factory.createConnection()) {
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer p = s.createProducer(s.createTopic(JmsEndpoints.EVENTS_TOPIC));
            for (int i = 0; i < events; i++) {
                // a kind no subscriber of the pipeline selects, so only live pages see it
                var m = s.createTextMessage("{}");
                m.setStringProperty(JmsEndpoints.EVENT_TYPE_HEADER, "TestFromAnotherNode");
                p.send(m);
            }
            s.commit();
        }
    }

    private static void awaitAtLeast(LongSupplier value, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (value.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(value.getAsLong() >= expected, "counted " + value.getAsLong() + ", expected " + expected);
    }
}
