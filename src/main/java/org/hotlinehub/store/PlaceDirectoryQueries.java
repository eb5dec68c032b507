package org.hotlinehub.store;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.PlaceItem;
import org.hotlinehub.model.PlaceType;
import org.hotlinehub.model.port.PlaceDirectory;

@ApplicationScoped
public class PlaceDirectoryQueries implements PlaceDirectory {

    @Inject
    PlaceRepository places;

    @Override
    @Transactional
    public List<PlaceItem> compounds() {
        return places.activeOfType(PlaceType.COMPOUND.code()).stream().map(PlaceDirectoryQueries::toItem).toList();
    }

    @Override
    @Transactional
    public Optional<PlaceItem> find(String code) {
        return places.findByCode(code).filter(p -> p.active).map(PlaceDirectoryQueries::toItem);
    }

    static PlaceItem toItem(PlaceEntity p) {
        return new PlaceItem(p.code, PlaceType.fromCode(p.type).orElseThrow(), p.nameZh, p.nameEn, p.address,
                p.parent == null ? null : p.parent.code);
    }
}
