package org.hotlinehub.store;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import io.quarkus.arc.Arc;

/**
 * Entity listener on places, catalog entries and partners: the hub's own writes make {@link ReferenceCache} stale as
 * their transaction completes, so this node's next decision reads what it has just committed.
 */
public class ReferenceWrites {

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        Arc.container().instance(ReferenceCache.class).get().changedInThisTransaction();
    }
}
