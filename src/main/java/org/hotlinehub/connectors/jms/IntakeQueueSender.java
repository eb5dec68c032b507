package org.hotlinehub.connectors.jms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.camel.component.jms.JmsComponent;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.IntakeUnavailableException;
import org.hotlinehub.model.port.IntakeQueue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Puts a contact on the intake queue: a persistent, blocking send, so it returns only after the broker has the
 * message in its journal. Any failure surfaces as {@link IntakeUnavailableException} (the edge answers 503); while
 * recent sends failed, {@link IntakeSendBreaker} refuses at once instead of letting each sender wait for the broker
 * client's time-outs.
 *
 * <p>The send goes straight to JMS, through the Camel JMS component's caching connection factory (its cached sessions
 * and producers, see {@link JmsComponentProducer}): on the request thread of every acknowledgement, Camel's exchange,
 * unit of work and event notifiers and Spring's template around it cost three times the send itself (a JFR profile of
 * 64 senders: 38 % of the request threads in the Camel send, 10 % in the Artemis producer).
 */
@ApplicationScoped
public class IntakeQueueSender implements IntakeQueue {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(IntakeQueueSender.class);

    @Inject
    @Named("jms")
    JmsComponent jms;
    @Inject
    ObjectMapper json;
    @Inject
    IntakeSendBreaker breaker;

    /**
     * The intake queue, made once: the Artemis client's {@code Session.createQueue} asks the broker whether the queue
     * exists (see {@link KnownDestinations}); a destination is a name, not bound to the session that made it.
     */
    private volatile Queue intake;

    @Override
    public boolean accepting() {
        return !breaker.refusing();
    }

    @Override
    public void submit(InboundContact contact) {
        String body;
        try {
            body = json.writeValueAsString(contact);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("contact cannot be serialized", e);
        }
        // The broker drops a resend of this very message (a failover retry); a sender's retry told another reference
        // (at another instance) gets through, and intake keeps that reference as an alias.
        String duplicateId = contact.channel().name() + ":" + contact.externalId() + ":" + contact.reference();
        try {
            breaker.send(() -> send(body, duplicateId));
        } catch (CircuitBreakerOpenException e) {
            LOG.debugf("intake queue send refused at once for %s contact: the breaker is open", contact.channel());
            throw new IntakeUnavailableException("the intake queue is not available (recent sends failed)", e);
        } catch (RuntimeException e) {
            LOG.warnf(e, "intake queue send failed for %s contact", contact.channel());
            throw new IntakeUnavailableException("the intake queue is not available", e);
        }
    }

    /** One persistent send on a cached session and producer; closing them gives them back to the cache. */
    private void send(String body, String duplicateId) {
        try (Connection connection = jms.getConfiguration().getConnectionFactory().createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(intake(session))) {
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty(JmsEndpoints.DUPLICATE_ID_HEADER, duplicateId);
            producer.send(message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
        } catch (JMSException e) {
            throw new IllegalStateException("send to " + JmsEndpoints.INTAKE_QUEUE + " failed: " + e.getMessage(), e);
        }
    }

    private Queue intake(Session session) throws JMSException {
        Queue queue = intake;
        if (queue == null) {
            queue = session.createQueue(JmsEndpoints.INTAKE_QUEUE);
            intake = queue;
        }
        return queue;
    }
}
