package org.hotlinehub.model;

import java.time.Instant;
import java.util.List;

/** A console or portal user as administrators see it (never the password hash). */
public record HubUser(String username, String name, List<String> roles, String partner, boolean active,
        Instant lockedUntil, int failedLogins, Instant lastLoginAt) {

    public boolean locked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
