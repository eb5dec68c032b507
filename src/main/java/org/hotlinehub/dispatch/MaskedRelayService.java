package org.hotlinehub.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.port.MaskedRelay;
import org.hotlinehub.model.port.SmsOutbox;
import org.hotlinehub.store.TimelineRepository;
import org.jboss.logging.Logger;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The masked relay's one rule: the partner or volunteer whose registered phone calls or texts may reach the resident of
 * a ticket while their assignment on it is accepted or in progress, and not before or after. Texts go through the
 * outbox (sent from the hotline number); every relayed call and text is on the ticket's timeline with both numbers
 * masked. Each step is written once per key ({@code masked_relay_step}), in the transaction that sends and records it.
 */
@ApplicationScoped
public class MaskedRelayService implements MaskedRelay {

    private static final Logger LOG = Logger.getLogger(MaskedRelayService.class);
    static final String PURPOSE = "masked-relay";
    static final String RESIDENT = "resident";
    private static final String HELD = "('" + AssignmentState.ACCEPTED + "', '" + AssignmentState.IN_PROGRESS + "')";
    /** The partners and volunteers whose registered phone is ?1, as (partner id, volunteer id). */
    private static final String HOLDERS_OF = "a.partner_id in (select id from partner where active and (phone = ?1"
            + " or ?1 = any(phones))) or a.volunteer_id in (select id from volunteer where active and phone = ?1)";
    /** The holder of assignment {@code a} for the timeline, and their name for the resident. */
    private static final String HOLDER_COLUMNS = "coalesce('partner:' || p.code, 'volunteer:' || v.code),"
            + " coalesce(p.name_zh, v.name)";
    private static final String HOLDER_JOINS = " left join partner p on p.id = a.partner_id"
            + " left join volunteer v on v.id = a.volunteer_id";

    @Inject
    EntityManager em;
    @Inject
    TimelineRepository timeline;
    @Inject
    SmsOutbox sms;
    @Inject
    HubConfig config;
    @Inject
    Clock clock;

    @Override
    @Transactional
    public Optional<Holder> holder(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select name, reference from ("
                + " select 0 as k, p.name_zh as name, t.reference, a.accepted_at, a.id from partner p"
                + " left join assignment a on a.partner_id = p.id and a.state in " + HELD
                + " left join ticket t on t.id = a.ticket_id where p.active and (p.phone = ?1 or ?1 = any(p.phones))"
                + " union all select 1, v.name, t.reference, a.accepted_at, a.id from volunteer v"
                + " left join assignment a on a.volunteer_id = v.id and a.state in " + HELD
                + " left join ticket t on t.id = a.ticket_id where v.active and v.phone = ?1) h"
                + " order by k, accepted_at desc nulls last, id desc")
                .setParameter(1, phone).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<String> held = rows.stream().map(r -> (String) r[1]).filter(r -> r != null).distinct().toList();
        return Optional.of(new Holder((String) rows.get(0)[0], held));
    }

    @Override
    @Transactional
    public Reach reach(String holderPhone, String reference) {
        return find(holderPhone, reference).reach();
    }

    @Override
    @Transactional
    public Reach callRelayed(String stepKey, String holderPhone, String reference, String outcome) {
        Found found = find(holderPhone, reference);
        if (found.reach().access() == Access.OPEN && firstTime(stepKey)) {
            timeline.record(found.ticketId(), TimelineKind.RELAYED_CALL, found.actor(), Channel.VOICE,
                    SystemReason.MASKED_CALL.text(Masks.phone(holderPhone),
                            Masks.phone(found.reach().residentPhone()), outcome));
            keepOpen(found, holderPhone);
        }
        return found.reach();
    }

    @Override
    @Transactional
    public Reach textToResident(String messageSid, String holderPhone, String reference, String text) {
        Found found = find(holderPhone, reference);
        Reach reach = found.reach();
        if (reach.access() == Access.OPEN && firstTime("text:" + messageSid)) {
            String body = MessageBundles.get(RelayMessages.class, Localized.Literal.of(reach.language()))
                    .toResident(reference, found.holderName(), text, windowHours());
            sms.enqueue("relay:" + messageSid, reach.residentPhone(), body, PURPOSE, reference);
            timeline.record(found.ticketId(), TimelineKind.RELAYED_TEXT, found.actor(), Channel.SMS,
                    SystemReason.MASKED_TEXT_TO_RESIDENT.text(Masks.phone(holderPhone),
                            Masks.phone(reach.residentPhone()), Masks.phonesIn(text)));
            keepOpen(found, holderPhone);
            LOG.infof("masked text %s from %s relayed to the resident of %s", messageSid, Masks.phone(holderPhone),
                    reference);
        }
        return reach;
    }

