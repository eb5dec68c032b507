package org.hotlinehub.model.port;

import java.util.List;
import java.util.Optional;

import org.hotlinehub.model.PlaceItem;

public interface PlaceDirectory {

    /** Residential compounds (小区), for residents to pick from. */
    List<PlaceItem> compounds();

    Optional<PlaceItem> find(String code);
}
