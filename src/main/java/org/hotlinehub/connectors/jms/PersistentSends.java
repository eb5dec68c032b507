package org.hotlinehub.connectors.jms;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

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
     * Sends {@code body} with {@code properties} as string properties (the broker's duplicate-detection id among them
     * where the caller gives one); closing the session and producer gives them back to the cache.
     *
     * @throws IllegalStateException when the broker did not take it
     */
    public void send(String queue, String body, Map<String, String> properties) {
        try (Connection connection = jms.getConfiguration().getConnectionFactory().createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(
                        jms.getConfiguration().getDestinationResolver().resolveDestinationName(session, queue,
                                false))) {
            TextMessage message = session.createTextMessage(body);
            for (Map.Entry<String, String> p : properties.entrySet()) {
                message.setStringProperty(p.getKey(), p.getValue());
            }
            producer.send(message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
        } catch (JMSException e) {
            throw new IllegalStateException("send to " + queue + " failed: " + e.getMessage(), e);
        }
    }
}
