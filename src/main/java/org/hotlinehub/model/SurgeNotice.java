package org.hotlinehub.model;

/**
 * A confirmed surge a caller from its area hears about before the menu: the incident's ticket, the status message
 * staff wrote, and the incident's place (a compound, as a rule).
 */
public record SurgeNotice(String incident, String statusZh, String statusEn, String placeZh, String placeEn) {

    public String status(boolean english) {
        return english ? statusEn : statusZh;
    }

    /** The place's English name, or its Chinese one when it has none. */
    public String place(boolean english) {
        return english && placeEn != null ? placeEn : placeZh;
    }
}
