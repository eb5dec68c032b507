package org.hotlinehub.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.OutboxChannel;
import org.hotlinehub.model.OutboxMessage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one outbox table every outbound message is written to and sent from (V76). Rows are written in the caller's
 * transaction; the claim leases due rows with SKIP LOCKED and reads what their senders need in the same statement;
 * outcomes are written back with one statement. Methods join the caller's transaction.
 */
@ApplicationScoped
public class OutboxStore {

    /** Separates the recipients passed to the claim in one text parameter; never part of a code, phone or openid. */
    private static final String SEPARATOR = "\u001f";

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Event<OutboxWritten> written;
    @Inject
    HubConfig config;
    @Inject
    Clock clock;

    /** Fired (synchronously) for every row written; the outbox worker wakes once the writing transaction commits. */
    public record OutboxWritten(String stream) {
    }

    /** A new row; null where the channel has no use for a field. */
    public record NewMessage(OutboxChannel channel, String recipient, String idempotencyKey, String topic, String body,
            String ticketReference, Integer segments, Map<String, String> templateData, String language,
            Integer maxAttempts) {
    }

    /**
     * Writes a row once per key in its stream, due now, given up after {@code hub.delivery.give-up-after}.
     *
     * @return the row's id, also when the key was written before
     */
    public long add(NewMessage m) {
        return addAll(List.of(m), null).get(0).orElseThrow();
    }

