package org.hotlinehub.connectors.jms;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

import org.hotlinehub.model.port.TicketChanges;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;

/**
 * {@link TicketChanges} from {@code hub.events}: while at least one live page of this node follows, the node holds a
 * non-durable subscription to the topic (every node gets every event, whichever node published it) and counts what
 * arrives. The subscription is opened by the first follower and closed with the last, so a node without open live pages
 * costs the broker nothing. A subscription that could not be opened, or lost with its broker, is tried again by the next
 * follower; the pages poll on their own in the meantime.
 */
@ApplicationScoped
public class EventFollower implements TicketChanges {

    private static final Logger LOG = Logger.getLogger(EventFollower.class);

    @Inject
    ConnectionFactory factory;

    private final AtomicLong count = new AtomicLong();
    /** Guarded by this. */
    private int followers;
    /** Guarded by this. */
    private Connection connection;

    @Override
    public long count() {
        return count.get();
    }

    @Override
    public synchronized Following follow() {
        followers++;
        if (connection == null) {
            open();
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                unfollow();
            }
        };
    }

    private synchronized void unfollow() {
        if (--followers == 0) {
            closeConnection();
        }
    }

    /** Guarded by this. */
    private void open() {
        try {
            Connection c = factory.createConnection();
            try {
                c.setExceptionListener(e -> lost(c, e));
                Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                session.createConsumer(session.createTopic(JmsEndpoints.EVENTS_TOPIC))
                        .setMessageListener(m -> count.incrementAndGet());
                c.start();
            } catch (JMSException | RuntimeException e) {
                closeQuietly(c);
                throw e;
            }
            connection = c;
        } catch (JMSException | RuntimeException e) {
            LOG.warnf("live pages cannot follow %s (%s); they poll until a later page opens it",
                    JmsEndpoints.EVENTS_TOPIC, e.getMessage());
        }
    }

    private synchronized void lost(Connection c, JMSException e) {
        if (connection == c) {
            LOG.warnf("live pages lost %s (%s); the next page to open follows again", JmsEndpoints.EVENTS_TOPIC,
                    e.getMessage());
            closeConnection();
        }
    }

    /** Guarded by this. */
    private void closeConnection() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (JMSException | RuntimeException e) {
            LOG.debugf("closing the live pages' subscription: %s", e.getMessage());
        }
    }

    void stop(@jakarta.enterprise.event.Observes ShutdownEvent event) {
        synchronized (this) {
            closeConnection();
        }
    }
}
