package org.hotlinehub.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.SqlTimes;
import org.hotlinehub.model.SurgeNotice;

/**
 * The persistence of incidents (V87): the candidates a new ticket may report again, the links of reporters to their
 * incident, the incident's reporter count and its surge. The rules (score, thresholds, who may link) live in
 * {@code incident/}; this class only reads and writes rows, in the caller's transaction.
 */
@ApplicationScoped
public class IncidentRows {

    /** Statuses of a ticket that can be an incident others report again. */
    public static final String OPEN = "('RECEIVED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'REOPENED')";

    public static final String LINKED = "LINKED";
    public static final String SUGGESTED = "SUGGESTED";
    public static final String KEPT_APART = "KEPT_APART";
    public static final String UNLINKED = "UNLINKED";

    /**
     * The reports a new ticket of an area may repeat (parameters: the area's places, the related categories, the ids
     * left out, since, how many of an incident's merged reports, and since again; the tickets left out, a batch's new
     * ones, are open and merged into nothing): the open tickets
     * of the area filed since then, and the latest reports merged into each open ticket of the area, those of them
     * filed since then, which count for it. However many residents have reported one burst main, a new report is
     * compared with its incident and the latest few ways it was put, not with every report merged so far: the cost of
     * a batch stays flat through a long surge. Per row: the ticket's id, the id of the ticket it counts for (its own
     * when open), place, category and the description's length in characters.
     * <p>
     * The open tickets are read through the partial index of open tickets by place and category, an incident's latest
     * merged reports newest first through the index of merged reports by incident (V127), which the scan leaves after
     * as many as are compared. Only that index may give the order: the incident's id is compared as an array of one,
     * and the order names both of the index's columns, so the primary key cannot (it would give the order of ids
     * alone once the incident's id is an equality, and the planner, assuming the merged reports spread evenly over the
     * table, would walk it backwards through every ticket filed since the incident's latest report); the filters on
     * status and filing time come after the limit. The descriptions themselves are read by {@link #texts} for
     * those the caller has not seen at that length. Public for the test that reads its plan.
     */
    public static final String CANDIDATES = """
            with incident as (
                select t.id, t.place_id, t.category_id, t.created_at, t.reporter_count,
                       length(coalesce(t.description, '')) as length
                  from ticket t
                 where t.place_id = any(?) and t.category_id = any(?) and not t.id = any(?)
                   and t.status in """ + OPEN + """

            )
            select i.id, i.id, i.place_id, i.category_id, i.length from incident i where i.created_at >= ?
            union all
            select m.id, i.id, m.place_id, m.category_id, length(coalesce(m.description, ''))
              from incident i cross join lateral (
                   select r.id, r.place_id, r.category_id, r.description, r.created_at, r.status
                     from ticket r
                    where r.merged_into_id = any(array[i.id])
                    order by r.merged_into_id desc, r.id desc limit ?) m
             where i.reporter_count > 1 and m.status = 'MERGED' and m.created_at >= ?
             order by 1""";

    @Inject
    EntityManager em;

    /**
     * A report a new one may repeat: an open ticket ({@code countsFor} its own id) or a report merged into the open
     * ticket {@code countsFor}; {@code length} counts the description's characters.
     */
    public record Candidate(long id, long countsFor, long placeId, long categoryId, int length) {
    }

    /** A reporter's link to an incident. */
    public record Link(long incidentId, long reporterTicketId, String state, double score, String reason,
            String decidedBy, Instant decidedAt) {
    }

    /** A reporter of an incident as the console and a broadcast read it (the incident's own filer first). */
    public record Reporter(String reference, Channel channel, Long residentId, String phone, String wechatOpenid,
            String language, Instant reportedAt, String state, double score, String reason, String decidedBy) {
    }

    /** A surge; the confirmation's fields are null until staff confirm it with a status message. */
    public record Surge(Instant declaredAt, int contacts, long withinSeconds, String confirmedBy, Instant confirmedAt,
            String statusZh, String statusEn) {

        public boolean confirmed() {
            return confirmedAt != null;
        }
    }

    /**
     * Someone a broadcast about an incident reaches: their own ticket, channel, phone or openid and language.
     *
     * @param wechatSeenAt the WeChat follower's last push (their customer-service window), null when not a follower
     */
    public record Recipient(String reference, Channel channel, String phone, String wechatOpenid, String language,
            boolean first, long ticketId, Instant wechatSeenAt) {
    }

