package org.hotlinehub.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class PlaceRepository implements PanacheRepository<PlaceEntity> {

    public Optional<PlaceEntity> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
