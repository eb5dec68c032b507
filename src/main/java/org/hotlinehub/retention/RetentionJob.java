package org.hotlinehub.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.config.HubTime;
import org.hotlinehub.config.NodeName;
import org.hotlinehub.deadletter.DeadLetterService;
import org.hotlinehub.model.port.AuditTrail;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The nightly retention job (docs/retention.md): closed tickets past {@code hub.retention.personal-data} are
 * anonymised ({@link PersonalDataRules}), finished outbox rows, dead letters, the channels' inbound records and
 * residents' check-ins past their periods are deleted, old voice calls lose their phone numbers and recordings. Each batch of
 * {@code hub.retention.batch-size} is its own short transaction, claimed with SKIP LOCKED, so the job never holds many
 * locks for long and intake goes on beside it. Everything it does is idempotent: a second run finds nothing left.
 * <p>
 * The timer ticks on every instance; {@link #runIfDue} starts the night's run on the instance that claims the night's
 * row in {@code retention_run}, after {@code hub.retention.run-at} in the hotline's zone. A run that did not finish
 * (its instance died) may be taken over after {@link #TAKE_OVER_AFTER}.
 */
@ApplicationScoped
public class RetentionJob {

    public static final String ACTOR = "retention";
    static final Duration TAKE_OVER_AFTER = Duration.ofHours(6);
    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    /** Outbox statuses still being worked on: never deleted or emptied. */
    private static final String IN_FLIGHT = "('PENDING', 'CALLING')";
    private static final List<String> STREAMS = List.of("partner", "sms", "wechat", "voice");

    @Inject
    HubConfig config;
    @Inject
    HubTime time;
    @Inject
    EntityManager em;
    @Inject
    AuditTrail audit;

    /** What one run did, counted per kind of data. */
    public record Summary(int tickets, int residents, int outboxRows, int deadLetters, int channelRecords,
            int voiceCalls, int checkIns) {

        @Override
        public String toString() {
            return "tickets anonymised=" + tickets + ", residents deleted=" + residents + ", outbox rows deleted="
                    + outboxRows + ", dead letters deleted=" + deadLetters + ", channel records deleted="
                    + channelRecords + ", voice calls anonymised=" + voiceCalls + ", check-ins deleted=" + checkIns;
        }
    }

    /** Called by the timer on every instance: runs tonight's job here if it is due and no other instance has it. */
    public Optional<Summary> runIfDue() {
        Instant now = time.now();
        var local = now.atZone(time.zone());
        if (local.toLocalTime().isBefore(LocalTime.parse(config.retention().runAt()))) {
            return Optional.empty();
        }
        LocalDate night = local.toLocalDate();
        String node = NodeName.of();
        boolean claimed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "insert into retention_run (run_date, node, started_at) values (?1, ?2, ?3) on conflict (run_date)"
                        + " do update set node = excluded.node, started_at = excluded.started_at"
                        + " where retention_run.finished_at is null and retention_run.started_at < ?4")
                .setParameter(1, night).setParameter(2, node).setParameter(3, now)
                .setParameter(4, now.minus(TAKE_OVER_AFTER)).executeUpdate() == 1);
        if (!claimed) {
            return Optional.empty();
        }
        Summary summary = run(now);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update retention_run set finished_at = ?1, summary = ?2 where run_date = ?3 and node = ?4")
                .setParameter(1, time.now()).setParameter(2, summary.toString()).setParameter(3, night)
                .setParameter(4, node).executeUpdate());
        return Optional.of(summary);
    }

    /** One full pass with {@code now} as the time the periods count back from; audited as one entry. */
    public Summary run(Instant now) {
        var periods = config.retention();
        Instant personal = now.minus(periods.personalData());
        int[] ticketsAndResidents = {0, 0};
        int n;
        do {
            int[] batch = inBatch(c -> anonymiseExpired(c, personal, now));
            n = batch[0];
            ticketsAndResidents[0] += batch[0];
            ticketsAndResidents[1] += batch[1];
        } while (n == batchSize());
        int outbox = 0;
        for (String stream : STREAMS) {
            // a row that gave up stays while its dead letter may still put it back (deleted with the dead letter)
            outbox += untilDone("delete from outbox where id in (select id from outbox o where stream = ? and"
                    + " created_at < ? and status not in " + IN_FLIGHT + " and not exists (select 1 from dead_letter d"
                    + " where d.destination in ('" + DeadLetterService.OUTBOX_PREFIX + "' || o.id, '"
                    + DeadLetterService.PARTNER_DELIVERY_PREFIX + "' || o.id)) limit ?)", stream,
                    now.minus(periods.outbox()));
        }
        int deadLetters = untilDone("delete from dead_letter where id in (select id from dead_letter"
                + " where created_at < ? limit ?)", null, now.minus(periods.deadLetters()));
        Instant records = now.minus(periods.channelRecords());
        int channelRecords = untilDone("delete from sms_inbound where message_sid in (select message_sid"
                + " from sms_inbound where created_at < ? limit ?)", null, records)
                + untilDone("delete from wechat_inbound where dedupe_key in (select dedupe_key from wechat_inbound"
                        + " where created_at < ? and (contact_json is null or submitted) limit ?)", null, records)
                + untilDone("delete from wechat_draft where id in (select id from wechat_draft where created_at < ?"
                        + " limit ?)", null, records)
                + untilDone("delete from masked_relay where id in (select id from masked_relay where last_at < ?"
                        + " limit ?)", null, records)
                + untilDone("delete from masked_relay_step where step_key in (select step_key from masked_relay_step"
                        + " where at < ? limit ?)", null, records);
        int voiceCalls = untilDone("with gone as (update voice_call set from_phone = null, to_phone = null,"
                + " recording_sid = null, resident_id = null where call_sid in (select call_sid from voice_call"
                + " where started_at < ? and stage = 'ENDED' and (from_phone is not null or to_phone is not null"
                + " or recording_sid is not null or resident_id is not null) limit ?) returning call_sid),"
                + " callbacks as (update voice_callback set phone = null, resident_id = null, note = null"
                + " where call_sid in (select call_sid from gone)) select count(*) from gone", null, personal);
        // a day's check-in or miss (V103), by its day: a date in the hotline's zone
        int checkIns = untilDone("delete from resident_check_in where (resident_id, day) in (select resident_id, day"
                + " from resident_check_in where day < ? limit ?)", null,
                now.minus(periods.checkIns()).atZone(time.zone()).toLocalDate());
        Summary summary = new Summary(ticketsAndResidents[0], ticketsAndResidents[1], outbox, deadLetters,
                channelRecords, voiceCalls, checkIns);
        QuarkusTransaction.requiringNew().run(() -> audit.record(ACTOR, "retention.run", "retention",
                now.atZone(time.zone()).toLocalDate().toString(), summary.toString(), null));
        LOG.infof("retention run: %s", summary);
        return summary;
    }

    /** Anonymises one batch of expired tickets; returns {tickets, residents deleted}. */
    private int[] anonymiseExpired(Connection c, Instant closedBefore, Instant now) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("select id from ticket where closed_at < ?"
                + " and anonymised_at is null order by closed_at, id limit ? for update skip locked")) {
            st.setTimestamp(1, Timestamp.from(closedBefore));
            st.setInt(2, batchSize());
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        int residents = PersonalDataRules.anonymiseTickets(c, ids, now);
        return new int[]{ids.size(), residents};
    }

    /**
     * Runs a bounded statement (its last parameter is the batch size; {@code stream}, when given, its first) in
     * batches of its own transaction until a batch touches fewer rows than the batch size. {@code before} is an
     * instant, or a date for a table kept by day.
     */
    private int untilDone(String sql, String stream, Object before) {
        int total = 0;
        int n;
        do {
            n = inBatch(c -> {
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    int i = 1;
                    if (stream != null) {
                        st.setString(i++, stream);
                    }
                    st.setObject(i++, before instanceof Instant at ? Timestamp.from(at) : before);
                    st.setInt(i, batchSize());
                    if (sql.startsWith("with")) {
                        try (var rs = st.executeQuery()) {
                            rs.next();
                            return rs.getInt(1);
                        }
                    }
                    return st.executeUpdate();
                }
            });
            total += n;
        } while (n == batchSize());
        return total;
    }

    private int batchSize() {
        return config.retention().batchSize();
    }

    private <T> T inBatch(org.hibernate.jdbc.ReturningWork<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(work));
    }

}
