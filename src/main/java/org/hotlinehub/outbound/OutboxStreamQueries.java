package org.hotlinehub.outbound;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hotlinehub.model.OutboxChannel;
import org.hotlinehub.store.OutboxStore;
import org.hotlinehub.store.SqlParameters;

/**
 * What the SMS and WeChat streams of the outbox (V76) read alike: their rows as the stream's own record, and the
 * operators' list of them, newest first, a page at a time. Each stream names its columns and how a row is read.
 */
abstract class OutboxStreamQueries<R> {

    @Inject
    EntityManager em;
    @Inject
    OutboxStore outbox;

    /** The select of the stream's rows, up to its where. */
    private final String selectStream;

    /** {@code columns}: the select of a row up to {@code from outbox}, in the order {@link #row} reads them. */
    OutboxStreamQueries(OutboxChannel.Stream stream, String columns) {
        this.selectStream = columns + " where stream = '" + stream.code() + "'";
    }

    /** The record of one row of the columns. */
    abstract R row(Object[] r);

    /** A page of the stream's rows, newest first: those of {@code status}, or all when it is empty. */
    List<R> page(Optional<? extends Enum<?>> status, int offset, int limit) {
        return status.isPresent()
                ? select(" and status = ?1 order by created_at desc, id desc offset ?2 limit ?3", status.get().name(),
                        offset, limit)
                : select(" order by created_at desc, id desc offset ?1 limit ?2", offset, limit);
    }

    /** The stream's rows that meet {@code condition} too (what follows its own where, parameters from ?1). */
    List<R> select(String condition, Object... params) {
        return SqlParameters.rows(em, selectStream + condition, params).stream()
                .map(this::row).toList();
    }
}
