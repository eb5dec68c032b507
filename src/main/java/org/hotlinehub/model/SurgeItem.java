package org.hotlinehub.model;

import java.time.Instant;
import java.util.Map;

/**
 * A surge on an open incident as the operators' queue shows it: the incident's ticket, where and what, when it was
 * declared, its reporters in all and per channel, and whether staff confirmed it with a status message.
 */
public record SurgeItem(String incident, String placeZh, String placeEn, String categoryZh, String categoryEn,
        Instant declaredAt, int reporters, Map<Channel, Long> channels, boolean confirmed, String statusZh,
        String statusEn) {

    public String place(boolean english) {
        return english && placeEn != null ? placeEn : placeZh;
    }

    public String category(boolean english) {
        return english && categoryEn != null ? categoryEn : categoryZh;
    }

    public String status(boolean english) {
        return english ? statusEn : statusZh;
    }
}
