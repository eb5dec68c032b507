package org.hotlinehub.connectors.jms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

import org.springframework.jms.support.destination.DestinationResolver;
import org.springframework.jms.support.destination.DynamicDestinationResolver;

/**
 * Resolves a destination name through the session once and keeps the result. The Artemis client's
 * {@code Session.createQueue} asks the broker whether the queue exists, a round trip on every send (an eighth of the
 * intake send's CPU in a profile of 64 senders). The hub's destinations are few and fixed (the pipeline's, the dead
 * letters, one queue per partner), and an Artemis destination is a name, not bound to the session that made it.
 */
final class KnownDestinations implements DestinationResolver {

    private final DestinationResolver dynamic = new DynamicDestinationResolver();
    private final Map<String, Destination> known = new ConcurrentHashMap<>();

    @Override
    public Destination resolveDestinationName(Session session, String name, boolean pubSubDomain) throws JMSException {
        String key = (pubSubDomain ? "topic:" : "queue:") + name;
        Destination destination = known.get(key);
        if (destination == null) {
            destination = dynamic.resolveDestinationName(session, name, pubSubDomain);
            known.put(key, destination);
        }
        return destination;
    }
}
