package org.hotlinehub.connectors.jms;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
 * <p>The send goes straight to JMS ({@link PersistentSends}), not through a Camel exchange.
 */
@ApplicationScoped
public class IntakeQueueSender implements IntakeQueue {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(IntakeQueueSender.class);

    @Inject
    PersistentSends sends;
    @Inject
    ObjectMapper json;
    @Inject
    IntakeSendBreaker breaker;

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
            breaker.send(() -> sends.send(JmsEndpoints.INTAKE_QUEUE, body,
                    Map.of(JmsEndpoints.DUPLICATE_ID_HEADER, duplicateId)));
        } catch (CircuitBreakerOpenException e) {
            LOG.debugf("intake queue send refused at once for %s contact: the breaker is open", contact.channel());
            throw new IntakeUnavailableException("the intake queue is not available (recent sends failed)", e);
        } catch (RuntimeException e) {
            LOG.warnf(e, "intake queue send failed for %s contact", contact.channel());
            throw new IntakeUnavailableException("the intake queue is not available", e);
        }
    }
}
