package org.hotlinehub.connectors.jms;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
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
 */
@ApplicationScoped
public class IntakeQueueSender implements IntakeQueue {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(IntakeQueueSender.class);

    @Inject
    ProducerTemplate producer;
    @Inject
    ObjectMapper json;
    @Inject
    IntakeSendBreaker breaker;
    @Inject
    CamelContext camel;

    /**
     * The intake queue's endpoint, looked up once: a send by URI normalises and looks the URI up again every time
     * (a sixth of the send's CPU in a profile of 64 senders).
     */
    private volatile Endpoint intake;

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
        try {
            // The broker drops a resend of this very message (a failover retry); a sender's retry told another
            // reference (at another instance) gets through, and intake keeps that reference as an alias.
            breaker.send(() -> producer.sendBodyAndHeaders(intake(), body, Map.of(
                    JmsEndpoints.DUPLICATE_ID_HEADER,
                    contact.channel().name() + ":" + contact.externalId() + ":" + contact.reference())));
        } catch (CircuitBreakerOpenException e) {
            LOG.debugf("intake queue send refused at once for %s contact: the breaker is open", contact.channel());
            throw new IntakeUnavailableException("the intake queue is not available (recent sends failed)", e);
        } catch (RuntimeException e) {
            LOG.warnf(e, "intake queue send failed for %s contact", contact.channel());
            throw new IntakeUnavailableException("the intake queue is not available", e);
        }
    }

    private Endpoint intake() {
        Endpoint endpoint = intake;
        if (endpoint == null) {
            endpoint = camel.getEndpoint(JmsEndpoints.intakeProducer());
            intake = endpoint;
        }
        return endpoint;
    }
}
