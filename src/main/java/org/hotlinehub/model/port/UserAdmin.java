package org.hotlinehub.model.port;

import java.util.List;
import java.util.Optional;

import org.hotlinehub.model.HubUser;

/**
 * Administration of console and portal users. Passwords, roles and partners are checked by the same rules as the
 * {@code users:} section of a reference-data file; every change goes to the audit log in the same transaction.
 * Methods that change something return the problems (empty when done).
 */
public interface UserAdmin {

    List<HubUser> list(String query, int offset, int limit);

    Optional<HubUser> find(String username);

    List<String> create(String username, String name, String password, List<String> roles, String partner,
            String actor, String client);

    List<String> change(String username, String name, List<String> roles, String partner, String actor,
            String client);

    List<String> resetPassword(String username, String password, String actor, String client);

    /** Clears a lockout after wrong passwords. @throws org.hotlinehub.model.NotFoundException */
    void unlock(String username, String actor, String client);

    /** The user can no longer sign in; open sessions end with the next request. */
    List<String> deactivate(String username, String actor, String client);
}
