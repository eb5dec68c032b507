package org.hotlinehub.intake;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ContactIntent;
import org.hotlinehub.model.InboundContact;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts contacts on {@code hub.contacts} by channel and intent, once each: a contact counts when intake stored it
 * for the first time (its (channel, external id) row) and that transaction committed. A redelivered or
 * double-submitted contact finds its row and does not count again; a batch rolled back counts when it is retried.
 * Contacts acknowledged at the edge but still on the queue (intake paused, broker backlog) count when intake takes
 * them.
 */
@ApplicationScoped
public class ContactCounter {

    static final String NAME = "hub.contacts";

    /** The contacts a transaction stored for the first time; counted once it commits. */
    record Stored(List<InboundContact> contacts) {
    }

    @Inject
    MeterRegistry registry;

    private final Counter[][] counters = new Counter[Channel.values().length][ContactIntent.values().length];

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) Stored stored) {
        for (InboundContact contact : stored.contacts()) {
            counter(contact.channel(), contact.intent()).increment();
        }
    }

    /** The registry hands out one counter per channel and intent; it is remembered here to skip the lookup. */
    private Counter counter(Channel channel, ContactIntent intent) {
        Counter counter = counters[channel.ordinal()][intent.ordinal()];
        if (counter == null) {
            counter = Counter.builder(NAME)
                    .description("Contacts intake stored for the first time (a repeat of a contact counts once),"
                            + " by channel and intent (REQUEST, FOLLOW_UP, SURVEY_ANSWER)")
                    .baseUnit("contacts").tag("channel", channel.name()).tag("intent", intent.name())
                    .register(registry);
            counters[channel.ordinal()][intent.ordinal()] = counter;
        }
        return counter;
    }
}
