package org.hotlinehub.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.AssignmentWatch;
import org.hotlinehub.model.DailyOverview;
import org.hotlinehub.model.PartnerLoad;
import org.hotlinehub.model.SqlTimes;
import org.hotlinehub.model.port.Supervision;
import org.hotlinehub.store.AssignmentRepository;

/**
 * The supervisors' views in plain SQL: the same warning point as the deadline sweep
 * ({@link AssignmentRepository#lockClocksDue}), open work grouped by partner, the day's tickets grouped twice.
 */
@ApplicationScoped
public class SupervisionQueries implements Supervision {

    /** When an open assignment is due: its accept-by while offered, its resolve-by after (V131 indexes it). */
    private static final String DUE = "(case when a.state = 'OFFERED' then a.accept_by else a.resolve_by end)";

    /**
     * The open assignments past their warning point, overdue first, then by when they are due. The first {@code ?3}
     * of each kind come from an index in that order: due before now (overdue), marked overdue while due later (a
     * paused clock moved the resolve-by), and due later but past the warning point.
     */
    private static final String DEADLINES = """
            with shown as materialized (
                (select a.id from assignment a
                  where a.state in ('OFFERED', 'ACCEPTED', 'IN_PROGRESS') and %1$s <= ?1
                  order by %1$s, a.id limit ?3)
                union
                (select a.id from assignment a
                  where a.state in ('ACCEPTED', 'IN_PROGRESS') and a.overdue_at is not null and a.resolve_by > ?1
                  order by a.resolve_by, a.id limit ?3)
                union
                (select a.id from assignment a
                  where a.state in ('OFFERED', 'ACCEPTED', 'IN_PROGRESS') and %1$s > ?1
                    and (a.state = 'OFFERED' or a.overdue_at is null)
                    and a.offered_at + (%1$s - a.offered_at) * ?2 <= ?1
                  order by %1$s, a.id limit ?3)),
            first as materialized (
                select a.id, a.ticket_id, a.partner_id, a.volunteer_id, a.state, %1$s as due,
                       case when a.state = 'OFFERED' then a.accept_warned_at is not null
                            else a.resolve_warned_at is not null end as warned,
                       case when a.state = 'OFFERED' then a.accept_by <= ?1
                            else a.overdue_at is not null or a.resolve_by <= ?1 end as overdue
                  from shown
                  join assignment a on a.id = shown.id
                 where (a.state = 'OFFERED' and a.offered_at + (a.accept_by - a.offered_at) * ?2 <= ?1)
                    or (a.state in ('ACCEPTED', 'IN_PROGRESS')
                        and (a.overdue_at is not null or a.offered_at + (a.resolve_by - a.offered_at) * ?2 <= ?1))
                 order by overdue desc, due, a.id
                 limit ?3)
            select f.id, t.reference, c.name_zh, coalesce(p.code, v.code), coalesce(p.name_zh, v.name), f.state,
                   case when f.state = 'OFFERED' then 'accept' else 'resolve' end, f.due, f.warned, f.overdue
              from first f
              join ticket t on t.id = f.ticket_id
              left join catalog_entry c on c.id = t.category_id
              left join partner p on p.id = f.partner_id
              left join volunteer v on v.id = f.volunteer_id
             order by f.overdue desc, f.due, f.id""".formatted(DUE);

    /**
     * Open work per active partner, most first. Every column it reads of an assignment is in V132's index, so the
     * counts need no row of the table (count the partner, not the id, for that).
     */
    private static final String LOADS = """
            select p.code, p.name_zh, p.type,
                   count(*) filter (where a.state = 'OFFERED'),
                   count(*) filter (where a.state = 'ACCEPTED'),
                   count(*) filter (where a.state = 'IN_PROGRESS'),
                   count(*) filter (where a.state = 'RETURNED'),
                   count(*) filter (where a.state in ('ACCEPTED', 'IN_PROGRESS')
                                      and (a.overdue_at is not null or a.resolve_by <= ?1))
              from partner p
              left join assignment a on a.partner_id = p.id
                   and a.state in ('OFFERED', 'ACCEPTED', 'IN_PROGRESS', 'RETURNED')
             where p.active
             group by p.id, p.code, p.name_zh, p.type
             order by count(a.partner_id) desc, p.type, p.code""";

    @Inject
    EntityManager em;
    @Inject
    HubConfig config;
    /** The hotline's zone (hub.deadlines.zone): the daily overview follows its calendar. */
    @Inject
    ZoneId zone;

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<AssignmentWatch> deadlines(Instant now, int limit) {
        List<Object[]> rows = em.createNativeQuery(DEADLINES).setParameter(1, now)
                .setParameter(2, config.dispatch().warnAt()).setParameter(3, limit).getResultList();
        return rows.stream().map(r -> new AssignmentWatch(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], AssignmentState.valueOf((String) r[5]), (String) r[6],
                SqlTimes.instant(r[7]),
                (Boolean) r[8], (Boolean) r[9])).toList();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<PartnerLoad> partnerLoads(Instant now) {
        List<Object[]> rows = em.createNativeQuery(LOADS).setParameter(1, now).getResultList();
        return rows.stream().map(r -> new PartnerLoad((String) r[0], (String) r[1], (String) r[2], n(r[3]), n(r[4]),
                n(r[5]), n(r[6]), n(r[7]))).toList();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public DailyOverview daily(LocalDate day) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<Object[]> channels = em.createNativeQuery("select channel, count(*) from ticket"
                + " where created_at >= ?1 and created_at < ?2 group by channel order by count(*) desc, channel")
                .setParameter(1, from).setParameter(2, to).getResultList();
        List<Object[]> categories = em.createNativeQuery("select coalesce(c.code, ''), c.name_zh, c.name_en, count(*)"
                + " from ticket t left join catalog_entry c on c.id = t.category_id"
                + " where t.created_at >= ?1 and t.created_at < ?2"
                + " group by c.code, c.name_zh, c.name_en order by count(*) desc, c.code")
                .setParameter(1, from).setParameter(2, to).getResultList();
        List<DailyOverview.Count> byChannel = channels.stream()
                .map(r -> new DailyOverview.Count((String) r[0], (String) r[0], (String) r[0], n(r[1]))).toList();
        List<DailyOverview.Count> byCategory = categories.stream()
                .map(r -> new DailyOverview.Count((String) r[0], (String) r[1], (String) r[2], n(r[3]))).toList();
        return new DailyOverview(day, byChannel.stream().mapToLong(DailyOverview.Count::count).sum(), byChannel,
                byCategory);
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
