package org.hotlinehub.model;

/**
 * What an operator takes down on a call: the caller's phone (required, any common way of writing it), name, what is
 * wrong, and — when the operator knows — the catalog entry, the compound and the address. What is left out is
 * decided by intake (keywords, the resident's registered address) or lands in triage.
 */
public record CallerReport(String phone, String name, String description, String categoryCode, String placeCode,
        String address, String language) {
}
