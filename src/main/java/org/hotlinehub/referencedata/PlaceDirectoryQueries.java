package org.hotlinehub.referencedata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.PlaceItem;
import org.hotlinehub.model.PlaceType;
import org.hotlinehub.model.port.PlaceDirectory;
import org.hotlinehub.store.PlaceRepository;
import org.hotlinehub.store.ReferenceCache;
import org.hotlinehub.store.ReferenceMemo;

/** Active places by code, held in memory until a place changes ({@link ReferenceMemo}). */
@ApplicationScoped
public class PlaceDirectoryQueries implements PlaceDirectory {

    @Inject
    PlaceRepository places;
    @Inject
    ReferenceCache cache;

    private ReferenceMemo<Map<String, PlaceItem>> active;

    @PostConstruct
    void init() {
        active = new ReferenceMemo<>(cache, this::load);
    }

    @Override
    public List<PlaceItem> compounds() {
        return active.get().values().stream().filter(p -> p.type() == PlaceType.COMPOUND).toList();
    }

    @Override
    public List<PlaceItem> all() {
        return List.copyOf(active.get().values());
    }

    @Override
    public Optional<PlaceItem> find(String code) {
        return Optional.ofNullable(code).map(active.get()::get);
    }

    /** Every active place with its parent's code, in code order, in one query. */
    private Map<String, PlaceItem> load() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = places.getEntityManager().createNativeQuery("select p.code, p.type, p.name_zh,"
                + " p.name_en, p.address, parent.code from place p left join place parent on parent.id = p.parent_id"
                + " where p.active order by p.code").getResultList();
        Map<String, PlaceItem> byCode = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byCode.put((String) r[0], new PlaceItem((String) r[0], PlaceType.fromCode((String) r[1]).orElseThrow(),
                    (String) r[2], (String) r[3], (String) r[4], (String) r[5]));
        }
        return Collections.unmodifiableMap(byCode);
    }
}
