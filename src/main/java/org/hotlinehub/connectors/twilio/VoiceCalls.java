package org.hotlinehub.connectors.twilio;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.ResidentFlags;
import org.hotlinehub.model.SqlTimes;
import org.hotlinehub.model.TicketStatus;

/**
 * The voice line's memory: every call once by CallSid with its statuses, where the caller is (menu, operator queue,
 * with an operator), who is calling (the resident's profile for call assurance and the operator's screen), and the
 * call-back list of callers who left the queue unanswered. Each method is its own short transaction.
 * <p>
 * This is the channel's own state, in its own tables ({@code voice_call}, {@code voice_call_event},
 * {@code voice_callback}) kept by this package; the resident, place and ticket columns are only read.
 */
@ApplicationScoped
public class VoiceCalls {

    /** Where a call is. */
    public enum Stage {
        MENU,
        QUEUED,
        CONNECTING,
        CONNECTED,
        ENDED
    }

    /** The flags that make a registered resident eligible for call assurance (as intake's priorities). */
    static final String VULNERABLE_FLAGS = ResidentFlags.VULNERABLE_SQL;
    /** Per-resident call-assurance settings, as flags: silence is not a call for help; no SMS to contacts. */
    static final String NO_SILENCE_ALARM = "assurance-no-silence";
    static final String NO_CONTACT_SMS = "assurance-no-sms";
    static final int FINAL_RANK = 4;
    private static final int RECENT_TICKETS = 5;
    private static final String CALL_COLUMNS = "call_sid, from_phone, to_phone, stage, vulnerable, language, topic,"
            + " queue, enqueued_at, operator, ticket_reference, resident_id";

    @Inject
    EntityManager em;
    /** The start of a caller's wait is read against the hub's clock (the Calls API, the call-back list). */
    @Inject
    Clock clock;

    /**
     * Logs a webhook or status callback: the call row the first time its sid is seen, the status only when it ranks
     * above the recorded one (callbacks arrive out of order), the duration when given. A final status for a caller
     * still waiting in the queue puts the call on the call-back list, once.
     *
     * @param rank the status' place in a call's life (queued 1 … completed 4), see {@code TwilioCallStatus}
     */
    @Transactional
    public void log(CallEvent e) {
        String party = e.direction() != null && e.direction().startsWith("outbound") ? e.to() : e.from();
        em.createNativeQuery("insert into voice_call (call_sid, direction, from_phone, to_phone, resident_id,"
                + " vulnerable, language, status, status_rank, duration_s)"
                + " select ?1, ?2, ?3, ?4, r.id, coalesce(r.registered and r.flags && " + VULNERABLE_FLAGS
                + ", false), coalesce(r.language, 'zh'), ?5, ?6, ?7"
                + " from (select 1) one left join resident r on r.phone = ?8"
                + " on conflict (call_sid) do update set"
                + " status = case when excluded.status_rank > voice_call.status_rank then excluded.status"
                + " else voice_call.status end,"
                + " status_rank = greatest(voice_call.status_rank, excluded.status_rank),"
                + " duration_s = coalesce(excluded.duration_s, voice_call.duration_s), updated_at = now()")
                .setParameter(1, e.callSid())
                .setParameter(2, e.direction() == null ? "inbound" : e.direction())
                .setParameter(3, e.from())
                .setParameter(4, e.to())
                .setParameter(5, e.status())
                .setParameter(6, e.rank())
                .setParameter(7, e.durationSeconds())
                .setParameter(8, party)
                .executeUpdate();
        em.createNativeQuery("insert into voice_call_event (call_sid, status, sequence, duration_s)"
                + " values (?1, ?2, ?3, ?4) on conflict (call_sid, status) do nothing")
                .setParameter(1, e.callSid())
                .setParameter(2, e.status())
                .setParameter(3, e.sequence())
                .setParameter(4, e.durationSeconds())
                .executeUpdate();
        if (e.rank() >= FINAL_RANK) {
            ended(e.callSid());
        }
    }

    /** A caller who hangs up while waiting is called back; so is a vulnerable resident who hangs up in the menu. */
    private void ended(String callSid) {
        Object[] row = (Object[]) em.createNativeQuery("select stage, vulnerable, ticket_reference, direction"
                + " from voice_call where call_sid = ?1 for update").setParameter(1, callSid).getSingleResult();
        Stage stage = Stage.valueOf((String) row[0]);
        boolean inbound = "inbound".equals(row[3]);
        if (stage == Stage.QUEUED) {
            addCallback(callSid, "abandoned");
        } else if (stage == Stage.MENU && inbound && Boolean.TRUE.equals(row[1]) && row[2] == null) {
            addCallback(callSid, "vulnerable-hangup");
        }
        em.createNativeQuery("update voice_call set stage = 'ENDED', ended_at = coalesce(ended_at, now()),"
                + " updated_at = now() where call_sid = ?1").setParameter(1, callSid).executeUpdate();
    }

