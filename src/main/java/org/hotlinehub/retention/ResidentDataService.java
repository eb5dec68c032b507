package org.hotlinehub.retention;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hotlinehub.model.IllegalTransitionException;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.PhoneNumbers;
import org.hotlinehub.model.port.AuditTrail;
import org.hotlinehub.model.port.PersonalData;
import org.jboss.logging.Logger;

/**
 * A resident's export and erasure requests, fulfilled by an administrator. The erasure anonymises the resident's
 * tickets with the nightly job's rule ({@link PersonalDataRules}) and removes what is held about the phone number and
 * the resident's WeChat openid outside tickets. It is refused while a ticket of theirs is open: the partner and the
 * call-back still need to reach them, so an operator closes or cancels it first. The SMS opt-out is kept: it is the
 * resident's own instruction not to be texted, and forgetting it would text them again.
 */
@ApplicationScoped
public class ResidentDataService implements PersonalData {

    private static final Logger LOG = Logger.getLogger(ResidentDataService.class);
    private static final String OPEN = "status not in ('CLOSED', 'CANCELLED', 'MERGED')";

    @Inject
    EntityManager em;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    @Override
    @Transactional
    public Map<String, Object> export(String phone, String actor, String client) {
        String normalized = normalize(phone);
        Map<String, Object> export = work(c -> exportOf(c, resident(c, normalized)));
        audit.record(actor, "resident.export", "resident", Masks.phone(normalized),
                "exported " + ((List<?>) export.get("tickets")).size() + " tickets", client);
        LOG.infof("resident %s: data exported by %s", Masks.phone(normalized), actor);
        return export;
    }

