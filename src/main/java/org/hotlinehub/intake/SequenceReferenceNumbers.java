package org.hotlinehub.intake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.IntakeUnavailableException;
import org.hotlinehub.model.TicketReference;
import org.hotlinehub.model.port.ReferenceNumbers;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;

/**
 * References for contacts, handed out from memory. Blocks of 100 serials come from the database sequence (it steps
 * by 100, so instances and restarts never share one); {@value #BLOCKS_AHEAD} blocks are kept in hand and refilled in
 * the background, so taking a reference at the intake edge never waits for the database — not even while it
 * restarts, until the 2,000 references in hand are used. A restart forgoes what was in hand: references have gaps,
 * never repeats.
 *
 * <p>The reference told to a sender for a contact is remembered for the last {@value #REMEMBERED} contacts: a
 * sender's retry (Twilio, WeChat, a double-submitted form) arriving at this instance is told the same one. A retry
 * that reaches another instance, or this one after a restart, is told a new reference; intake files the contact
 * once by (channel, external id) and keeps the second reference as an alias of the ticket, so both find it.
 */
@ApplicationScoped
public class SequenceReferenceNumbers implements ReferenceNumbers {

    private static final Logger LOG = Logger.getLogger(SequenceReferenceNumbers.class);
    /** The increment of ticket_reference_block_seq (V1). */
    static final int BLOCK = 100;
    static final int BLOCKS_AHEAD = 20;
    static final int REMEMBERED = 200_000;

    @Inject
    AgroalDataSource dataSource;

    private final Deque<Long> blocks = new ArrayDeque<>();
    private final ExecutorService refiller = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reference-blocks");
        t.setDaemon(true);
        return t;
    });
    private boolean refilling;
    private long next;
    private long end;

    private final Map<String, String> told = new LinkedHashMap<>(1024, 0.75f, false) {

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    @Override
    public String next() {
        long serial;
        boolean refill = false;
        synchronized (this) {
            if (next >= end) {
                if (blocks.isEmpty()) {
                    // nothing in hand (the first reference, or the database was away): wait for it this once
                    blocks.addAll(fetchBlocks(BLOCKS_AHEAD));
                }
                next = blocks.poll();
                end = next + BLOCK;
            }
            serial = next++;
            if (blocks.size() < BLOCKS_AHEAD / 2 && !refilling) {
                refilling = true;
                refill = true;
            }
        }
        if (refill) {
            refiller.execute(this::refill);
        }
        return TicketReference.of(serial);
    }

    @Override
    public String reserve(Channel channel, String externalId, String candidate) {
        String key = channel.name() + ":" + externalId;
        synchronized (told) {
            String earlier = told.putIfAbsent(key, candidate);
            return earlier != null ? earlier : candidate;
        }
    }

    private void refill() {
        List<Long> fetched = List.of();
        int wanted;
        synchronized (this) {
            wanted = BLOCKS_AHEAD - blocks.size();
        }
        try {
            fetched = fetchBlocks(wanted);
        } catch (IntakeUnavailableException e) {
            LOG.warnf("cannot reserve reference blocks ahead (tried again at the next reference): %s",
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        } finally {
            synchronized (this) {
                blocks.addAll(fetched);
                refilling = false;
            }
        }
    }

    private List<Long> fetchBlocks(int count) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "select nextval('ticket_reference_block_seq') from generate_series(1, ?)")) {
            statement.setInt(1, Math.max(1, count));
            List<Long> starts = new ArrayList<>(count);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    starts.add(rs.getLong(1));
                }
            }
            return starts;
        } catch (java.sql.SQLException e) {
            throw new IntakeUnavailableException("cannot number tickets: database unavailable", e);
        }
    }

    @PreDestroy
    void stop() {
        refiller.shutdownNow();
    }
}
