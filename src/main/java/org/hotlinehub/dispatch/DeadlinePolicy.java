package org.hotlinehub.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.Coded;
import org.hotlinehub.model.PartnerType;
import org.hotlinehub.model.Urgency;
import org.hotlinehub.model.WeeklyCalendar;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.TicketEntity;

/**
 * Sets the two clocks of an assignment (accept-by, resolve-by) and their warning points: the windows come from the
 * catalog entry, shortened when the ticket's priority was raised above the entry's urgency
 * ({@code hub.deadlines.raised-priority-factor} per step), and count only business hours when the holder's partner
 * type has a calendar ({@code hub.deadlines.business-hours.<type>}), except for urgent tickets. The same rules move
 * the deadlines forward after a pause.
 */
@ApplicationScoped
public class DeadlinePolicy {

    /** The type used for the calendar of registered volunteers. */
    static final String VOLUNTEER = PartnerType.VOLUNTEER.code();

    @Inject
    HubConfig config;
    @Inject
    ZoneId zone;

    private static final WeeklyCalendar AROUND_THE_CLOCK = WeeklyCalendar.parse(List.of());

    private final Map<String, WeeklyCalendar> calendars = new HashMap<>();

    @PostConstruct
    void readCalendars() {
        config.deadlines().businessHours().forEach((type, lines) -> {
            if (PartnerType.fromCode(type).isEmpty()) {
                throw new IllegalArgumentException("hub.deadlines.business-hours." + type + ": unknown partner type;"
                        + " use one of " + Coded.codes(PartnerType.values()));
            }
            try {
                calendars.put(type, WeeklyCalendar.parse(List.of(lines.split(";"))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hub.deadlines.business-hours." + type + ": " + e.getMessage(), e);
            }
        });
    }

    public ZoneId zone() {
        return zone;
    }

    /** Starts both clocks at {@code a.offeredAt}, for the holder the assignment names (reads its partner's row). */
    void start(AssignmentEntity a) {
        start(a, holderType(a));
    }

    /** Starts both clocks at {@code a.offeredAt}, for a holder of partner type {@code holderType}. */
    void start(AssignmentEntity a, String holderType) {
        TicketEntity ticket = a.ticket;
        double factor = Math.pow(config.deadlines().raisedPriorityFactor(), raisedSteps(ticket));
        Duration accept = scale(ticket.category.acceptWithin(), factor);
        Duration resolve = scale(ticket.category.resolveWithin(), factor);
        double warnAt = config.dispatch().warnAt();
        WeeklyCalendar calendar = calendarOf(ticket.priority, holderType);
        a.acceptBy = calendar.plusWorking(a.offeredAt, accept, zone);
        a.resolveBy = calendar.plusWorking(a.offeredAt, resolve, zone);
        a.acceptWarnAt = calendar.plusWorking(a.offeredAt, scale(accept, warnAt), zone);
        a.resolveWarnAt = calendar.plusWorking(a.offeredAt, scale(resolve, warnAt), zone);
    }

    /**
     * After a pause from {@code pausedAt} to {@code now}: each deadline still ahead at the pause keeps the working time
     * it had left then, counted from now.
     */
    void shift(AssignmentEntity a, Instant pausedAt, Instant now) {
        WeeklyCalendar calendar = calendarOf(a.ticket.priority, holderType(a));
        a.acceptBy = shifted(calendar, a.acceptBy, pausedAt, now);
        a.acceptWarnAt = shifted(calendar, a.acceptWarnAt, pausedAt, now);
        a.resolveBy = shifted(calendar, a.resolveBy, pausedAt, now);
        a.resolveWarnAt = shifted(calendar, a.resolveWarnAt, pausedAt, now);
    }

    /** The partner type of the assignment's holder ({@link #VOLUNTEER} for a volunteer). */
    private static String holderType(AssignmentEntity a) {
        return a.partner != null ? a.partner.type : VOLUNTEER;
    }

    /**
     * The calendar the clocks of a ticket of {@code priority} held by a party of {@code holderType} count in: none
     * (around the clock) unless the type has business hours.
     */
    WeeklyCalendar calendarOf(String priority, String holderType) {
        if (Urgency.URGENT.code().equals(priority) && !config.deadlines().businessHoursForUrgent()) {
            return AROUND_THE_CLOCK;
        }
        return calendars.getOrDefault(holderType, AROUND_THE_CLOCK);
    }

    private Instant shifted(WeeklyCalendar calendar, Instant deadline, Instant pausedAt, Instant now) {
        if (!deadline.isAfter(pausedAt)) {
            return deadline;
        }
        return calendar.plusWorking(now, calendar.workingBetween(pausedAt, deadline, zone), zone);
    }

    /** How many steps (low → normal → urgent) the ticket's priority is above its catalog entry's urgency. */
    static int raisedSteps(TicketEntity ticket) {
        int base = rank(ticket.category.urgency);
        int actual = rank(ticket.priority);
        return Math.max(0, base - actual);
    }

    private static int rank(String urgency) {
        return Urgency.fromCode(urgency).map(Urgency::ordinal).orElse(Urgency.NORMAL.ordinal());
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofMillis(Math.round(d.toMillis() * factor));
    }
}
