package org.hotlinehub.store;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.CatalogAttribute;
import org.hotlinehub.model.ServiceDefinition;
import org.hotlinehub.model.port.ServiceCatalog;

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

    @Override
    @Transactional
    public List<ServiceDefinition> services() {
        return catalog.active().stream().map(this::toDefinition).toList();
    }

    @Override
    @Transactional
    public Optional<ServiceDefinition> service(String code) {
        return catalog.findByCode(code).filter(e -> e.active).map(this::toDefinition);
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
