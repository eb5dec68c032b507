package org.hotlinehub.model.port;

import java.util.Optional;

import org.hotlinehub.model.Caller;

/** Checks the credentials of API callers: users by password, API clients by key. Only hashes are stored. */
public interface ApiAccess {

    /** Checks the password, counting failures; locked accounts are refused. */
    Optional<Caller> user(String username, String password);

    /** A user already signed in (session cookie): still active and not locked. */
    Optional<Caller> signedInUser(String username);

    Optional<Caller> apiClient(String apiKey);
}