    /**
     * The open tickets of these places filed since {@code since} in these categories, and of the latest
     * {@code perIncident} reports merged into each open ticket of these places those filed since then, but for
     * {@code excluded}: one read of the indexes of open and merged tickets.
     */
    public List<Candidate> candidates(Long[] places, Long[] categories, Instant since, Long[] excluded,
            int perIncident) {
        return work(c -> {
            try (PreparedStatement st = c.prepareStatement(CANDIDATES)) {
                bindCandidates(c, st, places, categories, since, excluded, perIncident);
                List<Candidate> out = new ArrayList<>();
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        out.add(new Candidate(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getInt(5)));
                    }
                }
                return out;
            }
        });
    }

    /** Binds {@link #CANDIDATES}' parameters (public for the test that reads its plan). */
    public static void bindCandidates(Connection c, PreparedStatement st, Long[] places, Long[] categories,
            Instant since, Long[] excluded, int perIncident) throws java.sql.SQLException {
        Timestamp from = Timestamp.from(since);
        st.setArray(1, c.createArrayOf("bigint", places));
        st.setArray(2, c.createArrayOf("bigint", categories));
        st.setArray(3, c.createArrayOf("bigint", excluded));
        st.setTimestamp(4, from);
        st.setInt(5, perIncident);
        st.setTimestamp(6, from);
    }

    /** The descriptions of these tickets by id ('' for none). */
    public Map<Long, String> texts(Long[] ids) {
        return work(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "select id, coalesce(description, '') from ticket where id = any(?)")) {
                st.setArray(1, c.createArrayOf("bigint", ids));
                return byId(st, r -> r.getString(2));
            }
        });
    }

    /**
     * Takes the transaction's advisory locks on these areas (one key per area and category group), in ascending
     * order so two batches wait for each other instead of deadlocking: a batch that sees no incident yet is sure no
     * other batch is making one for the same area at the same time.
     */
    public void lockAreas(int[] keys) {
        work(c -> {
            try (PreparedStatement st = c.prepareStatement("select count(pg_advisory_xact_lock(21, k))"
                    + " from (select distinct k from unnest(?::int[]) k order by k) s")) {
                st.setArray(1, c.createArrayOf("integer", java.util.Arrays.stream(keys).boxed().toArray()));
                st.executeQuery().close();
            }
            return null;
        });
    }

    /** A link to write, with what a broadcast to the reporter needs (channel, resident, language, when reported). */
    public record NewLink(Link link, Channel channel, Long residentId, String language, Instant reportedAt) {
    }

    /** Writes the links in one statement (one row per reporter ticket: a new decision replaces the last one). */
    public void saveLinks(List<NewLink> links) {
        if (links.isEmpty()) {
            return;
        }
        work(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    insert into incident_link (incident_id, reporter_ticket_id, state, score, reason, channel,
                                               resident_id, language, reported_at, decided_by, decided_at)
                    select r.incident_id, r.reporter_ticket_id, r.state, r.score, r.reason, r.channel, r.resident_id,
                           r.language, r.reported_at::timestamptz, r.decided_by, r.decided_at::timestamptz
                      from unnest(?::bigint[], ?::bigint[], ?::text[], ?::numeric[], ?::text[], ?::text[], ?::bigint[],
                                  ?::text[], ?::text[], ?::text[], ?::text[])
                           as r(incident_id, reporter_ticket_id, state, score, reason, channel, resident_id, language,
                                reported_at, decided_by, decided_at)
                    on conflict (reporter_ticket_id) do update set incident_id = excluded.incident_id,
                        state = excluded.state, score = excluded.score, reason = excluded.reason,
                        decided_by = excluded.decided_by, decided_at = excluded.decided_at""")) {
                st.setArray(1, c.createArrayOf("bigint", links.stream().map(l -> l.link().incidentId()).toArray()));
                st.setArray(2, c.createArrayOf("bigint",
                        links.stream().map(l -> l.link().reporterTicketId()).toArray()));
                st.setArray(3, c.createArrayOf("text", links.stream().map(l -> l.link().state()).toArray()));
                st.setArray(4, c.createArrayOf("numeric", links.stream().map(l -> score(l.link().score())).toArray()));
                st.setArray(5, c.createArrayOf("text", links.stream().map(l -> l.link().reason()).toArray()));
                st.setArray(6, c.createArrayOf("text", links.stream().map(l -> l.channel().name()).toArray()));
                st.setArray(7, c.createArrayOf("bigint", links.stream().map(NewLink::residentId).toArray()));
                st.setArray(8, c.createArrayOf("text", links.stream().map(NewLink::language).toArray()));
                st.setArray(9, c.createArrayOf("text", links.stream().map(l -> text(l.reportedAt())).toArray()));
                st.setArray(10, c.createArrayOf("text", links.stream().map(l -> l.link().decidedBy()).toArray()));
                st.setArray(11, c.createArrayOf("text", links.stream().map(l -> text(l.link().decidedAt())).toArray()));
                st.executeUpdate();
            }
            return null;
        });
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    /** A new decision on an existing link: state, who, when, why. */
    public void decide(long reporterTicketId, String state, String reason, String decidedBy, Instant at) {
        em.createNativeQuery("update incident_link set state = ?1, reason = ?2, decided_by = ?3, decided_at = ?4"
                + " where reporter_ticket_id = ?5").setParameter(1, state).setParameter(2, reason)
                .setParameter(3, decidedBy).setParameter(4, at).setParameter(5, reporterTicketId).executeUpdate();
    }

    public Optional<Link> linkOf(long reporterTicketId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select incident_id, reporter_ticket_id, state, score, reason,"
                + " decided_by, decided_at from incident_link where reporter_ticket_id = ?1")
                .setParameter(1, reporterTicketId).getResultList();
        return rows.stream().findFirst().map(r -> new Link(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                (String) r[2], ((Number) r[3]).doubleValue(), (String) r[4], (String) r[5], SqlTimes.instant(r[6])));
    }

    /** Adds to (or, negative, takes from) the incident's reporter count; answers the new count. */
    public int addReporters(long incidentId, int delta) {
        return addReporters(Map.of(incidentId, delta)).get(incidentId);
    }

    /**
     * Adds to the reporter counts of these incidents with one statement, which first locks their rows in ascending id
     * order (a materialized, sorted {@code for no key update}: two batches joining the same incidents wait for each
     * other instead of deadlocking; the links written before, whose foreign keys hold a key-share lock on the
     * incident, do not conflict with it), until the transaction ends; answers the new counts. Whoever holds an incident's row is the only one adding its reporters, which is what
     * makes the counts, and the numbered news of {@code OutboxStore}, follow one another.
     */
    public Map<Long, Integer> addReporters(Map<Long, Integer> deltas) {
        Long[] ids = deltas.keySet().toArray(Long[]::new);
        Integer[] by = Arrays.stream(ids).map(deltas::get).toArray(Integer[]::new);
        return work(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    """
                            with d as (select * from unnest(?::bigint[], ?::int[]) as d(id, n)),
                                 l as materialized (select t.id from ticket t where t.id in (select id from d) order by t.id
                                            for no key update)
                            update ticket t set reporter_count = greatest(1, t.reporter_count + d.n)
                              from d join l on l.id = d.id where t.id = d.id returning t.id, t.reporter_count""")) {
                st.setArray(1, c.createArrayOf("bigint", ids));
                st.setArray(2, c.createArrayOf("integer", by));
                return byId(st, r -> r.getInt(2));
            }
        });
    }

    public int reporterCount(long incidentId) {
        return ((Number) em.createNativeQuery("select reporter_count from ticket where id = ?1")
                .setParameter(1, incidentId).getSingleResult()).intValue();
    }

    /**
     * The reports of each incident made since {@code since}, with one read: its own (if filed since then) and its
     * linked reporters'.
     */
    public Map<Long, Long> reportsSince(Collection<Long> incidentIds, Instant since) {
        return work(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    select i.id, (select count(*) from ticket where id = i.id and created_at >= ?)
                                 + (select count(*) from incident_link where incident_id = i.id and state = 'LINKED'
                                                                         and reported_at >= ?)
                      from unnest(?::bigint[]) as i(id)""")) {
                st.setTimestamp(1, Timestamp.from(since));
                st.setTimestamp(2, Timestamp.from(since));
                st.setArray(3, c.createArrayOf("bigint", incidentIds.toArray()));
                return byId(st, r -> r.getLong(2));
            }
        });
    }

    /** Records the incident's surge once; false when it was declared before. */
    public boolean declareSurge(long incidentId, Instant at, int contacts, long withinSeconds) {
        return em.createNativeQuery("insert into incident_surge (incident_id, declared_at, contacts, within_s)"
                + " values (?1, ?2, ?3, ?4) on conflict do nothing").setParameter(1, incidentId).setParameter(2, at)
                .setParameter(3, contacts).setParameter(4, withinSeconds).executeUpdate() == 1;
    }

    public Optional<Surge> surge(long incidentId) {
        return Optional.ofNullable(surges(List.of(incidentId)).get(incidentId));
    }

    /** The surges of those of these incidents that have one, with one read. */
    public Map<Long, Surge> surges(Collection<Long> incidentIds) {
        return work(c -> {
            try (PreparedStatement st = c.prepareStatement("select incident_id, declared_at, contacts, within_s,"
                    + " confirmed_by, confirmed_at, status_zh, status_en from incident_surge"
                    + " where incident_id = any(?)")) {
                st.setArray(1, c.createArrayOf("bigint", incidentIds.toArray()));
                return byId(st,
                        r -> new Surge(SqlTimes.instant(r.getTimestamp(2)), r.getInt(3), r.getLong(4), r.getString(5),
                                SqlTimes.instant(r.getTimestamp(6)), r.getString(7), r.getString(8)));
            }
        });
    }

    /** Confirms the surge with its status message; false when there is no surge or it was confirmed before. */
    public boolean confirmSurge(long incidentId, String by, Instant at, String statusZh, String statusEn) {
        return em.createNativeQuery("update incident_surge set confirmed_by = ?2, confirmed_at = ?3, status_zh = ?4,"
                + " status_en = ?5 where incident_id = ?1 and confirmed_at is null").setParameter(1, incidentId)
                .setParameter(2, by).setParameter(3, at).setParameter(4, statusZh).setParameter(5, statusEn)
                .executeUpdate() == 1;
    }

    /**
     * Who a broadcast about the incident reaches, with one read: the incident's own filer and its linked reporters
     * (only {@code reporterTicketId}'s when not null); nobody when the ticket has no other reporters.
     */
    public List<Recipient> recipients(long incidentId, Long reporterTicketId) {
        return work(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    select t.reference, t.channel, r.phone, r.wechat_openid, t.language, true, t.created_at, t.id,
                           f.last_interaction_at
                      from ticket t left join resident r on r.id = t.resident_id
                      left join wechat_follower f on f.openid = r.wechat_openid
                     where t.id = ? and t.reporter_count > 1 and ?::bigint is null
                    union all
                    select t.reference, l.channel, r.phone, r.wechat_openid, l.language, false, l.reported_at, t.id,
                           f.last_interaction_at
                      from incident_link l join ticket t on t.id = l.reporter_ticket_id
                      left join resident r on r.id = l.resident_id
                      left join wechat_follower f on f.openid = r.wechat_openid
                     where l.incident_id = ? and l.state = 'LINKED'
                       and (?::bigint is null or l.reporter_ticket_id = ?)
                    order by 6 desc, 7, 8""")) {
                st.setLong(1, incidentId);
                st.setObject(2, reporterTicketId, java.sql.Types.BIGINT);
                st.setLong(3, incidentId);
                st.setObject(4, reporterTicketId, java.sql.Types.BIGINT);
                st.setObject(5, reporterTicketId, java.sql.Types.BIGINT);
                List<Recipient> out = new ArrayList<>();
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        Timestamp seen = r.getTimestamp(9);
                        out.add(new Recipient(r.getString(1), Channel.valueOf(r.getString(2)), r.getString(3),
                                r.getString(4), r.getString(5), r.getBoolean(6), r.getLong(8),
                                seen == null ? null : seen.toInstant()));
                    }
                }
                return out;
            }
        });
    }

    /**
     * The confirmed surge of an open incident at one of these places (a caller's area), the newest; with the
     * incident's place name for the announcement.
     */
    public Optional<SurgeNotice> confirmedSurgeAt(Long[] places) {
        return work(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    select t.reference, s.status_zh, s.status_en, p.name_zh, p.name_en
                      from incident_surge s join ticket t on t.id = s.incident_id
                      left join place p on p.id = t.place_id
                     where s.confirmed_at is not null and t.place_id = any(?) and t.status in """ + OPEN + """

                    order by s.confirmed_at desc limit 1""")) {
                st.setArray(1, c.createArrayOf("bigint", places));
                try (ResultSet r = st.executeQuery()) {
                    return r.next()
                            ? Optional.of(new SurgeNotice(r.getString(1), r.getString(2), r.getString(3),
                                    r.getString(4), r.getString(5)))
                            : Optional.empty();
                }
            }
        });
    }

    /** A resident's known place: the registered one, else that of their latest ticket with a place. */
    public Optional<Long> knownPlace(long residentId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select coalesce(r.place_id, (select t.place_id from ticket t"
                + " where t.resident_id = r.id and t.place_id is not null order by t.created_at desc limit 1))"
                + " from resident r where r.id = ?1").setParameter(1, residentId).getResultList();
        return ids.stream().filter(java.util.Objects::nonNull).findFirst().map(Number::longValue);
    }

    /** The reports per channel: the incident's own and its linked reporters'. */
    public Map<Channel, Long> channels(long incidentId) {
        return channels(List.of(incidentId)).getOrDefault(incidentId, new LinkedHashMap<>());
    }

    /** The reports per channel of each of these incidents (as {@link #channels(long)}), with one read. */
    public Map<Long, Map<Channel, Long>> channels(Collection<Long> incidentIds) {
        return work(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    select r.id, r.channel, count(*) from (
                           select id, channel from ticket where id = any(?)
                           union all
                           select incident_id, channel from incident_link where incident_id = any(?)
                                                                            and state = 'LINKED') r
                     group by r.id, r.channel order by r.id, r.channel""")) {
                Array ids = c.createArrayOf("bigint", incidentIds.toArray());
                st.setArray(1, ids);
                st.setArray(2, ids);
                Map<Long, Map<Channel, Long>> out = new HashMap<>();
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        out.computeIfAbsent(r.getLong(1), k -> new LinkedHashMap<>())
                                .put(Channel.valueOf(r.getString(2)), r.getLong(3));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Every reporter of the incident with what reaches them on their own channel (phone, WeChat openid, language):
     * the incident's own filer first, then the linked reporters in the order they reported.
     */
    public List<Reporter> reporters(long incidentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select t.reference, t.channel, r.id, r.phone, r.wechat_openid, t.language, t.created_at, 'FIRST',
                       1.0, 'the incident''s own report', null, 0 as n
                  from ticket t left join resident r on r.id = t.resident_id where t.id = ?1
                union all
                select t.reference, l.channel, r.id, r.phone, r.wechat_openid, l.language, l.reported_at, l.state,
                       l.score, l.reason, l.decided_by, 1
                  from incident_link l join ticket t on t.id = l.reporter_ticket_id
                  left join resident r on r.id = l.resident_id
                 where l.incident_id = ?1 and l.state = 'LINKED'
                order by 12, 7, 1""").setParameter(1, incidentId).getResultList();
        List<Reporter> reporters = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            reporters.add(new Reporter((String) r[0], Channel.valueOf((String) r[1]),
                    r[2] == null ? null : ((Number) r[2]).longValue(), (String) r[3], (String) r[4], (String) r[5],
                    SqlTimes.instant(r[6]), (String) r[7], ((Number) r[8]).doubleValue(), (String) r[9],
                    (String) r[10]));
        }
        return reporters;
    }

    /** The reporter tickets linked to the incident now. */
    public List<Long> linkedTickets(long incidentId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select reporter_ticket_id from incident_link where incident_id = ?1"
                + " and state = 'LINKED' order by reported_at, id").setParameter(1, incidentId).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    private static BigDecimal score(double s) {
        return BigDecimal.valueOf(Math.max(0, Math.min(1, s))).setScale(3, RoundingMode.HALF_UP);
    }

    /** A row's value, read after its key (the first column, a bigint). */
    @FunctionalInterface
    private interface Value<V> {

        V of(ResultSet row) throws java.sql.SQLException;
    }

    /** Runs the prepared query and keys each row's value by its first column. */
    private static <V> Map<Long, V> byId(PreparedStatement st, Value<V> value) throws java.sql.SQLException {
        Map<Long, V> out = new HashMap<>();
        try (ResultSet r = st.executeQuery()) {
            while (r.next()) {
                out.put(r.getLong(1), value.of(r));
            }
        }
        return out;
    }

    private <T> T work(ReturningWork<T> w) {
        return em.unwrap(Session.class).doReturningWork(w);
    }
}
