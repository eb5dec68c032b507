package org.hotlinehub.model;

/** A service-catalog entry as residents and forms see it. */
public record CatalogItem(String code, String nameZh, String nameEn, String group, Urgency urgency) {
}