    @Override
    @Transactional
    public Optional<String> replyToHolder(String messageSid, String residentPhone, String text) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select m.id, m.holder_phone, t.id, t.reference from masked_relay m"
                + " join assignment a on a.id = m.assignment_id join ticket t on t.id = m.ticket_id"
                + " where m.resident_phone = ?1 and m.last_at > ?2 and a.state in " + HELD
                + " order by m.last_at desc, m.id desc limit 1")
                .setParameter(1, residentPhone)
                .setParameter(2, clock.instant().minus(config.relay().replyWindow()))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        String holderPhone = (String) r[1];
        long ticketId = ((Number) r[2]).longValue();
        String reference = (String) r[3];
        if (firstTime("reply:" + messageSid)) {
            String body = MessageBundles.get(RelayMessages.class, Localized.Literal.of("zh")).toHolder(reference, text);
            sms.enqueue("relay-reply:" + messageSid, holderPhone, body, PURPOSE, reference);
            timeline.record(ticketId, TimelineKind.RELAYED_TEXT, RESIDENT, Channel.SMS,
                    SystemReason.MASKED_TEXT_FROM_RESIDENT.text(Masks.phone(residentPhone), Masks.phone(holderPhone),
                            Masks.phonesIn(text)));
            em.createNativeQuery("update masked_relay set last_at = ?2 where id = ?1")
                    .setParameter(1, ((Number) r[0]).longValue()).setParameter(2, clock.instant()).executeUpdate();
            LOG.infof("masked reply %s from the resident of %s relayed to %s", messageSid, reference,
                    Masks.phone(holderPhone));
        }
        return Optional.of(reference);
    }

    /** What the holder's assignments on the ticket allow: the held one if any, else why not. */
    private Found find(String holderPhone, String reference) {
        if (holderPhone == null || reference == null) {
            return Found.not(Access.NOT_HELD, reference);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select a.id, a.state, t.id, r.phone, t.language, "
                + HOLDER_COLUMNS + " from ticket t join assignment a on a.ticket_id = t.id"
                + " left join resident r on r.id = t.resident_id" + HOLDER_JOINS
                + " where t.reference = ?2 and (" + HOLDERS_OF + ") order by a.id desc")
                .setParameter(1, holderPhone).setParameter(2, reference).getResultList();
        Optional<Object[]> held = rows.stream().filter(r -> isHeld(AssignmentState.valueOf((String) r[1]))).findFirst();
        if (held.isPresent()) {
            Object[] r = held.get();
            String residentPhone = (String) r[3];
            if (residentPhone == null || residentPhone.isBlank()) {
                return Found.not(Access.NO_PHONE, reference);
            }
            String language = r[4] == null ? "zh" : (String) r[4];
            return new Found(new Reach(Access.OPEN, reference, residentPhone, language), ((Number) r[0]).longValue(),
                    ((Number) r[2]).longValue(), (String) r[5], (String) r[6]);
        }
        if (rows.stream().anyMatch(r -> AssignmentState.OFFERED.name().equals(r[1]))) {
            return Found.not(Access.NOT_ACCEPTED, reference);
        }
        return Found.not(rows.isEmpty() ? Access.NOT_HELD : Access.ENDED, reference);
    }

    /** Accepted or in progress: returned (退单), declined, expired, resolved and cancelled assignments end the relay. */
    static boolean isHeld(AssignmentState state) {
        return state == AssignmentState.ACCEPTED || state == AssignmentState.IN_PROGRESS;
    }

    private boolean firstTime(String stepKey) {
        return em.createNativeQuery("insert into masked_relay_step (step_key, at) values (?1, ?2)"
                + " on conflict (step_key) do nothing").setParameter(1, stepKey).setParameter(2, clock.instant())
                .executeUpdate() == 1;
    }

    private void keepOpen(Found found, String holderPhone) {
        Instant now = clock.instant();
        em.createNativeQuery(
                "insert into masked_relay (assignment_id, ticket_id, holder_phone, resident_phone, last_at)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict (assignment_id, holder_phone)"
                        + " do update set last_at = excluded.last_at, resident_phone = excluded.resident_phone")
                .setParameter(1, found.assignmentId()).setParameter(2, found.ticketId()).setParameter(3, holderPhone)
                .setParameter(4, found.reach().residentPhone()).setParameter(5, now).executeUpdate();
    }

    private long windowHours() {
        return Math.max(1, config.relay().replyWindow().toHours());
    }

    private record Found(Reach reach, long assignmentId, long ticketId, String actor, String holderName) {

        static Found not(Access access, String reference) {
            return new Found(new Reach(access, reference, null, null), 0, 0, null, null);
        }
    }
}
