package org.hotlinehub.connectors.wechat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells a waiting push answer the moment its conversation's decision is committed, so a late push can answer
 * {@code success} without polling the database. Keyed by the push's dedupe key; the waiter forgets its key when done.
 */
@ApplicationScoped
class StoredDecisions {

    private final ConcurrentMap<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    /** Completes when {@link #stored} is called for the key (register before the conversation runs). */
    CompletableFuture<Void> watch(String dedupeKey) {
        return waiting.computeIfAbsent(dedupeKey, k -> new CompletableFuture<>());
    }

    /** The decision for this push is committed. */
    void stored(String dedupeKey) {
        CompletableFuture<Void> signal = waiting.get(dedupeKey);
        if (signal != null) {
            signal.complete(null);
        }
    }

    void forget(String dedupeKey) {
        waiting.remove(dedupeKey);
    }
}
