package org.hotlinehub.model.port;

import java.util.List;
import java.util.Optional;

import org.hotlinehub.model.PlaceItem;
import org.hotlinehub.model.PlaceType;

public interface PlaceDirectory {

    /** Residential compounds (小区), for residents to pick from. */
    List<PlaceItem> compounds();

    Optional<PlaceItem> find(String code);

    /** Every active place, in code order (forms' searchable choices). */
    List<PlaceItem> all();

    /** Active places of one level (streets and communities for the reports' filters), in code order. */
    default List<PlaceItem> ofType(PlaceType type) {
        return all().stream().filter(p -> p.type() == type).toList();
    }
}
