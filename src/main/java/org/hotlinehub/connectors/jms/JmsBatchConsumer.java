package org.hotlinehub.connectors.jms;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.hotlinehub.model.Failures;
import org.jboss.logging.Logger;

/**
 * Reads a queue or a shared durable subscription in batches: each worker thread keeps one transacted session and one
 * consumer for its whole life, takes up to {@code maxBatch} messages (or what arrives within {@code maxWait} of the
 * first), hands them to the handler in one call, sends what the handler returns on the same session and commits once.
 * The messages leave the broker together with the messages they caused, in one journal write.
 *
 * <p>Failures: a failed batch is rolled back whole; the broker redelivers its messages (with its redelivery delay)
 * and this consumer then takes every redelivered message alone, so one bad message never holds its neighbours
 * back. A message that fails alone {@code poisonAfter} times for a reason that is not passing
 * ({@link Failures#isTransient}) goes to the dead-letter queue with the reason, in the same transaction. A passing
 * failure (database or broker unreachable, pool timeout, lock conflict, "not yet") never dead-letters: the message
 * stays on the queue and is tried again, without a deadline.
 *
 * <p>Camel 4 has no transacted batch consumer (sjms-batch was removed in Camel 3), hence this class; it is the only
 * place of the hub that consumes JMS by hand.
 */
