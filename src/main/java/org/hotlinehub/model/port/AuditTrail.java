package org.hotlinehub.model.port;

import java.util.List;
import java.util.Optional;

import org.hotlinehub.model.AuditEntry;

/**
 * The audit log of staff actions. {@link #record} joins the caller's transaction, so an action and its audit entry are
 * stored together or not at all.
 */
public interface AuditTrail {

    void record(String actor, String action, String targetType, String target, String detail, String client);

    /** Newest first, below {@code beforeId} (keyset paging); filters are optional. */
    List<AuditEntry> list(Optional<String> actor, Optional<String> action, Optional<String> targetType,
            Optional<String> target, Long beforeId, int limit);
}
