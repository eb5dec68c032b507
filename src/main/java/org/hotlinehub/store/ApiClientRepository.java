package org.hotlinehub.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ApiClientRepository implements PanacheRepository<ApiClientEntity> {

    public Optional<ApiClientEntity> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public Optional<ApiClientEntity> findActiveByKeyHash(String keyHash) {
        return find("keyHash = ?1 and active = true", keyHash).firstResultOptional();
    }
}
