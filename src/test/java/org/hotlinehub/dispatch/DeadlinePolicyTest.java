package org.hotlinehub.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.CatalogEntryEntity;
import org.hotlinehub.store.PartnerEntity;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.testsupport.Fakes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two clocks of an assignment: the entry's windows, shortened per step the ticket's priority was raised, counted
 * in business hours where the holder's type has them (in the hotline's zone) except for urgent tickets, warned at a
 * share of the window, and moved on by a pause with the working time that was left.
 */
class DeadlinePolicyTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String OFFICE = "mon-fri 08:30-17:30";

    private static DeadlinePolicy policy(Map<String, String> businessHours, boolean forUrgent) {
        HubConfig.Deadlines deadlines = Fakes.of(HubConfig.Deadlines.class, Map.of("businessHours", businessHours,
                "businessHoursForUrgent", forUrgent, "raisedPriorityFactor", 0.5));
        HubConfig.Dispatch dispatch = Fakes.of(HubConfig.Dispatch.class, Map.of("warnAt", 0.75));
        DeadlinePolicy policy = new DeadlinePolicy();
        policy.config = Fakes.of(HubConfig.class, Map.of("deadlines", deadlines, "dispatch", dispatch));
        policy.zone = SHANGHAI;
        policy.readCalendars();
        return policy;
    }

    private static DeadlinePolicy policy() {
        return policy(Map.of("mediation", OFFICE, "volunteer", "sat,sun 09:00-17:00"), false);
    }

    /** Local time in Shanghai. */
    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    private static AssignmentEntity assignment(String partnerType, String entryUrgency, String priority,
            long acceptHours, long resolveHours, Instant offeredAt) {
        CatalogEntryEntity entry = new CatalogEntryEntity();
        entry.urgency = entryUrgency;
        entry.acceptWithinSeconds = Duration.ofHours(acceptHours).toSeconds();
        entry.resolveWithinSeconds = Duration.ofHours(resolveHours).toSeconds();
        TicketEntity ticket = new TicketEntity();
        ticket.category = entry;
        ticket.priority = priority;
        AssignmentEntity a = new AssignmentEntity();
        a.ticket = ticket;
        if (partnerType != null) {
            a.partner = new PartnerEntity();
            a.partner.type = partnerType;
        }
        a.offeredAt = offeredAt;
        return a;
    }

    /** An assignment offered at {@code offeredAt} whose clocks the default policy has started. */
    private static AssignmentEntity started(String partnerType, String entryUrgency, String priority, long acceptHours,
            long resolveHours, Instant offeredAt) {
        AssignmentEntity a = assignment(partnerType, entryUrgency, priority, acceptHours, resolveHours, offeredAt);
        policy().start(a);
        return a;
    }

    /**
     * For a type without business hours the entry's windows (4 and 48 hours here) run around the clock, halved for
     * each step the ticket's priority was raised above the entry's urgency and never lengthened for a lowered one;
     * each is warned at 75%.
     */
    @ParameterizedTest(name = "{0} entry, {1} ticket")
    @CsvSource({
            "normal, normal, 2025-03-07T16:30, 0, 4, 48",
            "normal, urgent, 2025-03-07T10:00, 1, 2, 24",
            "low, urgent, 2025-03-07T10:00, 2, 1, 12",
            "urgent, low, 2025-03-07T10:00, 0, 4, 48"})
    void shouldCountTheEntrysWindowsAroundTheClockShortenedForEachStepThePriorityWasRaised(String entryUrgency,
            String priority, String offeredAt, int raisedSteps, long acceptHours, long resolveHours) {
        Instant offered = at(offeredAt);
        AssignmentEntity a = started("property-firm", entryUrgency, priority, 4, 48, offered);
        assertEquals(raisedSteps, DeadlinePolicy.raisedSteps(a.ticket));
        assertEquals(offered.plus(Duration.ofHours(acceptHours)), a.acceptBy);
        assertEquals(offered.plus(Duration.ofHours(resolveHours)), a.resolveBy);
        assertEquals(offered.plus(Duration.ofHours(acceptHours).multipliedBy(3).dividedBy(4)), a.acceptWarnAt,
                "warned at 75% of the window");
        assertEquals(offered.plus(Duration.ofHours(resolveHours).multipliedBy(3).dividedBy(4)), a.resolveWarnAt);
    }

    @Test
    void shouldCountOnlyBusinessHoursInTheHotlinesZoneForATypeThatHasThem() {
        // 4 working hours from Friday 16:30: one on Friday, three on Monday morning
        AssignmentEntity a = started("mediation", "normal", "normal", 4, 18, at("2025-03-07T16:30"));
        assertEquals(at("2025-03-10T11:30"), a.acceptBy);
        assertEquals(at("2025-03-11T16:30"), a.resolveBy, "one hour Friday, nine Monday, eight Tuesday");
        assertEquals(at("2025-03-10T10:30"), a.acceptWarnAt);

        AssignmentEntity evening = started("mediation", "normal", "normal", 1, 1, at("2025-03-10T20:00"));
        assertEquals(at("2025-03-11T09:30"), evening.acceptBy, "an evening offer's clock starts next morning");
    }

    @Test
    void shouldGiveRegisteredVolunteersTheVolunteerCalendar() {
        AssignmentEntity a = started(null, "normal", "normal", 2, 10, at("2025-03-07T12:00"));
        assertEquals(at("2025-03-08T11:00"), a.acceptBy, "volunteers count weekend hours only");
        assertEquals(at("2025-03-09T11:00"), a.resolveBy);
    }

    @Test
    void shouldCountUrgentTicketsAroundTheClockUnlessConfiguredOtherwise() {
        Instant friday = at("2025-03-07T16:30");
        AssignmentEntity urgent = started("mediation", "urgent", "urgent", 4, 8, friday);
        assertEquals(friday.plus(Duration.ofHours(4)), urgent.acceptBy);

        AssignmentEntity inHours = assignment("mediation", "urgent", "urgent", 4, 8, friday);
        policy(Map.of("mediation", OFFICE), true).start(inHours);
        assertEquals(at("2025-03-10T11:30"), inHours.acceptBy);
    }

    @Test
    void shouldKeepTheWorkingTimeLeftAtAPauseAndCountItFromTheResumption() {
        Instant offered = at("2025-03-07T10:00");
        AssignmentEntity a = started("property-firm", "normal", "normal", 4, 48, offered);
        Instant warnedBefore = a.acceptWarnAt; // 13:00, passed when the pause begins at 13:30
        policy().shift(a, at("2025-03-07T13:30"), at("2025-03-08T09:00"));
        assertEquals(at("2025-03-08T09:30"), a.acceptBy, "half an hour was left");
        assertEquals(warnedBefore, a.acceptWarnAt, "a point already passed at the pause stays where it was");
        assertEquals(at("2025-03-10T05:30"), a.resolveBy, "44.5 hours were left");
    }

    @Test
    void shouldKeepTheWorkingTimeLeftInBusinessHoursAcrossAPause() {
        AssignmentEntity a = started("mediation", "normal", "normal", 4, 18, at("2025-03-07T16:30"));
        // accept by Monday 11:30; paused Friday 17:00 (half an hour of Friday and three of Monday left), resumed
        // Monday 10:00
        policy().shift(a, at("2025-03-07T17:00"), at("2025-03-10T10:00"));
        assertEquals(at("2025-03-10T13:30"), a.acceptBy);
    }

    @Test
    void shouldRefuseBusinessHoursForAnUnknownTypeOrInAnUnreadableForm() {
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> policy(Map.of("plumbers", OFFICE), false));
        assertTrue(type.getMessage().startsWith("hub.deadlines.business-hours.plumbers: unknown partner type"),
                type.getMessage());
        IllegalArgumentException form = assertThrows(IllegalArgumentException.class,
                () -> policy(Map.of("mediation", "weekdays 9 to 5"), false));
        assertTrue(form.getMessage().startsWith("hub.deadlines.business-hours.mediation: "), form.getMessage());
        // several lines in one setting, split at ';'
        AssignmentEntity a = assignment("mediation", "normal", "normal", 2, 2, at("2025-03-08T09:00"));
        policy(Map.of("mediation", OFFICE + "; sat 10:00-11:00"), false).start(a);
        assertEquals(at("2025-03-10T09:30"), a.acceptBy, "one hour on Saturday, one on Monday");
    }
}
