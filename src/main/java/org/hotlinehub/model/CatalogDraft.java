package org.hotlinehub.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one draft of the dispatch catalog: who started it and when, who changed it last, the version it was started
 * from, and its edits.
 */
public record CatalogDraft(String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
        Integer baseVersion, List<Item> items) {

    public CatalogDraft {
        items = List.copyOf(items);
    }

    /**
     * One edited entry: a catalog entry ({@code kind} {@code catalog}) or a partner's areas and services
     * ({@code partners}); {@code fields} holds only what the editor changed, {@code published} what those fields say
     * now.
     */
    public record Item(String kind, String code, Map<String, String> fields, Map<String, String> published,
            String by, Instant at) {
    }
}
