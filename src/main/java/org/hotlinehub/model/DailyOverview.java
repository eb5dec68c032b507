package org.hotlinehub.model;

import java.time.LocalDate;
import java.util.List;

/** Tickets filed on one day (in the hub's time zone), counted by channel and by category. */
public record DailyOverview(LocalDate day, long total, List<Count> byChannel, List<Count> byCategory) {

    /** @param label the category's Chinese name, or the channel code; {@code labelEn} the English one if known */
    public record Count(String key, String label, String labelEn, long count) {
    }
}