public final class JmsBatchConsumer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JmsBatchConsumer.class);
    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";
    /** Artemis' scheduled-delivery property: the message becomes visible at this epoch millisecond. */
    static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";
    /** How often a deferred message was put back; drives its backoff. */
    public static final String DEFERRALS = "HubDeferrals";

    /** A message of a batch: its text and its string properties. */
    public record Received(String body, Map<String, String> properties, int deliveryCount) {
    }

    /** A message to send when the batch commits. */
    public record Outgoing(String destination, String body, Map<String, String> properties) {
    }

    /**
     * What became of a batch: messages to send, and the positions of messages that cannot be handled yet (they go
     * back to their queue with a delay and are tried again later).
     */
    public record Outcome(List<Outgoing> send, List<Integer> deferred) {

        public static Outcome of(List<Outgoing> send) {
            return new Outcome(send, List.of());
        }
    }

    @FunctionalInterface
    public interface Handler {

        /** Handles the batch; throwing rolls back whatever it did, and the batch is retried. */
        Outcome handle(List<Received> batch) throws Exception;
    }

    /** Told the age of each batch's first message as it is taken, and the batch's size ({@link PipelineLag}). */
    @FunctionalInterface
    public interface LagSink {

        void observed(long lagMillis);

        /** How many messages the batch took, once it is complete: the stage's pace. */
        default void taken(int messages) {
        }
    }

    /**
     * Where to read and how: {@code subscription} null reads the queue {@code destination}; {@code selector} (a JMS
     * message selector, or null) makes the broker keep only the matching messages for a subscription; {@code lag}
     * (or null) is told how old the messages of each batch are.
     */
    public record Settings(String name, String destination, String subscription, int threads, int maxBatch,
            long maxWaitMillis, int poisonAfter, String selector, LagSink lag) {

        public Settings(String name, String destination, String subscription, int threads, int maxBatch,
                long maxWaitMillis, int poisonAfter) {
            this(name, destination, subscription, threads, maxBatch, maxWaitMillis, poisonAfter, null, null);
        }

        public Settings withSelector(String messageSelector) {
            return new Settings(name, destination, subscription, threads, maxBatch, maxWaitMillis, poisonAfter,
                    messageSelector, lag);
        }

        public Settings withLag(LagSink sink) {
            return new Settings(name, destination, subscription, threads, maxBatch, maxWaitMillis, poisonAfter,
                    selector, sink);
        }
    }

    /** Artemis' answer when a durable subscription exists with another filter than the one asked for. */
    private static final String OTHER_FILTER = "AMQ229083";

    private final ConnectionFactory factory;
    private final Settings settings;
    private final Handler handler;
    private final List<Thread> workers = new ArrayList<>();
    private final CountDownLatch stopped;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile Connection connection;
    private volatile boolean unfiltered;
    /** When this consumer started taking messages: what waited for it before then did not wait on it. */
    private final long startedMillis = System.currentTimeMillis();

    private JmsBatchConsumer(ConnectionFactory factory, Settings settings, Handler handler) {
        this.factory = factory;
        this.settings = settings;
        this.handler = handler;
        this.stopped = new CountDownLatch(settings.threads());
    }

    /** Opens the connection and the sessions (so a durable subscription exists when this returns) and starts. */
    public static JmsBatchConsumer start(ConnectionFactory factory, Settings settings, Handler handler)
            throws JMSException {
        JmsBatchConsumer consumer = new JmsBatchConsumer(factory, settings, handler);
        consumer.connection = factory.createConnection();
        consumer.connection.start();
        for (int i = 0; i < settings.threads(); i++) {
            Session session = consumer.connection.createSession(true, Session.SESSION_TRANSACTED);
            consumer.open(session).close();
            String threadName = settings.name() + "-" + i;
            consumer.workers.add(new Thread(() -> consumer.work(session), threadName));
        }
        consumer.workers.forEach(Thread::start);
        return consumer;
    }

    private void work(Session opened) {
        try {
            Session session = opened;
            while (running) {
                try {
                    if (session == null) {
                        session = newSession();
                    }
                    MessageConsumer reader = open(session);
                    Map<String, MessageProducer> producers = new HashMap<>();
                    while (running) {
                        List<Message> batch = take(reader);
                        if (!batch.isEmpty()) {
                            handle(session, producers, batch);
                        }
                    }
                } catch (JMSException | RuntimeException e) {
                    if (running) {
                        LOG.warnf("%s: broker failure, the consumer reopens in a second: %s", settings.name(),
                                e.getMessage());
                        pause(1000);
                    }
                } finally {
                    close(session);
                    session = null;
                }
            }
        } finally {
            stopped.countDown();
        }
    }

    /**
     * A new session after a failure; when the connection itself is gone (a broker restart without the client's
     * reconnect, {@code reconnectAttempts=-1}), a new connection first.
     */
    private Session newSession() throws JMSException {
        Connection current = connection;
        try {
            return current.createSession(true, Session.SESSION_TRANSACTED);
        } catch (JMSException | RuntimeException e) {
            synchronized (this) {
                if (connection == current) {
                    try {
                        current.close();
                    } catch (JMSException | RuntimeException closing) {
                        LOG.debugf("%s: closing the broken connection: %s", settings.name(), closing.getMessage());
                    }
                    Connection fresh = factory.createConnection();
                    fresh.start();
                    connection = fresh;
                }
            }
            return connection.createSession(true, Session.SESSION_TRANSACTED);
        }
    }

    private MessageConsumer open(Session session) throws JMSException {
        if (settings.subscription() == null) {
            return session.createConsumer(session.createQueue(settings.destination()));
        }
        var topic = session.createTopic(settings.destination());
        if (settings.selector() == null || unfiltered) {
            return session.createSharedDurableConsumer(topic, settings.subscription());
        }
        try {
            return session.createSharedDurableConsumer(topic, settings.subscription(), settings.selector());
        } catch (JMSException e) {
            if (!String.valueOf(e.getMessage()).contains(OTHER_FILTER)) {
                throw e;
            }
            // A subscription made by an earlier version without the selector: the JMS way to change it would delete
            // it with the messages waiting in it. Read it as it is; the handler ignores what it does not want.
            LOG.warnf("%s: subscription %s exists without the selector [%s]; read unfiltered (drain and delete it to"
                    + " have the broker filter)", settings.name(), settings.subscription(), settings.selector());
            unfiltered = true;
            return session.createSharedDurableConsumer(topic, settings.subscription());
        }
    }

    private void close(Session session) {
        if (session == null) {
            return;
        }
        try {
            session.close();
        } catch (JMSException | RuntimeException e) {
            LOG.debugf("%s: closing a session: %s", settings.name(), e.getMessage());
        }
    }

    /** The first message, then more until the batch is full or {@code maxWait} has passed; redeliveries alone. */
    private List<Message> take(MessageConsumer reader) throws JMSException {
        Message first = reader.receive(500);
        if (first == null || !running) {
            return first == null ? List.of() : List.of(first);
        }
        List<Message> batch = new ArrayList<>(settings.maxBatch());
        batch.add(first);
        if (first.getJMSRedelivered()) {
            return batch;
        }
        reportLag(first);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.maxWaitMillis());
        while (batch.size() < settings.maxBatch()) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            Message next = left <= 0 ? reader.receiveNoWait() : reader.receive(left);
            if (next == null) {
                break;
            }
            batch.add(next);
            if (next.getJMSRedelivered()) {
                break;
            }
        }
        if (settings.lag() != null) {
            settings.lag().taken(batch.size());
        }
        return batch;
    }

    /**
     * Tells the stage's sink how long the batch's first message waited for this consumer: since it was sent (on the
     * sender's clock, which set {@code JMSTimestamp}) or since this consumer started, whichever is later. A message
     * queued while the hub was down or its intake paused is old, but says nothing about how far behind the running
     * stage is (a restarted hub would refuse contacts for a backlog of a few messages). Not for a deferred message,
     * whose wait was chosen.
     */
    private void reportLag(Message first) throws JMSException {
        if (settings.lag() == null || first.getJMSTimestamp() <= 0 || first.propertyExists(DEFERRALS)) {
            return;
        }
        long waitingSince = Math.max(first.getJMSTimestamp(), startedMillis);
        settings.lag().observed(Math.max(0, System.currentTimeMillis() - waitingSince));
    }

    private void handle(Session session, Map<String, MessageProducer> producers, List<Message> batch)
            throws JMSException {
        List<Received> received = new ArrayList<>(batch.size());
        for (Message m : batch) {
            received.add(new Received(m instanceof TextMessage text ? text.getText() : null, properties(m),
                    m.propertyExists(DELIVERY_COUNT) ? m.getIntProperty(DELIVERY_COUNT) : 1));
        }
        Outcome outcome;
        try {
            outcome = handler.handle(received);
        } catch (Exception e) {
            failed(session, producers, batch, received, e);
            return;
        }
        for (Outgoing out : outcome.send()) {
            send(session, producers, out.destination(), out.body(), out.properties(), 0);
        }
        for (int index : outcome.deferred()) {
            defer(session, producers, batch.get(index), received.get(index));
        }
        session.commit();
    }

    private void failed(Session session, Map<String, MessageProducer> producers, List<Message> batch,
            List<Received> received, Exception failure) throws JMSException {
        boolean passing = Failures.isTransient(failure);
        if (batch.size() == 1 && !passing && received.get(0).deliveryCount() >= settings.poisonAfter()) {
            Throwable cause = Failures.rootCause(failure);
            LOG.errorf(failure, "%s: message %s failed %d times, to the dead-letter queue", settings.name(),
                    batch.get(0).getJMSMessageID(), received.get(0).deliveryCount());
            Map<String, String> headers = new HashMap<>(received.get(0).properties());
            headers.remove(JmsEndpoints.DUPLICATE_ID_HEADER);
            headers.put(JmsEndpoints.DEAD_LETTER_REASON_HEADER,
                    cause.getClass().getSimpleName() + ": " + cause.getMessage());
            headers.put(JmsEndpoints.DEAD_LETTER_SOURCE_HEADER, settings.name());
            headers.put(JmsEndpoints.DEAD_LETTER_DESTINATION_HEADER, settings.subscription() == null
                    ? "queue:" + settings.destination()
                    : "topic:" + settings.destination());
            send(session, producers, "queue:" + JmsEndpoints.DEAD_LETTER_QUEUE, received.get(0).body(), headers, 0);
            session.commit();
            return;
        }
        if (passing) {
            LOG.warnf("%s: batch of %d rolled back for a passing failure, retried later: %s", settings.name(),
                    batch.size(), Failures.rootCause(failure));
        } else {
            LOG.warnf(failure, "%s: batch of %d rolled back; its messages are retried one by one", settings.name(),
                    batch.size());
        }
        session.rollback();
    }

    /** Puts a message back on its queue, visible again after a delay that doubles per deferral (up to a minute). */
    private void defer(Session session, Map<String, MessageProducer> producers, Message original, Received received)
            throws JMSException {
        int deferrals = Integer.parseInt(received.properties().getOrDefault(DEFERRALS, "0")) + 1;
        long delay = Math.min(60_000L, 250L << Math.min(deferrals, 8));
        Map<String, String> headers = new HashMap<>(received.properties());
        headers.remove(JmsEndpoints.DUPLICATE_ID_HEADER);
        headers.put(DEFERRALS, Integer.toString(deferrals));
        String destination = settings.subscription() == null
                ? "queue:" + settings.destination()
                : "topic:" + settings.destination();
        LOG.debugf("%s: message %s deferred (%d) by %d ms", settings.name(), original.getJMSMessageID(), deferrals,
                delay);
        send(session, producers, destination, received.body(), headers, System.currentTimeMillis() + delay);
    }

    private void send(Session session, Map<String, MessageProducer> producers, String destination, String body,
            Map<String, String> properties, long scheduledAt) throws JMSException {
        MessageProducer producer = producers.get(destination);
        if (producer == null) {
            producer = session.createProducer(destination.startsWith("topic:")
                    ? session.createTopic(destination.substring("topic:".length()))
                    : session.createQueue(destination.replaceFirst("^queue:", "")));
            producers.put(destination, producer);
        }
        TextMessage message = session.createTextMessage(body);
        for (var p : properties.entrySet()) {
            message.setStringProperty(p.getKey(), p.getValue());
        }
        if (scheduledAt > 0) {
            message.setLongProperty(SCHEDULED_DELIVERY, scheduledAt);
        }
        producer.send(message);
    }

    private static Map<String, String> properties(Message m) throws JMSException {
        Map<String, String> props = new HashMap<>();
        for (Enumeration<?> names = m.getPropertyNames(); names.hasMoreElements();) {
            String name = (String) names.nextElement();
            if (!name.startsWith("JMSX") && !name.equals(SCHEDULED_DELIVERY)) {
                Object value = m.getObjectProperty(name);
                if (value != null) {
                    props.put(name, value.toString());
                }
            }
        }
        return props;
    }

    /** Waits a little, or less when the consumer is being stopped. */
    private void pause(long millis) {
        try {
            stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking messages, lets every worker finish (commit or roll back) its batch, then closes the connection. */
    @Override
    public void close() {
        running = false;
        stopping.countDown();
        try {
            if (!stopped.await(30, TimeUnit.SECONDS)) {
                LOG.warnf("%s: a batch was still running after 30 s; the broker redelivers it", settings.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (JMSException e) {
            LOG.debugf(e, "%s: closing the connection", settings.name());
        }
    }
}
