package org.hotlinehub.model.port;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The access token shared by every hub instance (WeChat invalidates the old token when a new one is fetched, so only
 * one instance may fetch: the 中控 of docs/contract.md, "WeChat access token"). The token row is locked while it is
 * checked and refreshed.
 */
public interface WechatTokens {

    /**
     * The stored token when it is still good after {@code validUntil} and is not {@code rejected}; otherwise the one
     * {@code fetch} gets, stored for all. Instances that wait on the lock find the fresh token and do not fetch.
     *
     * @param rejected a token the API just refused (40001, 42001 …), or null
     */
    Issued current(String appId, Instant validUntil, String rejected, Supplier<Issued> fetch);

    record Issued(String token, Instant expiresAt) {
    }
}
