package org.hotlinehub.connectors.jms;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionRolledBackException;

import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.apache.camel.component.jms.JmsComponent;

/**
 * A persistent, blocking send of a text message to a queue, straight on JMS: it returns once the broker has the
 * message in its journal. It uses the Camel JMS component's caching connection factory (its cached sessions and
 * producers, see {@link JmsComponentProducer}) and its destination resolver ({@link KnownDestinations}), without a
 * Camel exchange: for a send on a hot path, Camel's exchange, unit of work and event notifiers and Spring's template
 * around it cost three times the send itself (a JFR profile of 64 senders at the intake: 38 % of the request threads
 * in the Camel send, 10 % in the Artemis producer).
 */
@ApplicationScoped
public class PersistentSends {

    @Inject
    @Named("jms")
    JmsComponent jms;

    /**
     * Opens {@code count} sessions (and {@code transacted} transacted ones, for {@link #sendAll}), each with a
     * producer on {@code queue}, all at once, then gives them back to the
     * cache: later sends, up to that many at a time, never open a session. That matters most while the broker is
     * away, when the client holds a new session until its reconnection ends, under the connection's lock, and every
     * sender behind it waits (RELIABILITY.md, R1: the slow answers of the first outage came from the cache not having
     * grown to the load's concurrency yet).
     *
     * @return the sessions opened
     * @throws IllegalStateException when the broker cannot be reached
     */
    public int warm(String queue, int count, int transacted) {
        Deque<AutoCloseable> open = new ArrayDeque<>();
        try {
            Connection connection = jms.getConfiguration().getConnectionFactory().createConnection();
            open.push(connection);
            for (int i = 0; i < count + transacted; i++) {
                Session session = i < count
                        ? connection.createSession(false, Session.AUTO_ACKNOWLEDGE)
                        : connection.createSession(true, Session.SESSION_TRANSACTED);
                open.push(session);
                open.push(session.createProducer(destination(session, queue)));
            }
            return count + transacted;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot open sessions to " + queue + ": " + e.getMessage(), e);
        } finally {
            // producers before their sessions, the (shared) connection last: each goes back to the cache
            while (!open.isEmpty()) {
                try {
                    open.pop().close();
                } catch (Exception e) {
                    // a session that cannot be closed is simply not cached
                }
            }
        }
    }

    /**
     * Sends {@code body} with {@code properties} as string properties (the broker's duplicate-detection id among them
     * where the caller gives one); closing the session and producer gives them back to the cache.
     *
     * @throws IllegalStateException when the broker did not take it
     */
    public void send(String queue, String body, Map<String, String> properties) {
        try (Connection connection = jms.getConfiguration().getConnectionFactory().createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(destination(session, queue))) {
            TextMessage message = session.createTextMessage(body);
            for (Map.Entry<String, String> p : properties.entrySet()) {
                message.setStringProperty(p.getKey(), p.getValue());
            }
            producer.send(message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
        } catch (JMSException e) {
            throw new IllegalStateException("send to " + queue + " failed: " + e.getMessage(), e);
        }
    }

    /** One message of {@link #sendAll}: its body and string properties. */
    public record Outgoing(String body, Map<String, String> properties) {
    }

    /** The broker rolled back a {@link #sendAll}: none of its messages was stored. */
    public static final class RolledBack extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        RolledBack(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Sends the messages persistently in one local transaction: they are in the journal together once this returns,
     * after one commit (one round trip and one journal sync for all of them, where {@link #send} costs one of each per
     * message).
     *
     * @throws RolledBack when the broker rolled the transaction back: a duplicate-detection id among the messages was
     *             seen before (the broker refuses the whole transaction for one repeat), or a failover. None was
     *             stored; sent one by one, each gets its own answer.
     * @throws IllegalStateException when the broker did not take them (whether any was stored is not known; their
     *             duplicate ids make a resend safe)
     */
    public void sendAll(String queue, List<Outgoing> messages) {
        try (Connection connection = jms.getConfiguration().getConnectionFactory().createConnection();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageProducer producer = session.createProducer(destination(session, queue))) {
            for (Outgoing o : messages) {
                TextMessage message = session.createTextMessage(o.body());
                for (Map.Entry<String, String> p : o.properties().entrySet()) {
                    message.setStringProperty(p.getKey(), p.getValue());
                }
                producer.send(message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY,
                        Message.DEFAULT_TIME_TO_LIVE);
            }
            session.commit();
        } catch (JMSException e) {
            if (rolledBack(e)) {
                throw new RolledBack("the broker rolled back " + messages.size() + " sends to " + queue + ": "
                        + e.getMessage(), e);
            }
            throw new IllegalStateException("send of " + messages.size() + " to " + queue + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** A refusal of the whole transaction: a duplicate id in it (the broker's DUPLICATE_ID_REJECTED), or a rollback. */
    private static boolean rolledBack(JMSException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransactionRolledBackException || t instanceof ActiveMQDuplicateIdException) {
                return true;
            }
        }
        return false;
    }

    /** The queue through the component's resolver, which keeps what it resolved ({@link KnownDestinations}). */
    private Destination destination(Session session, String queue) throws JMSException {
        return jms.getConfiguration().getDestinationResolver().resolveDestinationName(session, queue, false);
    }
}
