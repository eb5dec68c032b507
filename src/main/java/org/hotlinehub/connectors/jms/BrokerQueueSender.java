package org.hotlinehub.connectors.jms;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.ProducerTemplate;
import org.hotlinehub.model.port.QueueSender;

@ApplicationScoped
public class BrokerQueueSender implements QueueSender {

    @Inject
    ProducerTemplate producer;

    @Override
    public void send(String destination, String body, Map<String, Object> headers) {
        if (!destination.startsWith("queue:") && !destination.startsWith("topic:")) {
            throw new IllegalArgumentException("not a broker destination: " + destination);
        }
        producer.sendBodyAndHeaders("jms:" + destination, body, headers);
    }
}
