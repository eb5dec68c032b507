package org.hotlinehub.store;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class CatalogRepository implements PanacheRepository<CatalogEntryEntity> {

    public Optional<CatalogEntryEntity> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public List<CatalogEntryEntity> active() {
        return list("active = true order by groupCode, code");
    }
}
