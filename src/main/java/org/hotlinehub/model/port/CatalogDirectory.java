package org.hotlinehub.model.port;

import java.util.List;
import java.util.Optional;

import org.hotlinehub.model.CatalogItem;

public interface CatalogDirectory {

    List<CatalogItem> activeItems();

    Optional<CatalogItem> find(String code);
}
