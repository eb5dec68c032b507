package org.hotlinehub.connectors.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.hotlinehub.model.port.TicketChanges;
import org.junit.jupiter.api.Test;

/** A queue stream looks at the database when a ticket event arrived from any node, not at every check. */
class QueueWatchTest {

    private final AtomicLong events = new AtomicLong();
    private final AtomicInteger following = new AtomicInteger();

    private final TicketChanges changes = new TicketChanges() {

        @Override
        public long count() {
            return events.get();
        }

        @Override
        public Following follow() {
            following.incrementAndGet();
            return following::decrementAndGet;
        }
    };

    @Test
    void shouldLookFirstThenOnlyAfterAnEventOrThePoll() {
        QueuePages.Watch watch = new QueuePages.Watch(changes);
        assertEquals(1, following.get(), "a stream follows the ticket events while it is open");
        assertTrue(watch.due(), "the first fingerprint at once");
        assertFalse(watch.due(), "nothing happened since");
        events.incrementAndGet(); // another node dispatched a ticket
        assertTrue(watch.due());
        assertFalse(watch.due());
        watch.close();
        assertEquals(0, following.get());
    }
}