    /**
     * As {@link #add} for many rows, with one statement; a row is written only where {@code guard} holds: a condition
     * of this store's package on the row's columns as {@code r.<column>} (for example no text to a phone that opted
     * out, checked and written in one round trip), or null for every row.
     *
     * @return for each row in order its id, also when its key was written before; empty where the guard was false and
     *         nothing was written
     */
    public List<Optional<Long>> addAll(List<NewMessage> rows, String guard) {
        Instant now = clock.instant();
        // a key twice in one statement would make its upsert touch the same row twice, which PostgreSQL refuses
        Map<String, NewMessage> distinct = new LinkedHashMap<>();
        rows.forEach(m -> distinct.putIfAbsent(keyOf(m), m));
        List<NewMessage> once = List.copyOf(distinct.values());
        Map<String, Long> ids = session().doReturningWork(c -> {
            try (PreparedStatement st = BatchSql.prepare(c, "insert into outbox (stream, channel, recipient,"
                    + " idempotency_key, topic, body, ticket_reference, segments, template_data, language,"
                    + " max_attempts, status, next_attempt_at, give_up_at) select r.stream, r.channel, r.recipient,"
                    + " r.idempotency_key, r.topic, r.body, r.ticket_reference, r.segments, r.template_data,"
                    + " r.language, r.max_attempts, 'PENDING', ?, ? from unnest(?::text[], ?::text[], ?::text[],"
                    + " ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::int[])"
                    + " with ordinality as r(stream, channel, recipient, idempotency_key, topic, body,"
                    + " ticket_reference, segments, template_data, language, max_attempts, n)"
                    + (guard == null ? "" : " where " + guard)
                    + " order by r.n on conflict (stream, idempotency_key)"
                    + " do update set idempotency_key = excluded.idempotency_key returning stream, idempotency_key, id")) {
                setInstant(st, 1, now);
                setInstant(st, 2, now.plus(config.delivery().giveUpAfter()));
                st.setArray(3, texts(c, once, m -> m.channel().stream().code()));
                st.setArray(4, texts(c, once, m -> m.channel().code()));
                st.setArray(5, texts(c, once, NewMessage::recipient));
                st.setArray(6, texts(c, once, NewMessage::idempotencyKey));
                st.setArray(7, texts(c, once, NewMessage::topic));
                st.setArray(8, texts(c, once, NewMessage::body));
                st.setArray(9, texts(c, once, NewMessage::ticketReference));
                st.setArray(10, ints(c, once, NewMessage::segments));
                st.setArray(11, texts(c, once, m -> m.templateData() == null ? null : write(m.templateData())));
                st.setArray(12, texts(c, once, NewMessage::language));
                st.setArray(13, ints(c, once, NewMessage::maxAttempts));
                Map<String, Long> found = new HashMap<>();
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        found.put(r.getString(1) + SEPARATOR + r.getString(2), r.getLong(3));
                    }
                }
                return found;
            }
        });
        once.stream().filter(m -> ids.containsKey(keyOf(m))).map(m -> m.channel().stream().code()).distinct()
                .forEach(stream -> written.fire(new OutboxWritten(stream)));
        return rows.stream().map(m -> Optional.ofNullable(ids.get(keyOf(m)))).toList();
    }

    private static String keyOf(NewMessage m) {
        return m.channel().stream().code() + SEPARATOR + m.idempotencyKey();
    }

    /** What a partner or volunteer must be told about an assignment: one row of the partner stream. */
    public record PartnerDelivery(OutboxChannel channel, Long partnerId, Long volunteerId, String recipient,
            long assignmentId, String eventType, String body, Instant now, Instant giveUpAt) {

        /** The key of the first row for this event of the assignment; later ones are numbered. */
        String firstKey() {
            return "asg-" + assignmentId + "-" + eventType;
        }
    }

    /**
     * Writes what a partner or volunteer must be told about an assignment. The key is {@code asg-<id>-<event>} the
     * first time, then numbered ({@code -2}, {@code -3} …) for the same event again; one statement on the hot path.
     */
    public void addPartnerDelivery(PartnerDelivery d) {
        if (insertPartner(List.of(d)).isEmpty()) {
            insertNumbered(List.of(List.of(d)));
        }
        written.fire(new OutboxWritten(OutboxChannel.Stream.PARTNER.code()));
    }

    /**
     * As {@link #addPartnerDelivery} for many rows (a dispatch chunk's offers, an incident's reports of an intake
     * batch), with one statement; rows whose first key is taken already (the same event again) are written numbered,
     * one count and one batch per assignment and event.
     */
    public void addPartnerDeliveries(List<PartnerDelivery> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Set<String> inserted = insertPartner(rows);
        // the first row of a key took it; the others with the same key (the same event again: an incident's reports
        // added one after another) are numbered after the rows written before, one count per assignment and event
        Map<String, List<PartnerDelivery>> again = new LinkedHashMap<>();
        for (PartnerDelivery d : rows) {
            if (!inserted.remove(d.firstKey())) {
                again.computeIfAbsent(d.firstKey(), k -> new ArrayList<>()).add(d);
            }
        }
        if (!again.isEmpty()) {
            insertNumbered(again.values());
        }
        written.fire(new OutboxWritten(OutboxChannel.Stream.PARTNER.code()));
    }

    /**
     * Writes each group's rows (one assignment and event per group) under the group's next free numbers ({@code -2},
     * {@code -3} …), in order: one read of how many each has, one batch of inserts.
     */
    private void insertNumbered(Collection<List<PartnerDelivery>> groups) {
        List<List<PartnerDelivery>> all = List.copyOf(groups);
        session().doWork(c -> {
            Map<String, Long> earlier = new HashMap<>();
            try (PreparedStatement st = BatchSql.prepare(c, "select g.assignment_id, g.topic, (select count(*)"
                    + " from outbox o where o.assignment_id = g.assignment_id and o.topic = g.topic"
                    + " and o.stream = 'partner') from unnest(?::bigint[], ?::text[]) as g(assignment_id, topic)")) {
                st.setArray(1, c.createArrayOf("bigint", all.stream().map(g -> g.get(0).assignmentId()).toArray()));
                st.setArray(2, c.createArrayOf("text", all.stream().map(g -> g.get(0).eventType()).toArray()));
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        earlier.put(r.getLong(1) + SEPARATOR + r.getString(2), r.getLong(3));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("insert into outbox (stream, channel, recipient,"
                    + " idempotency_key, topic, body, partner_id, volunteer_id, assignment_id, status, next_attempt_at,"
                    + " give_up_at) values ('partner', ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)"
                    + " on conflict (stream, idempotency_key) do nothing")) {
                for (List<PartnerDelivery> same : all) {
                    PartnerDelivery first = same.get(0);
                    long n = earlier.getOrDefault(first.assignmentId() + SEPARATOR + first.eventType(), 0L);
                    for (PartnerDelivery d : same) {
                        st.setString(1, d.channel().code());
                        st.setString(2, d.recipient());
                        st.setString(3, d.firstKey() + "-" + (++n));
                        st.setString(4, d.eventType());
                        st.setString(5, d.body());
                        st.setObject(6, d.partnerId(), Types.BIGINT);
                        st.setObject(7, d.volunteerId(), Types.BIGINT);
                        st.setLong(8, d.assignmentId());
                        setInstant(st, 9, d.now());
                        setInstant(st, 10, d.giveUpAt());
                        st.addBatch();
                    }
                }
                st.executeBatch();
            }
        });
    }

    /**
     * Inserts the rows under their first keys with one statement (plain JDBC on the transaction's connection: a
     * native query through the session would flush every entity of the session first, which a dispatch batch holding
     * dozens of tickets paid on every offer); returns the keys that were free and are now written.
     */
    private Set<String> insertPartner(List<PartnerDelivery> rows) {
        return session().doReturningWork(c -> {
            try (PreparedStatement st = BatchSql.prepare(c, "insert into outbox (stream, channel, recipient,"
                    + " idempotency_key, topic, body, partner_id, volunteer_id, assignment_id, status, next_attempt_at,"
                    + " give_up_at) select 'partner', r.channel, r.recipient, r.idempotency_key, r.topic, r.body,"
                    + " r.partner_id, r.volunteer_id, r.assignment_id, 'PENDING', r.due::timestamptz,"
                    + " r.give_up_at::timestamptz from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                    + " ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[]) with ordinality as r(channel,"
                    + " recipient, idempotency_key, topic, body, partner_id, volunteer_id, assignment_id, due,"
                    + " give_up_at, n) order by r.n on conflict (stream, idempotency_key) do nothing"
                    + " returning idempotency_key")) {
                st.setArray(1, texts(c, rows, d -> d.channel().code()));
                st.setArray(2, texts(c, rows, PartnerDelivery::recipient));
                st.setArray(3, texts(c, rows, PartnerDelivery::firstKey));
                st.setArray(4, texts(c, rows, PartnerDelivery::eventType));
                st.setArray(5, texts(c, rows, PartnerDelivery::body));
                st.setArray(6, bigints(c, rows, PartnerDelivery::partnerId));
                st.setArray(7, bigints(c, rows, PartnerDelivery::volunteerId));
                st.setArray(8, bigints(c, rows, PartnerDelivery::assignmentId));
                st.setArray(9, texts(c, rows, d -> d.now().toString()));
                st.setArray(10, texts(c, rows, d -> d.giveUpAt().toString()));
                Set<String> written = new HashSet<>();
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        written.add(r.getString(1));
                    }
                }
                return written;
            }
        });
    }

    /** A claimed row: the message for its sender, and what the outbox itself needs to record its outcome. */
    public record Claimed(OutboxMessage message, Instant giveUpAt, Long ticketId) {
    }

    /**
     * Leases up to {@code limit} due rows until {@code leaseUntil} (skipping rows another instance holds and the
     * recipients given) and reads them, with their partner's current URL, secret and phone, in one statement.
     */
    public List<Claimed> claim(Instant now, Instant leaseUntil, int limit, Collection<String> skipRecipients) {
        String sql = "with claimed as (update outbox set next_attempt_at = ? where id in ("
                + " select id from outbox where status = 'PENDING' and next_attempt_at <= ?"
                + " and not (recipient = any(string_to_array(?, ?)))"
                + " order by next_attempt_at, id limit ? for update skip locked) returning *)"
                + " select c.id, c.stream, c.channel, c.recipient, c.idempotency_key, c.topic, c.body,"
                + " c.ticket_reference, c.attempts, c.template_data, c.language, c.max_attempts, c.give_up_at,"
                + " p.webhook_url, p.webhook_secret, coalesce(p.phone, v.phone), a.ticket_id,"
                + " c.stream = 'sms' and exists (select 1 from sms_opt_out o where o.phone = c.recipient)"
                + " from claimed c left join partner p on p.id = c.partner_id"
                + " left join volunteer v on v.id = c.volunteer_id left join assignment a on a.id = c.assignment_id"
                + " order by c.id";
        return session().doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                setInstant(st, 1, leaseUntil);
                setInstant(st, 2, now);
                st.setString(3, String.join(SEPARATOR, skipRecipients));
                st.setString(4, SEPARATOR);
                st.setInt(5, limit);
                List<Claimed> claimed = new ArrayList<>();
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        claimed.add(claimed(r));
                    }
                }
                return claimed;
            }
        });
    }

    private Claimed claimed(ResultSet r) throws SQLException {
        OutboxChannel channel = OutboxChannel.of(r.getString(2), r.getString(3));
        boolean partner = channel.stream() == OutboxChannel.Stream.PARTNER;
        String address = channel == OutboxChannel.PARTNER_WEBHOOK
                ? r.getString(14)
                : channel == OutboxChannel.PARTNER_SMS ? r.getString(16) : r.getString(4);
        String templateData = r.getString(10);
        OutboxMessage m = new OutboxMessage(r.getLong(1), channel, r.getString(4), address,
                partner ? r.getString(15) : null, r.getString(5), r.getString(6), r.getString(7), r.getString(8),
                r.getInt(9), templateData == null ? null : read(templateData), r.getString(11), r.getInt(12),
                r.getBoolean(18));
        return new Claimed(m, r.getObject(13, OffsetDateTime.class).toInstant(), r.getObject(17, Long.class));
    }

    /**
     * Makes the rows of these partners that wait beyond {@code beyond} due now: rows parked while the partner's
     * circuit was open (and retries waiting out a long backoff). Rows leased by an instance end their lease before
     * {@code beyond} and stay with it.
     */
    public void unpark(Collection<String> partners, Instant now, Instant beyond) {
        if (partners.isEmpty()) {
            return;
        }
        session().doWork(c -> {
            try (PreparedStatement st = c.prepareStatement("update outbox set next_attempt_at = ?"
                    + " where status = 'PENDING' and next_attempt_at > ? and stream = 'partner'"
                    + " and recipient = any(?)")) {
                setInstant(st, 1, now);
                setInstant(st, 2, beyond);
                st.setArray(3, c.createArrayOf("text", partners.toArray()));
                st.executeUpdate();
            }
        });
    }

    /** Pushes the lease of rows still waiting in this instance's queues. */
    public void renewLeases(Collection<Long> ids, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return;
        }
        session().doWork(c -> {
            try (PreparedStatement st = c.prepareStatement("update outbox set next_attempt_at = ?"
                    + " where id = any(?) and status = 'PENDING'")) {
                setInstant(st, 1, leaseUntil);
                st.setArray(2, c.createArrayOf("bigint", ids.toArray()));
                st.executeUpdate();
            }
        });
    }

    /**
     * What becomes of a claimed row after one send.
     *
     * @param attempted 1 when the send counts as an attempt, else 0
     * @param nextAttemptAt when it is due again; null for a final status
     * @param deliveredAt set when the row's channel took it
     */
    public record Outcome(long id, String status, int attempted, Instant nextAttemptAt, String lastError,
            String errorCode, String externalId, String externalStatus, int statusRank, Instant deliveredAt) {
    }

    /** Records outcomes with one statement; a row no longer pending (a replay, a callback) is left as it is. */
    public void record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        session().doWork(c -> {
            try (PreparedStatement st = BatchSql.prepare(c, "update outbox o set status = v.status,"
                    + " attempts = o.attempts + v.attempted, next_attempt_at = coalesce(v.next_at, o.next_attempt_at),"
                    + " last_error = v.last_error, error_code = coalesce(v.error_code, o.error_code),"
                    + " external_id = coalesce(v.external_id, o.external_id),"
                    + " external_status = case when v.rank > o.status_rank then v.external_status"
                    + " else o.external_status end, status_rank = greatest(o.status_rank, v.rank),"
                    + " delivered_at = coalesce(v.delivered_at, o.delivered_at), updated_at = now()"
                    + " from (select u.id, u.status, u.attempted, u.next_at::timestamptz as next_at, u.last_error,"
                    + " u.error_code, u.external_id, u.external_status, u.rank,"
                    + " u.delivered_at::timestamptz as delivered_at from unnest(?::bigint[], ?::text[], ?::int[],"
                    + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[]) as u(id, status,"
                    + " attempted, next_at, last_error, error_code, external_id, external_status, rank, delivered_at)"
                    + ") v where o.id = v.id and o.status = 'PENDING'")) {
                st.setArray(1, bigints(c, outcomes, Outcome::id));
                st.setArray(2, texts(c, outcomes, Outcome::status));
                st.setArray(3, c.createArrayOf("integer", outcomes.stream().map(Outcome::attempted).toArray()));
                st.setArray(4,
                        texts(c, outcomes, o -> o.nextAttemptAt() == null ? null : o.nextAttemptAt().toString()));
                st.setArray(5, texts(c, outcomes, Outcome::lastError));
                st.setArray(6, texts(c, outcomes, Outcome::errorCode));
                st.setArray(7, texts(c, outcomes, Outcome::externalId));
                st.setArray(8, texts(c, outcomes, Outcome::externalStatus));
                st.setArray(9, c.createArrayOf("integer", outcomes.stream().map(Outcome::statusRank).toArray()));
                st.setArray(10, texts(c, outcomes, o -> o.deliveredAt() == null ? null : o.deliveredAt().toString()));
                st.executeUpdate();
            }
        });
    }

    /** What a dead letter's replay needs of a row. */
    public record Revivable(long id, String stream, Long giveUpAfterSeconds) {
    }

    public java.util.Optional<Revivable> revivable(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select o.id, o.stream, p.give_up_after_s from outbox o"
                + " left join partner p on p.id = o.partner_id where o.id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new Revivable(((Number) r[0]).longValue(), (String) r[1],
                r[2] == null ? null : ((Number) r[2]).longValue()));
    }

    /** Puts a row that gave up back in the queue, due now, with a new give-up time. */
    public void revive(long id, Instant now, Instant giveUpAt) {
        em.createNativeQuery("update outbox set status = 'PENDING', next_attempt_at = ?2, give_up_at = ?3,"
                + " updated_at = now() where id = ?1").setParameter(1, id).setParameter(2, now)
                .setParameter(3, giveUpAt).executeUpdate();
        written.fire(new OutboxWritten("replay"));
    }

    /** One column of rows as a {@code text[]} parameter (for {@code unnest}). */
    private static <T> Array texts(Connection c, List<T> rows, Function<T, String> column) throws SQLException {
        return c.createArrayOf("text", rows.stream().map(column).toArray());
    }

    /** One column of rows as an {@code int[]} parameter (for {@code unnest}). */
    private static <T> Array ints(Connection c, List<T> rows, Function<T, Integer> column) throws SQLException {
        return c.createArrayOf("int", rows.stream().map(column).toArray());
    }

    /** One column of rows as a {@code bigint[]} parameter (for {@code unnest}). */
    private static <T> Array bigints(Connection c, List<T> rows, Function<T, Long> column) throws SQLException {
        return c.createArrayOf("bigint", rows.stream().map(column).toArray());
    }

    private static void setInstant(PreparedStatement st, int index, Instant value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            st.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    String write(Map<String, String> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("template data cannot be written as JSON", e);
        }
    }

    public Map<String, String> read(String data) {
        try {
            return json.readValue(data, new TypeReference<java.util.LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored template data cannot be read", e);
        }
    }
}
