package org.hotlinehub.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class VolunteerRepository implements PanacheRepository<VolunteerEntity> {

    public Optional<VolunteerEntity> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
