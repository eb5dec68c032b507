package org.hotlinehub.model.port;

import java.util.Optional;

import org.hotlinehub.model.Caller;

/** Checks the credentials of API callers: users by password, API clients by key. Only hashes are stored. */
public interface ApiAccess {

    /**
     * Checks the password of a user signing in from {@code client} (the address): wrong passwords are counted per
     * address and account, and an address that made too many waits, longer after each (the account stays open to
     * its owner elsewhere).
     */
    Optional<Caller> user(String username, String password, String client);

    /**
     * A user already signed in (session cookie) under {@code sessionVersion}: still active, not locked, and the
     * version still current (logout, a password or a role change raise it and so end every earlier session). Also
     * checks a briefly cached HTTP Basic credential, which the version ties to the password it was checked with.
     */
    Optional<Caller> signedInUser(String username, int sessionVersion);

    /** Ends every session of the user (logout): raises their session version. */
    void endSessions(String username);

    Optional<Caller> apiClient(String apiKey);
}
