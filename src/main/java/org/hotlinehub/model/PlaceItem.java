package org.hotlinehub.model;

/** A place as forms and lists show it. */
public record PlaceItem(String code, PlaceType type, String nameZh, String nameEn, String address, String parentCode) {
}
