package org.hotlinehub.store;

/** How the catalog version is read: with the rules for the snapshot, alone when the snapshot is stale. */
final class CatalogVersionQuery {

    /** The newest published version (0 before the first). */
    static final String CURRENT = "select coalesce(max(version), 0) from catalog_version";

    /** Every catalog entry's rule, each row with the version (one row of nulls and the version when none). */
    static final String RULES_WITH_VERSION = "select c.id, c.code, c.party_type, c.fallback_types, c.skills, v.version"
            + " from (select coalesce(max(version), 0) as version from catalog_version) v"
            + " left join catalog_entry c on true";

    private CatalogVersionQuery() {
    }
}