    private void addCallback(String callSid, String reason) {
        em.createNativeQuery("insert into voice_callback (call_sid, phone, resident_id, reason, waited_s)"
                + " select call_sid, from_phone, resident_id, ?2,"
                + " case when enqueued_at is null then null else cast(extract(epoch from cast(?3 as timestamptz) - enqueued_at) as int) end"
                + " from voice_call where call_sid = ?1 on conflict (call_sid) do nothing")
                .setParameter(1, callSid).setParameter(2, reason).setParameter(3, clock.instant()).executeUpdate();
    }

    /** The profile of the resident with this phone, if one is known. */
    @Transactional
    public Optional<CallerProfile> caller(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select r.id, r.phone, r.name, r.address, p.code, p.name_zh,"
                + " array_to_string(r.flags, ','), r.language, r.registered,"
                + " coalesce(r.registered and r.flags && " + VULNERABLE_FLAGS + ", false),"
                + " array_to_string(r.emergency_contacts, ','), r.registered and r.check_in_by is not null"
                + " from resident r left join place p on p.id = r.place_id where r.phone = ?1")
                .setParameter(1, phone).getResultList();
        return rows.stream().findFirst().map(this::profile);
    }

    private CallerProfile profile(Object[] r) {
        long id = ((Number) r[0]).longValue();
        List<String> flags = split((String) r[6]);
        return new CallerProfile(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], flags,
                (String) r[7], Boolean.TRUE.equals(r[8]), Boolean.TRUE.equals(r[9]),
                !flags.contains(NO_SILENCE_ALARM), !flags.contains(NO_CONTACT_SMS), split((String) r[10]),
                Boolean.TRUE.equals(r[11]), recentTickets(id));
    }

    private List<RecentTicket> recentTickets(long residentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select t.reference, t.status, c.name_zh, c.name_en, t.created_at"
                + " from ticket t left join catalog_entry c on c.id = t.category_id where t.resident_id = ?1"
                + " order by t.created_at desc, t.id desc limit " + RECENT_TICKETS)
                .setParameter(1, residentId).getResultList();
        return rows.stream().map(r -> new RecentTicket((String) r[0], TicketStatus.valueOf((String) r[1]),
                (String) r[2], (String) r[3], SqlTimes.instant(r[4]))).toList();
    }

    private Optional<CallerProfile> callerById(Number residentId) {
        if (residentId == null) {
            return Optional.empty();
        }
        String phone = (String) em.createNativeQuery("select phone from resident where id = ?1")
                .setParameter(1, residentId.longValue()).getSingleResult();
        return caller(phone);
    }

    @Transactional
    public Optional<CallState> call(String callSid) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + CALL_COLUMNS + " from voice_call where call_sid = ?1")
                .setParameter(1, callSid).getResultList();
        return rows.stream().findFirst().map(VoiceCalls::state);
    }

    private static CallState state(Object[] r) {
        return new CallState((String) r[0], (String) r[1], (String) r[2], Stage.valueOf((String) r[3]),
                Boolean.TRUE.equals(r[4]), (String) r[5], (String) r[6], (String) r[7], SqlTimes.instant(r[8]),
                (String) r[9],
                (String) r[10], r[11] == null ? null : ((Number) r[11]).longValue());
    }

    /** The caller picked a menu topic (or language). */
    @Transactional
    public void chose(String callSid, String topic, String language) {
        em.createNativeQuery("update voice_call set topic = coalesce(?2, topic), language = coalesce(?3, language),"
                + " updated_at = now() where call_sid = ?1")
                .setParameter(1, callSid).setParameter(2, topic).setParameter(3, language).executeUpdate();
    }

    /** The caller is now waiting in this Twilio queue (again, after an operator missed the call). */
    @Transactional
    public void enqueued(String callSid, String queue) {
        em.createNativeQuery("update voice_call set stage = 'QUEUED', queue = ?2,"
                + " enqueued_at = coalesce(enqueued_at, ?3), operator = null, taken_at = null, updated_at = now()"
                + " where call_sid = ?1 and stage <> 'ENDED'")
                .setParameter(1, callSid).setParameter(2, queue).setParameter(3, clock.instant()).executeUpdate();
    }

    /**
     * The longest-waiting call of the priority queue, else of the normal queue, marked as being connected to this
     * operator (SKIP LOCKED: two operators never get the same caller).
     */
    @Transactional
    public Optional<CallState> takeNext(String operator, String priorityQueue) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("update voice_call set stage = 'CONNECTING', operator = ?1,"
                + " taken_at = now(), updated_at = now() where call_sid = ("
                + " select call_sid from voice_call where stage = 'QUEUED'"
                + " order by (queue = ?2) desc, enqueued_at, call_sid limit 1 for update skip locked)"
                + " returning " + CALL_COLUMNS)
                .setParameter(1, operator).setParameter(2, priorityQueue).getResultList();
        return rows.stream().findFirst().map(VoiceCalls::state);
    }

    /** The operator answered. */
    @Transactional
    public void connected(String callSid) {
        em.createNativeQuery("update voice_call set stage = 'CONNECTED', answered_at = coalesce(answered_at, now()),"
                + " updated_at = now() where call_sid = ?1 and stage <> 'ENDED'")
                .setParameter(1, callSid).executeUpdate();
    }

    /** Leaves the call on the list because the caller is gone from the queue; {@code reason} says why. */
    @Transactional
    public void toCallBack(String callSid, String reason) {
        em.createNativeQuery("update voice_call set queue_result = ?2, updated_at = now() where call_sid = ?1")
                .setParameter(1, callSid).setParameter(2, reason).executeUpdate();
        addCallback(callSid, reason);
    }

    @Transactional
    public void recording(String callSid, String recordingSid) {
        em.createNativeQuery("update voice_call set recording_sid = ?2, updated_at = now() where call_sid = ?1")
                .setParameter(1, callSid).setParameter(2, recordingSid).executeUpdate();
    }

    @Transactional
    public void linkTicket(String callSid, String reference) {
        em.createNativeQuery("update voice_call set ticket_reference = ?2, updated_at = now() where call_sid = ?1")
                .setParameter(1, callSid).setParameter(2, reference).executeUpdate();
    }

    /** Calls in the menu, the queue or with an operator, priority first then longest waiting. */
    @Transactional
    public List<LiveCall> live() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select call_sid, from_phone, stage, vulnerable, language, topic,"
                + " queue, started_at, enqueued_at, operator, ticket_reference, resident_id from voice_call"
                + " where stage <> 'ENDED' and direction = 'inbound'"
                + " order by vulnerable desc, coalesce(enqueued_at, started_at), call_sid").getResultList();
        return rows.stream().map(r -> new LiveCall((String) r[0], (String) r[1], Stage.valueOf((String) r[2]),
                Boolean.TRUE.equals(r[3]), (String) r[4], (String) r[5], (String) r[6], SqlTimes.instant(r[7]),
                SqlTimes.instant(r[8]), (String) r[9], (String) r[10], callerById((Number) r[11]))).toList();
    }

    @Transactional
    public List<Callback> callbacks(boolean includeDone) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, call_sid, phone, reason, waited_s, created_at,"
                + " done_at, done_by, note, resident_id from voice_callback"
                + (includeDone ? "" : " where done_at is null") + " order by created_at, id").getResultList();
        return rows.stream().map(this::callback).toList();
    }

    private Callback callback(Object[] r) {
        return new Callback(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                r[4] == null ? null : ((Number) r[4]).intValue(), SqlTimes.instant(r[5]), SqlTimes.instant(r[6]),
                (String) r[7],
                (String) r[8], callerById((Number) r[9]));
    }

    /** @throws org.hotlinehub.model.NotFoundException when there is no such entry */
    @Transactional
    public Callback callbackDone(long id, String actor, String note) {
        em.createNativeQuery("update voice_callback set done_at = coalesce(done_at, now()),"
                + " done_by = coalesce(done_by, ?2), note = coalesce(?3, note) where id = ?1")
                .setParameter(1, id).setParameter(2, actor).setParameter(3, note).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, call_sid, phone, reason, waited_s, created_at,"
                + " done_at, done_by, note, resident_id from voice_callback where id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(this::callback)
                .orElseThrow(() -> new NotFoundException("no call-back entry " + id));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }

    public record CallEvent(String callSid, String direction, String from, String to, String status, int rank,
            Integer durationSeconds, Integer sequence) {
    }

    /**
     * @param vulnerable registered as elderly living alone or disabled: call assurance applies
     * @param silenceAlarm whether silence at the call-assurance greeting counts as a call for help
     * @param textContacts whether emergency contacts get an SMS when an urgent ticket is raised
     */
    public record CallerProfile(long residentId, String phone, String name, String address, String placeCode,
            String placeName, List<String> flags, String language, boolean registered, boolean vulnerable,
            boolean silenceAlarm, boolean textContacts, List<String> emergencyContacts, boolean checksIn,
            List<RecentTicket> recentTickets) {
    }

    public record RecentTicket(String reference, TicketStatus status, String categoryZh, String categoryEn,
            Instant createdAt) {
    }

    public record CallState(String callSid, String from, String to, Stage stage, boolean vulnerable, String language,
            String topic, String queue, Instant enqueuedAt, String operator, String ticketReference,
            Long residentId) {
    }

    public record LiveCall(String callSid, String from, Stage stage, boolean vulnerable, String language, String topic,
            String queue, Instant startedAt, Instant enqueuedAt, String operator, String ticketReference,
            Optional<CallerProfile> caller) {
    }

    public record Callback(long id, String callSid, String phone, String reason, Integer waitedSeconds,
            Instant createdAt,
            Instant doneAt, String doneBy, String note, Optional<CallerProfile> caller) {
    }
}
