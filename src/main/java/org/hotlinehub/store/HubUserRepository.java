package org.hotlinehub.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class HubUserRepository implements PanacheRepository<HubUserEntity> {

    public Optional<HubUserEntity> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
