package org.hotlinehub.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps {@link ReferenceCache} in step with the database across hub nodes: one connection per node listens on the
 * channel the place and catalog_entry triggers notify (V67), loads a snapshot once listening, and loads the next one
 * whenever a change is notified or this node's own write made the cache stale. While the connection is down the
 * cache stays empty and decisions read the database, so nothing is served that a missed notification could have
 * changed.
 */
@ApplicationScoped
public class ReferenceChangeListener {

    static final String CHANNEL = "hub_reference_changed";
    private static final Logger LOG = Logger.getLogger(ReferenceChangeListener.class);
    private static final int WAIT_MILLIS = 250;
    private static final long RETRY_SECONDS = 1;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ReferenceCache cache;

    private final CountDownLatch stopping = new CountDownLatch(1);
    private Thread thread;

    void onStart(@Observes StartupEvent event) {
        thread = new Thread(this::run, "hub-reference-changes");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping.countDown();
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private boolean stopped() {
        return stopping.getCount() == 0;
    }

    private void run() {
        while (!stopped()) {
            try (Connection connection = dataSource.getConnection()) {
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                cache.invalidate();
                if (!stopped()) {
                    LOG.warnf("not listening for place and catalog changes (%s); dispatch reads them from the"
                            + " database until the connection is back", e.getMessage());
                }
            }
            try {
                stopping.await(RETRY_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + CHANNEL);
        }
        PGConnection notifications = connection.unwrap(PGConnection.class);
        // Listening before the first read: whatever commits after the read starts is notified.
        cache.invalidate();
        while (!stopped()) {
            if (cache.current().isEmpty()) {
                long readFrom = cache.generation();
                ReferenceSnapshot snapshot = ReferenceSnapshot.read(connection);
                if (cache.install(readFrom, snapshot)) {
                    LOG.debugf("reference snapshot loaded: %d places", snapshot.places());
                }
            }
            PGNotification[] changes = notifications.getNotifications(WAIT_MILLIS);
            if (changes != null && changes.length > 0) {
                cache.invalidate();
            }
        }
    }
}
