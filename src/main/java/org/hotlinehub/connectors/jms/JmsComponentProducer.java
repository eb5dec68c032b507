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

    /** Sessions kept open for sending. */
    static final int SESSIONS = 128;

    @Produces
    @Named("jms")
    @ApplicationScoped
    JmsComponent jms(ConnectionFactory artemis) {
        CachingConnectionFactory caching = new CachingConnectionFactory(artemis);
        // At least as many sessions as threads that send at once (64 request workers, 32 WeChat repliers, the outbox's
        // senders): a send beyond the cache opens a session, and while the broker is away the client holds a new
        // session until its reconnection ends, under the connection's lock, so those senders and all behind them
        // waited for the whole outage instead of getting a 503 (R1, RELIABILITY.md round 5).
        caching.setSessionCacheSize(SESSIONS);
        caching.setCacheConsumers(false);
        // The Artemis client reconnects by itself (reconnectAttempts=-1) and takes its sessions along. Resetting the
        // connection on the first failed send instead made every later send open a new session, which the client
        // holds until its failover ends, under the connection's lock: during a broker outage the senders queued there
        // for its whole length instead of failing after callFailoverTimeout (R1's slow answers, RELIABILITY.md).
        caching.setReconnectOnException(false);
        JmsComponent component = JmsComponent.jmsComponent(caching);
        component.setDeliveryPersistent(true);
        component.setDestinationResolver(new KnownDestinations());
        return component;
    }
}
