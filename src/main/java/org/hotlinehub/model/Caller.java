package org.hotlinehub.model;

import java.util.Set;

/** Who is calling an API: a user of the console (by password) or an API client (by key), with their roles. */
public record Caller(String name, Kind kind, Set<String> roles) {

    public static final String OPERATOR = "operator";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    /** May file requests through Open311 GeoReport v2. */
    public static final String OPEN311 = "open311";
    /** Every role a user or API client may hold. */
    public static final Set<String> ROLES = Set.of(OPERATOR, SUPERVISOR, ADMIN, OPEN311);

    public enum Kind {
        USER,
        API_CLIENT
    }

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
