package org.hotlinehub.model.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hotlinehub.model.AssignmentWatch;
import org.hotlinehub.model.DailyOverview;
import org.hotlinehub.model.PartnerLoad;

/** What supervisors watch: deadlines about to pass or passed, each partner's open work, and the day's intake. */
public interface Supervision {

    /**
     * Open assignments past the warning point ({@code hub.dispatch.warn-at}) of their accept or resolve window, or
     * past the deadline; overdue first, then by deadline.
     */
    List<AssignmentWatch> deadlines(Instant now, int limit);

    /** Every active partner with its open assignments by state, busiest first. */
    List<PartnerLoad> partnerLoads(Instant now);

    /** Tickets filed on {@code day} in the hub's time zone, by channel and by category. */
    DailyOverview daily(LocalDate day);
}
