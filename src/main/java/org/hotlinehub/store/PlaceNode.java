package org.hotlinehub.store;

/** A place as dispatch sees it: where it sits in the hierarchy, its type and code. */
public record PlaceNode(long id, Long parentId, String type, String code, boolean active) {
}
