package org.hotlinehub.model;

import java.util.List;

/** A catalog entry as Open311 clients see it: a service with its keywords and custom attributes. */
public record ServiceDefinition(
        String code,
        String nameZh,
        String nameEn,
        String group,
        List<String> keywordsZh,
        List<String> keywordsEn,
        List<CatalogAttribute> attributes) {

    public ServiceDefinition {
        keywordsZh = keywordsZh == null ? List.of() : List.copyOf(keywordsZh);
        keywordsEn = keywordsEn == null ? List.of() : List.copyOf(keywordsEn);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }
}
