package org.hotlinehub.referencedata;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.CatalogItem;
import org.hotlinehub.model.Urgency;
import org.hotlinehub.model.port.CatalogDirectory;
import org.hotlinehub.store.CatalogEntryEntity;
import org.hotlinehub.store.CatalogRepository;
import org.hotlinehub.store.ReferenceCache;
import org.hotlinehub.store.ReferenceMemo;

@ApplicationScoped
/*
 * Reads run in their own short transaction (not SUPPORTS): outside one, the request's session would keep its
 * connection until the request ends, and an edge that then reserves a reference needs a second connection — under
 * load every pool connection was held by a request waiting for another (seen by the intake benchmark).
 */
public class CatalogDirectoryQueries implements CatalogDirectory {

    @Inject
    CatalogRepository catalog;
    @Inject
    ReferenceCache cache;

    private ReferenceMemo<List<CatalogItem>> active;

    @PostConstruct
    void init() {
        active = new ReferenceMemo<>(cache,
                () -> catalog.active().stream().map(CatalogDirectoryQueries::toItem).toList());
    }

    @Override
    public List<CatalogItem> activeItems() {
        return active.get();
    }

    @Override
    public Optional<CatalogItem> find(String code) {
        return active.get().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    static CatalogItem toItem(CatalogEntryEntity e) {
        return new CatalogItem(e.code, e.nameZh, e.nameEn, e.groupCode, Urgency.valueOf(e.urgency.toUpperCase()));
    }
}
