package org.hotlinehub.model;

import java.util.Set;

/**
 * Who is calling: a user of the console or the partner portal (by password or session), or an API client (by key),
 * with their roles; {@code partner} is the partner's code for a portal user, else null. {@code sessionVersion} is the
 * user's current session version (raised by logout, password and role changes; 0 for API clients).
 */
public record Caller(String name, Kind kind, Set<String> roles, String partner, int sessionVersion) {

    public static final String OPERATOR = "operator";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    /** May file requests through Open311 GeoReport v2. */
    public static final String OPEN311 = "open311";
    /** A partner organization's user of the portal; sees and acts on that partner's assignments only. */
    public static final String PARTNER = "partner";
    /** Every role a user or API client may hold. */
    public static final Set<String> ROLES = Set.of(OPERATOR, SUPERVISOR, ADMIN, OPEN311, PARTNER);
    /** The security identity's attribute that carries {@link #partner()}. */
    public static final String PARTNER_ATTRIBUTE = "partner";

    public enum Kind {
        USER,
        API_CLIENT
    }

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public Caller(String name, Kind kind, Set<String> roles) {
        this(name, kind, roles, null, 0);
    }
}
