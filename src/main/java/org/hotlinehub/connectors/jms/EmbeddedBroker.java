package org.hotlinehub.connectors.jms;

import java.nio.file.Path;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The broker of the default run: Artemis in the hub's own JVM, persistent under the data directory with the journal
 * synced on every durable send, reached in-VM ({@code vm://0}) and, when a port is given, over TCP on localhost for
 * JMS partners and tools.
 */
public final class EmbeddedBroker implements AutoCloseable {

    public static final String IN_VM_URL = "vm://0";

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();

    public static EmbeddedBroker start(Path dir, int tcpPort) throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker();
        Configuration config = new ConfigurationImpl()
                .setName("hotline-hub")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .setJournalSyncTransactional(true)
                .setJournalSyncNonTransactional(true)
                .setIDCacheSize(50_000)
                .addAcceptorConfiguration("in-vm", IN_VM_URL);
        if (tcpPort > 0) {
            config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + tcpPort);
        }
        // Routes dead-letter with a reason themselves (HubErrorPolicy); the broker's own limit only catches a message
        // that keeps failing even that, and sends it to the same dead-letter queue.
        SimpleString deadLetters = SimpleString.of(JmsEndpoints.DEAD_LETTER_QUEUE);
        config.addAddressSetting("#", new AddressSettings()
                .setRedeliveryDelay(1000)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(60_000)
                .setMaxDeliveryAttempts(50)
                .setDeadLetterAddress(deadLetters)
                .setExpiryAddress(deadLetters)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true));
        config.addAddressSetting(JmsEndpoints.DEAD_LETTER_QUEUE, new AddressSettings()
                .setRedeliveryDelay(5000)
                .setMaxDeliveryAttempts(-1)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true));
        broker.server.setConfiguration(config);
        broker.server.start();
        return broker;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
