package org.hotlinehub.connectors.jms;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

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
    /** {@code hub.embedded.global-max-size-mb} unless set. */
    public static final long DEFAULT_GLOBAL_MAX_MB = 64;

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();

    /**
     * Journal files before compacting: Artemis has 10, which the hub outgrows in steady work under load (long-lived
     * records, such as the persisted duplicate-id cache's, keep many files partly alive), so the broker compacted again
     * and again, reading every file each time (a fifth of the hub's CPU samples under load, BENCHMARKS.md round 14);
     * 50 files (500 MiB) still bounds the journal.
     */
    public static final int DEFAULT_COMPACT_MIN_FILES = 50;

    /** Keeps up to {@value #DEFAULT_GLOBAL_MAX_MB} MiB of messages in the heap, pages the rest. */
    public static EmbeddedBroker start(Path dir, int tcpPort) throws Exception {
        return start(dir, tcpPort, DEFAULT_GLOBAL_MAX_MB, DEFAULT_COMPACT_MIN_FILES);
    }

    /**
     * @param globalMaxMb messages the broker keeps in the heap before paging to disk, in MiB
     * @param compactMinFiles journal files there must be before the broker compacts them (0: never)
     */
    public static EmbeddedBroker start(Path dir, int tcpPort, long globalMaxMb, int compactMinFiles)
            throws Exception {
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
                // as `artemis create` does: wait for more writes no longer than one sync of this disk takes
                .setJournalBufferTimeout_NIO(journalBufferTimeoutNanos(dir))
                .setJournalCompactMinFiles(compactMinFiles)
                .setIDCacheSize(50_000)
                // Messages the broker holds in the heap before it pages further ones to disk (every address: PAGE).
                // Its default is half the heap, which the broker then shares with the hub itself: a surge's backlog of
                // tens of thousands of contacts pushed the process past its memory target (P7). Paging keeps the
                // backlog durable and in order; only its reads cost a little more.
                .setGlobalMaxSize(globalMaxMb * 1024 * 1024)
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
        // The pipeline's consumers dead-letter a message that can never be processed themselves; a passing failure
        // (the database restarting, a follow-up that overtook its ticket) is retried without a deadline.
        for (String address : JmsEndpoints.PIPELINE_ADDRESSES) {
            config.addAddressSetting(address, new AddressSettings()
                    .setRedeliveryDelay(200)
                    .setRedeliveryMultiplier(2)
                    .setMaxRedeliveryDelay(60_000)
                    .setMaxDeliveryAttempts(-1)
                    .setDeadLetterAddress(deadLetters)
                    .setAutoCreateQueues(true)
                    .setAutoCreateAddresses(true));
        }
        config.addAddressSetting(JmsEndpoints.DEAD_LETTER_QUEUE, new AddressSettings()
                .setRedeliveryDelay(5000)
                .setMaxDeliveryAttempts(-1)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true));
        broker.server.setConfiguration(config);
        broker.server.start();
        return broker;
    }

    /**
     * The journal's buffer timeout: how long the journal gathers writes before one sync. {@code artemis create} sets it
     * to the time one 4 KiB write and sync takes on the data directory's disk; this measures the same (the median of
     * 20 syncs, within 50 µs and the NIO default of 3.33 ms). {@code hub.embedded.journal-buffer-timeout-ns} overrides.
     */
    static int journalBufferTimeoutNanos(Path dir) throws IOException {
        String configured = System.getProperty("hub.embedded.journal-buffer-timeout-ns");
        if (configured != null) {
            return Integer.parseInt(configured);
        }
        Files.createDirectories(dir);
        Path probe = Files.createTempFile(dir, "sync-probe", ".tmp");
        long[] took = new long[20];
        try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocate(4096);
            for (int i = 0; i < took.length; i++) {
                block.rewind();
                long start = System.nanoTime();
                channel.write(block, (long) i * block.capacity());
                channel.force(false);
                took[i] = System.nanoTime() - start;
            }
        } finally {
            Files.deleteIfExists(probe);
        }
        Arrays.sort(took);
        return (int) Math.max(50_000, Math.min(3_333_333, took[took.length / 2]));
    }

    /** Sessions open on the broker now, of every client (diagnostics and tests). */
    public int openSessions() {
        return server.getActiveMQServer().getSessions().size();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
