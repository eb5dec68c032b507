package org.hotlinehub.model.port;

import java.time.Instant;

/**
 * One-time values shared by every hub node (a WeChat push's timestamp, nonce and signature; a report form's token):
 * the first use binds the value to the hash of the body it came with. Using it again with the same body is a sender's
 * retry and allowed (the business idempotency answers it the same); with another body it is a replay.
 */
public interface OneTimeUses {

    /**
     * Records the first use of {@code key} with {@code bodyHash}, kept until {@code keepUntil}.
     *
     * @return false when the key was used before with another body (a replay); true for a first use or a retry
     */
    boolean claim(String key, String bodyHash, Instant keepUntil);
}
