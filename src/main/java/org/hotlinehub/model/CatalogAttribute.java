package org.hotlinehub.model;

import java.util.List;

/**
 * A custom attribute of a catalog entry: an extra question a request of that kind should answer (Open311 service
 * definition attribute). {@code variable=false} is a note shown to the sender, not a question.
 */
public record CatalogAttribute(
        String code,
        AttributeType datatype,
        boolean required,
        boolean variable,
        int order,
        String descriptionZh,
        String descriptionEn,
        String datatypeDescription,
        List<Value> values) {

    public CatalogAttribute {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** One choice of a list attribute: {@code key} is what is sent, the names what is shown. */
    public record Value(String key, String nameZh, String nameEn) {
    }
}
