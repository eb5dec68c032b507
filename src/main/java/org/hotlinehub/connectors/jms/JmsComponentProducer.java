package org.hotlinehub.connectors.jms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.jms.ConnectionFactory;

import org.apache.camel.component.jms.JmsComponent;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The Camel JMS component over the Artemis connection factory. Sessions and producers are cached: without it every
 * send opens a connection. Transacted consumers share the same factory, so a route's sends join its transaction.
 */
@ApplicationScoped
public class JmsComponentProducer {

    @Produces
    @Named("jms")
    @ApplicationScoped
    JmsComponent jms(ConnectionFactory artemis) {
        CachingConnectionFactory caching = new CachingConnectionFactory(artemis);
        caching.setSessionCacheSize(32);
        caching.setCacheConsumers(false);
        caching.setReconnectOnException(true);
        JmsComponent component = JmsComponent.jmsComponent(caching);
        component.setDeliveryPersistent(true);
        component.setDestinationResolver(new KnownDestinations());
        return component;
    }
}
