package org.hotlinehub.referencedata;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.CatalogAttribute;
import org.hotlinehub.model.ServiceDefinition;
import org.hotlinehub.model.port.ServiceCatalog;
import org.hotlinehub.store.CatalogEntryEntity;
import org.hotlinehub.store.CatalogRepository;
import org.hotlinehub.store.ReferenceCache;
import org.hotlinehub.store.ReferenceMemo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

@ApplicationScoped
public class ServiceCatalogQueries implements ServiceCatalog {

    private static final TypeReference<List<CatalogAttribute>> ATTRIBUTES = new TypeReference<>() {
    };

    @Inject
    CatalogRepository catalog;
    @Inject
    ObjectMapper json;
    @Inject
    ReferenceCache cache;

    /** The active entries as service definitions, held until the catalog changes. */
    private ReferenceMemo<List<ServiceDefinition>> active;

    @PostConstruct
    void init() {
        active = new ReferenceMemo<>(cache, () -> catalog.active().stream().map(this::toDefinition).toList());
    }

    @Override
    public List<ServiceDefinition> services() {
        return active.get();
    }

    @Override
    public Optional<ServiceDefinition> service(String code) {
        return active.get().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    private ServiceDefinition toDefinition(CatalogEntryEntity e) {
        return new ServiceDefinition(e.code, e.nameZh, e.nameEn, e.groupCode, e.keywordsZh, e.keywordsEn,
                attributes(json, e.attributes));
    }

    /** The stored JSON of a catalog entry's attributes, in their order. */
    public static List<CatalogAttribute> attributes(ObjectMapper json, String stored) {
        try {
            return stored == null ? List.of() : json.readValue(stored, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalog attributes are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
