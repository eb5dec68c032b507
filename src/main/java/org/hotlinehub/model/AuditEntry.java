package org.hotlinehub.model;

import java.time.Instant;

/**
 * One staff action in the audit log.
 *
 * @param action a short verb phrase, e.g. {@code ticket.merge}, {@code reference-data.import}
 * @param targetType what kind of record, e.g. {@code ticket}, {@code partner}, {@code user}
 * @param target the record's reference or code
 * @param detail what changed, for people (no phone numbers: mask them)
 * @param client the address the request came from
 */
public record AuditEntry(long id, Instant at, String actor, String action, String targetType, String target,
        String detail, String client) {
}
