package org.hotlinehub.model.port;

import java.util.Optional;

import org.hotlinehub.model.Caller;

/** Checks the credentials of API callers: users by password, API clients by key. Only hashes are stored. */
public interface ApiAccess {

    Optional<Caller> user(String username, String password);

    Optional<Caller> apiClient(String apiKey);
}
