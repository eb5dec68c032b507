package org.hotlinehub.store;

import java.util.ArrayList;
import java.util.List;

/** What dispatch reads of a catalog entry: who handles it (the party type, then the fallbacks) and the skills. */
public record CatalogRule(long id, String code, String partyType, List<String> fallbackTypes, List<String> skills) {

    public CatalogRule {
        fallbackTypes = List.copyOf(fallbackTypes);
        skills = List.copyOf(skills);
    }

    static CatalogRule of(CatalogEntryEntity entry) {
        return new CatalogRule(entry.id, entry.code, entry.partyType, entry.fallbackTypes, entry.skills);
    }

    /** The party type first, then the fallback types in order. */
    public List<String> partyTypes() {
        List<String> types = new ArrayList<>(fallbackTypes.size() + 1);
        types.add(partyType);
        types.addAll(fallbackTypes);
        return types;
    }
}
