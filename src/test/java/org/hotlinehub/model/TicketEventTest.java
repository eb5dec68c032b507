package org.hotlinehub.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The selector of a durable subscription is sent again at every start; the broker refuses one whose text differs from
 * the stored filter, so the same kinds must always give the same text.
 */
class TicketEventTest {

    @Test
    void shouldWriteTheSameSelectorWhateverTheOrderOfTheKinds() {
        String one = TicketEvent.selector("HubEventType", List.of(TicketEvent.Kind.REOPENED,
                TicketEvent.Kind.DISPATCHED, TicketEvent.Kind.ACCEPTED, TicketEvent.Kind.IN_PROGRESS));
        String other = TicketEvent.selector("HubEventType", List.of(TicketEvent.Kind.ACCEPTED,
                TicketEvent.Kind.IN_PROGRESS, TicketEvent.Kind.REOPENED, TicketEvent.Kind.DISPATCHED,
                TicketEvent.Kind.ACCEPTED));
        assertEquals(one, other);
        assertEquals("HubEventType IN ('TicketDispatched', 'TicketAccepted', 'TicketProgressed', 'TicketReopened')",
                one);
    }
}
