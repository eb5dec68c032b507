package org.hotlinehub.model;

import java.time.Instant;

/**
 * One published version of the dispatch catalog: the hub's publish of a draft, a rollback, or a reference-data import
 * that wrote catalog entries or partners.
 */
public record CatalogVersion(int version, Instant publishedAt, String publishedBy, String source, String note,
        Integer rolledBackTo) {

    public static final String PUBLISH = "publish";
    public static final String ROLLBACK = "rollback";
    public static final String IMPORT = "import";
}
