package org.hotlinehub.model.port;

import java.util.List;

import org.hotlinehub.model.OutboxChannel;
import org.hotlinehub.model.OutboxMessage;
import org.hotlinehub.model.SendResult;

/**
 * Carries the outbox's messages of one channel. A sender only sends and says how it went, delivered, worth a retry or
 * failed for good; it never throws for the far side's failure, keeps no retry state and never waits for a retry. The
 * outbox worker claims, retries with backoff, gives up and records. Implemented by the channel's connector.
 */
public interface OutboxSender {

    OutboxChannel channel();

    SendResult send(OutboxMessage message);

    /**
     * Whether a send only hands the row on inside the hub (a text queued in the outbox for the SMS sender) and never
     * waits on anyone outside: the worker then gives this sender a round's rows of its channel together, through
     * {@link #sendAll}, rather than one by one in the recipients' lanes.
     */
    default boolean handsOnLocally() {
        return false;
    }

    /** Sends several rows of this channel; the results in their order. By default one by one. */
    default List<SendResult> sendAll(List<OutboxMessage> messages) {
        return messages.stream().map(this::send).toList();
    }
}
