package org.hotlinehub.connectors.twilio;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotlinehub.config.HubTime;
import org.hotlinehub.model.Masks;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * 每日签到: a registered elderly or disabled resident with a daily check-in (reference data
 * {@code residents[].check-in.by}) checks in by calling the hotline from the registered phone or by texting a check-in
 * word. The sweep ({@link #raiseMissed}, on the deadline sweep's timer) finds residents whose time of day has passed
 * today (in {@code hub.deadlines.zone}, by the injected Clock) without a check-in and raises the same parallel
 * escalation as a silent alarm ({@link CallAssurance#raiseMissedCheckIn}). The day's row of
 * {@code resident_check_in} (V103) is the check-in or the claim of the miss: its insert is the claim, so across nodes
 * and restarts each resident's missed day raises one emergency.
 */
@ApplicationScoped
public class CheckIns {

    private static final Logger LOG = Logger.getLogger(CheckIns.class);
    /** The texts that check a resident in (compared without case and surrounding spaces). */
    static final Set<String> WORDS = Set.of("签到", "平安", "ok");
    static final int BATCH = 20;

    @Inject
    EntityManager em;
    @Inject
    VoiceCalls calls;
    @Inject
    CallAssurance assurance;
    @Inject
    HubTime time;

    /** Whether a text is a check-in word. */
    static boolean isCheckInWord(String text) {
        return text != null && WORDS.contains(text.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Records today's check-in of the resident with this phone, if they have a daily check-in; a second one the
     * same day keeps the first.
     *
     * @return the resident's language when checked in; empty: no daily check-in for this phone, nothing recorded
     */
    @Transactional
    public Optional<String> checkIn(String phone, String channel) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, language from resident where phone = ?1 and registered"
                + " and check_in_by is not null").setParameter(1, phone).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        long residentId = ((Number) rows.get(0)[0]).longValue();
        ZonedDateTime now = time.now().atZone(time.zone());
        em.createNativeQuery("insert into resident_check_in (resident_id, day, checked_in_at, channel)"
                + " values (?1, ?2, ?3, ?4) on conflict (resident_id, day) do update"
                + " set checked_in_at = coalesce(resident_check_in.checked_in_at, excluded.checked_in_at),"
                + " channel = coalesce(resident_check_in.channel, excluded.channel)").setParameter(1, residentId)
                .setParameter(2, now.toLocalDate()).setParameter(3, now.toInstant()).setParameter(4, channel)
                .executeUpdate();
        LOG.infof("%s checked in by %s", Masks.phone(phone), channel);
        return Optional.of((String) rows.get(0)[1]);
    }

    /**
     * Raises an emergency for every resident whose check-in time has passed today without a check-in (residents
     * registered after today's time are left until tomorrow). The day's row is claimed first in its own transaction
     * (another node's claim waits on the key and then finds it taken); then the emergency is raised as the voice line
     * raises one (its row committed before the ticket is queued, so dispatch offers it in parallel), and its reference
     * written to the claim. A claim left without a reference for {@link #RETRY_AFTER} (the node stopped in between) is
     * claimed again: the raise is keyed by resident and day, so intake and the contacts' texts and calls take a repeat
     * as the same.
     *
     * @return how many emergencies were raised
     */
    public int raiseMissed() {
        Instant instant = time.now();
        ZonedDateTime now = instant.atZone(time.zone());
        LocalDate today = now.toLocalDate();
        List<Object[]> due = QuarkusTransaction.requiringNew().call(() -> due(today, now.toLocalTime(),
                instant.minus(RETRY_AFTER)));
        int raised = 0;
        for (Object[] r : due) {
            long residentId = ((Number) r[0]).longValue();
            String phone = (String) r[1];
            LocalTime by = r[2] instanceof java.sql.Time t ? t.toLocalTime() : (LocalTime) r[2];
            if (!QuarkusTransaction.requiringNew().call(() -> claim(residentId, today, instant))) {
                continue; // checked in meanwhile, or another node claimed it
            }
            var resident = calls.caller(phone);
            if (resident.isEmpty()) {
                continue;
            }
            String reference = assurance.raiseMissedCheckIn(resident.get(), today, by);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update resident_check_in"
                    + " set ticket_reference = ?3 where resident_id = ?1 and day = ?2").setParameter(1, residentId)
                    .setParameter(2, today).setParameter(3, reference).executeUpdate());
            raised++;
        }
        return raised;
    }

    /** How long a claimed miss may stay without its emergency before another sweep raises it again. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(2);

    @SuppressWarnings("unchecked")
    private List<Object[]> due(LocalDate today, LocalTime timeOfDay, Instant staleBefore) {
        return em.createNativeQuery("select r.id, r.phone, r.check_in_by from resident r where r.registered"
                + " and r.check_in_by is not null and r.check_in_by <= ?1"
                + " and r.created_at <= (cast(?2 as date) + r.check_in_by) at time zone cast(?3 as text)"
                + " and not exists (select 1 from resident_check_in c where c.resident_id = r.id and c.day = ?2"
                + " and (c.checked_in_at is not null or c.ticket_reference is not null or c.missed_at > ?5))"
                + " order by r.check_in_by, r.id limit ?4").setParameter(1, timeOfDay).setParameter(2, today)
                .setParameter(3, time.zone().getId()).setParameter(4, BATCH).setParameter(5, staleBefore)
                .getResultList();
    }

    /** @return whether this sweep claimed the resident's missed day (new, or left without its emergency) */
    private boolean claim(long residentId, LocalDate today, Instant now) {
        if (em.createNativeQuery("insert into resident_check_in (resident_id, day, missed_at) values (?1, ?2, ?3)"
                + " on conflict (resident_id, day) do nothing").setParameter(1, residentId).setParameter(2, today)
                .setParameter(3, now).executeUpdate() == 1) {
            return true;
        }
        return em.createNativeQuery("update resident_check_in set missed_at = ?3 where resident_id = ?1 and day = ?2"
                + " and checked_in_at is null and ticket_reference is null and missed_at <= ?4")
                .setParameter(1, residentId).setParameter(2, today).setParameter(3, now)
                .setParameter(4, now.minus(RETRY_AFTER)).executeUpdate() == 1;
    }
}
