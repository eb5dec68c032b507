package org.hotlinehub.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.TicketStatus;

/**
 * The database figures behind the operations gauges, each read through an index that holds only the rows counted,
 * so the cost follows the open work and never the size of the history: open tickets by status
 * ({@code ticket_status_created_idx}), overdue assignments ({@code assignment_overdue_open_idx} and the sweep's
 * {@code assignment_resolve_due_idx}), pending outbox rows ({@code outbox_due_idx}) and dead letters not replayed
 * ({@code dead_letter_open_idx}). Final statuses (closed, cancelled, merged) only grow and are left out. The state
 * and status values are literals, not parameters, so that a generic plan still matches the partial indexes.
 */
@ApplicationScoped
public class OperationsFigures {

    /** The statuses counted: every open one. */
    public static final List<TicketStatus> OPEN = Arrays.stream(TicketStatus.values()).filter(TicketStatus::isOpen)
            .toList();

    private static final String TICKETS = "select status, count(*) from ticket where status in ("
            + OPEN.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ")) + ") group by status";

    /**
     * Overdue: open work stamped overdue by the sweep, plus work past resolve-by the sweep has not stamped yet (paused
     * clocks wait, as in the sweep). The outbox's first pending row by id is the one written first; its created_at
     * is the database's, so its age is measured by the database's clock; next_attempt_at is the hub's, so the lag is
     * measured by the hub's clock.
     */
    private static final String OTHERS = """
            select (select count(*) from assignment
                     where state in ('ACCEPTED', 'IN_PROGRESS') and overdue_at is not null)
                 + (select count(*) from assignment
                     where state in ('ACCEPTED', 'IN_PROGRESS') and overdue_at is null and paused_at is null
                       and resolve_by <= ?1),
                   p.pending, coalesce(greatest(0, extract(epoch from now() - o.created_at)), 0),
                   coalesce(greatest(0, extract(epoch from cast(?1 as timestamptz) - p.first_due)), 0),
                   (select count(*) from dead_letter where not replayed)
              from (select count(*) as pending, min(id) as first_id, min(next_attempt_at) as first_due
                      from outbox where status = 'PENDING') p
              left join outbox o on o.id = p.first_id""";

    /** A figure that takes longer than this is abandoned: the gauges wait for the next refresh instead. */
    private static final String TIMEOUT = "5s";

    @Inject
    EntityManager em;

    /**
     * The figures at {@code now}.
     *
     * @param openTickets tickets per open status (0 for a status without any)
     * @param overdueAssignments accepted or in-progress assignments past resolve-by
     * @param outboxPending outbox rows waiting to be sent (due, in backoff, or being sent)
     * @param outboxOldestAgeSeconds how long ago the first pending outbox row was written; 0 when none is pending
     * @param outboxLagSeconds how long the pending row due first has been due; 0 when none is due
     * @param openDeadLetters dead letters not replayed
     */
    public record Figures(Map<TicketStatus, Long> openTickets, long overdueAssignments, long outboxPending,
            double outboxOldestAgeSeconds, double outboxLagSeconds, long openDeadLetters) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Figures read(Instant now) {
        em.createNativeQuery("select set_config('statement_timeout', '" + TIMEOUT + "', true)").getSingleResult();
        Map<TicketStatus, Long> tickets = new EnumMap<>(TicketStatus.class);
        OPEN.forEach(s -> tickets.put(s, 0L));
        for (Object[] row : (List<Object[]>) em.createNativeQuery(TICKETS).getResultList()) {
            tickets.put(TicketStatus.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        Object[] row = (Object[]) em.createNativeQuery(OTHERS).setParameter(1, now).getSingleResult();
        return new Figures(tickets, ((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).doubleValue(), ((Number) row[3]).doubleValue(), ((Number) row[4]).longValue());
    }
}
