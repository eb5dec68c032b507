package org.hotlinehub.store;

import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A value read from places and catalog entries (the report form's lists, a code's entry), held in memory until either
 * table changes: the same staleness rules as the {@link ReferenceCache}, whose generation it follows. So the intake
 * edge checks what a sender posted without a database round trip, and still never answers from rows older than what
 * its node has committed or been notified of.
 */
public final class ReferenceMemo<T> {

    private record Held<T>(long generation, T value) {
    }

    private final ReferenceCache cache;
    private final Supplier<T> load;
    private volatile Held<T> held;

    public ReferenceMemo(ReferenceCache cache, Supplier<T> load) {
        this.cache = cache;
        this.load = load;
    }

    public T get() {
        if (cache.changedByThisTransaction()) {
            return load.get();
        }
        long generation = cache.generation();
        Held<T> h = held;
        if (h != null && h.generation() == generation) {
            return h.value();
        }
        T value = QuarkusTransaction.joiningExisting().call(load::get);
        held = new Held<>(generation, value);
        return value;
    }
}
