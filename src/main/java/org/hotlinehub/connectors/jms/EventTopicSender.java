package org.hotlinehub.connectors.jms;

import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.hotlinehub.model.TicketEvent;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Ticket events as messages of {@code hub.events}: the JSON of the event, its type in
 * {@link JmsEndpoints#EVENT_TYPE_HEADER} and its id as the broker's duplicate-detection id. Publishes the event
 * outbox's events ({@link #publish}) and builds the messages a batch stage sends in its own transaction
 * ({@link #outgoing}).
 *
 * <p>Artemis refuses a whole transaction when one of its messages is a duplicate. So a batch whose commit fails is
 * published again one event per transaction, and an event refused as a duplicate alone counts as published: it was.
 */
@ApplicationScoped
public class EventTopicSender {

    private static final Logger LOG = Logger.getLogger(EventTopicSender.class);

    @Inject
    ConnectionFactory factory;
    @Inject
    ObjectMapper json;

    private Connection connection;
    private Session session;
    private MessageProducer producer;

    /**
     * The message of an event for a stage's JMS transaction. {@code fresh}: the event was made by this very attempt
     * (nothing can have published it before), so it carries the duplicate-detection id; an event published again on a
     * redelivery must not, or the broker would refuse the stage's whole transaction; its consumers recognise it by its
     * id.
     */
    public JmsBatchConsumer.Outgoing outgoing(TicketEvent event, boolean fresh) {
        return new JmsBatchConsumer.Outgoing("topic:" + JmsEndpoints.EVENTS_TOPIC, body(event), fresh
                ? Map.of(JmsEndpoints.EVENT_TYPE_HEADER, event.kind().type(), JmsEndpoints.DUPLICATE_ID_HEADER,
                        event.id())
                : Map.of(JmsEndpoints.EVENT_TYPE_HEADER, event.kind().type()));
    }

    /** Publishes the events durably, in their order; returns once the broker has them (or throws). */
    public synchronized void publish(List<TicketEvent> events) {
        try {
            open();
            try {
                for (TicketEvent e : events) {
                    producer.send(message(e));
                }
                session.commit();
                return;
            } catch (JMSException e) {
                if (events.size() == 1 && duplicate(e)) {
                    LOG.debugf("ticket event %s was published before", events.get(0).id());
                    return;
                }
                if (events.size() == 1) {
                    throw e;
                }
                LOG.debugf("a batch of %d ticket events was refused (%s); one by one", events.size(), e.getMessage());
                rollbackQuietly();
            }
            for (TicketEvent e : events) {
                try {
                    producer.send(message(e));
                    session.commit();
                } catch (JMSException failed) {
                    if (!duplicate(failed)) {
                        throw failed;
                    }
                    LOG.debugf("ticket event %s was published before", e.id());
                }
            }
        } catch (JMSException | RuntimeException e) {
            close();
            throw new IllegalStateException("cannot publish ticket events on " + JmsEndpoints.EVENTS_TOPIC + ": "
                    + e.getMessage(), e);
        }
    }

    private TextMessage message(TicketEvent event) throws JMSException {
        TextMessage message = session.createTextMessage(body(event));
        message.setStringProperty(JmsEndpoints.EVENT_TYPE_HEADER, event.kind().type());
        message.setStringProperty(JmsEndpoints.DUPLICATE_ID_HEADER, event.id());
        return message;
    }

    private String body(TicketEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("ticket event " + event.id() + " cannot be written as JSON", e);
        }
    }

    /** Whether the broker refused the transaction because a message of it was published before. */
    static boolean duplicate(Throwable failure) {
        java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>(List.of(failure));
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof ActiveMQException a && a.getType() == ActiveMQExceptionType.DUPLICATE_ID_REJECTED) {
                return true;
            }
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
            if (t instanceof JMSException j && j.getLinkedException() != null) {
                todo.push(j.getLinkedException());
            }
        }
        return false;
    }

    private void open() throws JMSException {
        if (session == null) {
            connection = factory.createConnection();
            session = connection.createSession(true, Session.SESSION_TRANSACTED);
            producer = session.createProducer(session.createTopic(JmsEndpoints.EVENTS_TOPIC));
        }
    }

    private void rollbackQuietly() {
        try {
            session.rollback();
        } catch (JMSException | RuntimeException e) {
            LOG.debugf("rolling back a refused batch of events: %s", e.getMessage());
        }
    }

    @PreDestroy
    synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException e) {
                LOG.debugf("closing the events connection: %s", e.getMessage());
            }
        }
        connection = null;
        session = null;
        producer = null;
    }
}