    @Override
    @Transactional
    public Map<String, Object> erase(String phone, String reason, String actor, String client) {
        String normalized = normalize(phone);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: required (why the resident's data is erased)");
        }
        Map<String, Object> answer = work(c -> {
            Map<String, Object> resident = resident(c, normalized);
            long residentId = ((Number) resident.get("id")).longValue();
            List<Long> tickets = new ArrayList<>();
            List<String> open = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("select id, reference, " + OPEN + " from ticket"
                    + " where resident_id = ? order by id for update")) {
                st.setLong(1, residentId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        tickets.add(rs.getLong(1));
                        if (rs.getBoolean(3)) {
                            open.add(rs.getString(2));
                        }
                    }
                }
            }
            if (!open.isEmpty()) {
                throw new IllegalTransitionException("the resident has open tickets " + String.join(", ", open)
                        + ": close or cancel them first");
            }
            Map<String, Object> export = exportOf(c, resident);
            // before the rule, which may delete the resident (and with it the check-ins) and count nothing of them
            int checkIns = update(c, "delete from resident_check_in where resident_id = ?", residentId);
            // the rule deletes the resident when nothing refers to them any more; a registered one stays to here
            int residents = PersonalDataRules.anonymiseTickets(c, tickets, clock.instant());
            Map<String, Object> erased = new LinkedHashMap<>();
            erased.put("tickets", tickets.size());
            erased.put("checkIns", checkIns);
            erased.putAll(eraseRecords(c, normalized, (String) resident.get("wechatOpenid"), residentId));
            erased.put("resident", residents + PersonalDataRules.deleteResidents(c, List.of(residentId), true));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("erased", erased);
            result.put("export", export);
            return result;
        });
        audit.record(actor, "resident.erase", "resident", Masks.phone(normalized),
                "reason: " + reason.strip() + "; erased " + answer.get("erased"), client);
        LOG.infof("resident %s: data erased by %s", Masks.phone(normalized), actor);
        return answer;
    }

    /** What is held about the phone and openid outside the resident's tickets; counts per kind. */
    private static Map<String, Object> eraseRecords(Connection c, String phone, String openid, long residentId)
            throws SQLException {
        Map<String, Object> counts = new LinkedHashMap<>();
        String who = openid == null ? phone : openid;
        counts.put("contacts", update(c, "update inbound_contact set phone = null, body = null, resident_id = null"
                + " where phone = ? or resident_id = ?", phone, residentId));
        counts.put("messages", update(c, "update outbox set body = '', template_data = null, recipient = '-'"
                + " where recipient in (?, ?) and status not in ('PENDING', 'CALLING')", phone, who));
        counts.put("calls", update(c, "update voice_call set from_phone = null, to_phone = null,"
                + " recording_sid = null, resident_id = null where from_phone = ? or to_phone = ? or resident_id = ?",
                phone, phone, residentId));
        counts.put("callBacks", update(c, "update voice_callback set phone = null, resident_id = null, note = null"
                + " where phone = ? or resident_id = ?", phone, residentId));
        // a link of a ticket that is not the resident's any more (a profile merged by binding WeChat) is freed too
        counts.put("incidentReports", update(c, "update incident_link set resident_id = null, reason = ''"
                + " where resident_id = ?", residentId));
        counts.put("smsRecords", update(c, "delete from sms_inbound where from_phone = ?", phone)
                + update(c, "delete from masked_relay where resident_phone = ?", phone));
        counts.put("wechatRecords", openid == null
                ? 0
                : update(c, "delete from wechat_inbound where openid = ?", openid)
                        + update(c, "delete from wechat_draft where openid = ?", openid)
                        + update(c, "delete from wechat_follower where openid = ?", openid));
        return counts;
    }

    private static Map<String, Object> exportOf(Connection c, Map<String, Object> resident) throws SQLException {
        long id = ((Number) resident.get("id")).longValue();
        String phone = (String) resident.get("phone");
        String openid = (String) resident.get("wechatOpenid");
        Map<String, Object> export = new LinkedHashMap<>();
        Map<String, Object> profile = new LinkedHashMap<>(resident);
        profile.remove("id");
        export.put("resident", profile);
        export.put("tickets", rows(c, "select t.reference, t.channel, t.status, c.code as category, p.code as place,"
                + " t.address, t.lat, t.lon, t.description, t.attributes::text as attributes, t.priority,"
                + " t.created_at, t.closed_at, t.survey_outcome from ticket t"
                + " left join catalog_entry c on c.id = t.category_id left join place p on p.id = t.place_id"
                + " where t.resident_id = ? order by t.id", id));
        export.put("timeline", rows(c, "select t.reference, e.at, e.kind, e.actor, e.channel, e.detail"
                + " from timeline_event e join ticket t on t.id = e.ticket_id where t.resident_id = ?"
                + " order by e.ticket_id, e.id", id));
        export.put("attachments", rows(c, "select t.reference, a.filename, a.content_type, a.size_bytes, a.url,"
                + " a.created_at from attachment a join ticket t on t.id = a.ticket_id where t.resident_id = ?"
                + " order by a.id", id));
        export.put("surveyAnswers", rows(c, "select t.reference, s.outcome, s.channel, s.asked_at, s.answered_at"
                + " from survey_answer s join ticket t on t.id = s.ticket_id where t.resident_id = ? order by s.id",
                id));
        export.put("contacts", rows(c, "select i.channel, i.received_at, i.phone, i.body, t.reference"
                + " from inbound_contact i left join ticket t on t.id = i.ticket_id"
                + " where i.resident_id = ? or i.phone = ? order by i.id", id, phone));
        export.put("messages", rows(c, "select stream, channel, topic, body, ticket_reference, status, created_at"
                + " from outbox where recipient in (?, ?) order by id", phone, openid == null ? phone : openid));
        export.put("calls", rows(c, "select direction, from_phone, to_phone, started_at, ended_at, duration_s,"
                + " ticket_reference, recording_sid from voice_call where from_phone = ? or to_phone = ?"
                + " or resident_id = ? order by started_at", phone, phone, id));
        export.put("smsOptOut", rows(c, "select opted_out_at from sms_opt_out where phone = ?", phone));
        export.put("incidentReports", rows(c, "select t.reference, i.reference as incident, l.state, l.channel,"
                + " l.reported_at, l.decided_by, l.decided_at from incident_link l"
                + " join ticket t on t.id = l.reporter_ticket_id join ticket i on i.id = l.incident_id"
                + " where l.resident_id = ? order by l.id", id));
        export.put("checkIns", rows(c, "select day::text as day, checked_in_at, channel, missed_at, ticket_reference"
                + " from resident_check_in where resident_id = ? order by day", id));
        return export;
    }

    private static Map<String, Object> resident(Connection c, String phone) throws SQLException {
        List<Map<String, Object>> found = rows(c, "select r.id, r.phone, r.name, r.address, p.code as place,"
                + " r.flags, r.language, r.emergency_contacts, r.wechat_openid, r.registered, r.created_at"
                + " from resident r left join place p on p.id = r.place_id where r.phone = ?", phone);
        if (found.isEmpty()) {
            throw new NotFoundException("no resident with phone " + Masks.phone(phone));
        }
        return found.get(0);
    }

    private static String normalize(String phone) {
        return PhoneNumbers.normalize(phone)
                .orElseThrow(() -> new IllegalArgumentException("phone: not a phone number"));
    }

    /** Rows as maps from camelCase column names to JSON-ready values (text, numbers, booleans, lists, instants). */
    private static List<Map<String, Object>> rows(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                var meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(camel(meta.getColumnLabel(i)), value(rs.getObject(i)));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static Object value(Object v) throws SQLException {
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof Instant || v instanceof java.time.OffsetDateTime) {
            return v.toString();
        }
        if (v instanceof Array a) {
            return Arrays.asList((Object[]) a.getArray());
        }
        return v;
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return out.toString();
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            return st.executeUpdate();
        }
    }

    private <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}
