package org.hotlinehub.store;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Holds the current {@link ReferenceSnapshot}, or nothing while it may be stale. Every change to a place or a catalog
 * entry makes it stale: a change this node commits, as the transaction completes ({@link ReferenceWrites}); a change
 * anybody commits, when PostgreSQL's notification arrives ({@link ReferenceChangeListener}, which also loads the next
 * snapshot). Readers that find nothing read the database instead, so a decision never uses a hierarchy older than
 * what its own node has committed.
 *
 * <p>A snapshot is installed only if nothing was invalidated while it was being read (the generation check): a
 * change committed during a reload leaves the cache empty rather than holding the older rows.
 */
@ApplicationScoped
public class ReferenceCache {

    private static final String REGISTERED = ReferenceCache.class.getName() + ".registered";

    private final AtomicLong generation = new AtomicLong();
    private volatile Held held;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private record Held(long generation, ReferenceSnapshot snapshot) {
    }

    /**
     * The snapshot, if it is current — and not to a transaction that has itself changed places or catalog entries,
     * which must read its own uncommitted rows.
     */
    public Optional<ReferenceSnapshot> current() {
        if (changedByThisTransaction()) {
            return Optional.empty();
        }
        Held h = held;
        return h != null && h.generation == generation.get() ? Optional.of(h.snapshot) : Optional.empty();
    }

    /** Whether the current transaction has changed places or catalog entries (and must read its own rows). */
    boolean changedByThisTransaction() {
        return transactions.getTransactionStatus() == Status.STATUS_ACTIVE
                && transactions.getResource(REGISTERED) != null;
    }

    /** Marks whatever is held as stale. */
    public void invalidate() {
        generation.incrementAndGet();
        held = null;
    }

    /** The generation to pass to {@link #install} for a snapshot whose reading starts now. */
    long generation() {
        return generation.get();
    }

    /** Installs a snapshot read since {@link #generation()} returned {@code readFrom}, unless invalidated since. */
    boolean install(long readFrom, ReferenceSnapshot snapshot) {
        if (generation.get() != readFrom) {
            return false;
        }
        held = new Held(readFrom, snapshot);
        return true;
    }

    /**
     * The current transaction changes places or catalog entries: invalidate when it completes, either way; until then
     * its own readers read the database (a catalog dry run calls this after writing a draft it rolls back).
     */
    public void changedInThisTransaction() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            invalidate();
            return;
        }
        if (transactions.getResource(REGISTERED) == null) {
            transactions.putResource(REGISTERED, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {

                @Override
                public void beforeCompletion() {
                    // nothing to do before the outcome is known
                }

                @Override
                public void afterCompletion(int status) {
                    invalidate();
                }
            });
        }
    }
}
