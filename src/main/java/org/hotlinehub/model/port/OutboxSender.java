package org.hotlinehub.model.port;

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
}
