package org.hotlinehub.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What anonymising a ticket means, for every table that holds a resident's personal data about it (docs/retention.md,
 * "What is anonymised"). One place for the rule: the nightly job and a resident's erasure request both call
 * {@link #anonymiseTickets}. Kept: category, place down to the compound, channel, status, priority, every date, the
 * assignments' partners and clocks, survey outcomes and appeals' results, so the rates and rankings count the same.
 * <p>
 * Every statement works on the ids given, inside the caller's transaction, and writes only what is still there:
 * running it twice changes nothing more.
 */
final class PersonalDataRules {

    /** The statements of {@link #anonymiseTickets}; {@code ?1} is the ticket ids, {@code ?2} their references. */
    private static final List<String> TICKET_STATEMENTS = List.of(
            // a building or unit is where someone lives: the ticket keeps the first place above them (the compound)
            "with recursive chain (ticket_id, place_id, type, parent_id, depth) as ("
                    + " select t.id, p.id, p.type, p.parent_id, 0 from ticket t join place p on p.id = t.place_id"
                    + " where t.id = any(?1) and p.type in ('building', 'unit')"
                    + " union all select c.ticket_id, p.id, p.type, p.parent_id, c.depth + 1 from chain c"
                    + " join place p on p.id = c.parent_id where c.type in ('building', 'unit') and c.depth < 10)"
                    + " update ticket t set place_id = chain.place_id from chain"
                    + " where t.id = chain.ticket_id and chain.type not in ('building', 'unit')",
            "update inbound_contact set phone = null, body = null, resident_id = null where ticket_id = any(?1)"
                    + " and (phone is not null or body is not null or resident_id is not null)",
            // photos, voicemail recordings (fetched from Twilio or still to be) and transcripts: the bytes, where
            // they are and any fetch still to come; type and size stay
            "update attachment set data = null, url = null, filename = null, fetch_after = null, fetch_error = null"
                    + " where ticket_id = any(?1) and (data is not null or url is not null or filename is not null"
                    + " or fetch_after is not null or fetch_error is not null)",
            "update assignment set resolution_note = null, resolution_photo_url = null, pause_reason = null"
                    + " where ticket_id = any(?1) and (resolution_note is not null"
                    + " or resolution_photo_url is not null or pause_reason is not null)",
            // notes, follow-ups, messages and partners' progress quote the resident; kind, time, actor stay
            "update timeline_event set detail = null where ticket_id = any(?1) and detail is not null",
            "update ticket_event_outbox set detail = null where ticket_id = any(?1) and detail is not null",
            "update survey_appeal set reason = '', decision_note = null where ticket_id = any(?1)"
                    + " and (reason <> '' or decision_note is not null)",
            // what was sent about the ticket (rows still being sent are left to finish)
            "update outbox set body = '', template_data = null, recipient = case when stream = 'partner'"
                    + " then recipient else '-' end where (ticket_reference = any(?2)"
                    + " or assignment_id in (select id from assignment where ticket_id = any(?1)))"
                    + " and status not in ('PENDING', 'CALLING') and (body <> '' or template_data is not null"
                    + " or (stream <> 'partner' and recipient <> '-'))",
            "update open311_request set description = null, address = null, address_id = null, lat = null,"
                    + " lon = null, media_url = null where reference = any(?2) and (description is not null"
                    + " or address is not null or address_id is not null or lat is not null or media_url is not null)",
            "update voice_callback set phone = null, resident_id = null, note = null where call_sid in"
                    + " (select call_sid from voice_call where ticket_reference = any(?2))"
                    + " and (phone is not null or resident_id is not null or note is not null)",
            "update voice_call set from_phone = null, to_phone = null, recording_sid = null, resident_id = null"
                    + " where ticket_reference = any(?2) and (from_phone is not null or to_phone is not null"
                    + " or recording_sid is not null or resident_id is not null)",
            // a report of an incident: who reported it, and the decision's words (an operator's may quote the
            // resident); the link, its state, score, channel and dates stay, so the incident's counts are the same
            "update incident_link set resident_id = null, reason = '' where reporter_ticket_id = any(?1)"
                    + " and (resident_id is not null or reason <> '')",
            "delete from sms_inbound where reference = any(?2)",
            "delete from masked_relay where ticket_id = any(?1)",
            "delete from wechat_inbound where reference = any(?2)",
            "delete from wechat_draft where used_by = any(?2)");

    private PersonalDataRules() {
    }

    /**
     * Anonymises the tickets {@code ids} (locked by the caller) and everything held about them; residents left with
     * no ticket, contact or call are deleted unless the district's care registry lists them ({@code registered}).
     *
     * @return the residents deleted
     */
    static int anonymiseTickets(Connection c, List<Long> ids, Instant now) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        var idArray = c.createArrayOf("bigint", ids.toArray());
        List<String> references = new ArrayList<>();
        List<Long> residents = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("select reference, resident_id from ticket where id = any(?)"
                + " union all select reference, null from ticket_alias where ticket_id = any(?)")) {
            st.setArray(1, idArray);
            st.setArray(2, idArray);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    references.add(rs.getString(1));
                    long resident = rs.getLong(2);
                    if (!rs.wasNull()) {
                        residents.add(resident);
                    }
                }
            }
        }
        var referenceArray = c.createArrayOf("text", references.toArray());
        for (String sql : TICKET_STATEMENTS) {
            update(c, sql, idArray, referenceArray);
        }
        // the description is required: it becomes empty (the search columns follow, being generated from it)
        try (PreparedStatement st = c.prepareStatement("update ticket set description = '', address = null,"
                + " lat = null, lon = null, attributes = '{}', resident_id = null, anonymised_at = ?"
                + " where id = any(?) and anonymised_at is null")) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setArray(2, idArray);
            st.executeUpdate();
        }
        return deleteResidents(c, residents, false);
    }

    /**
     * Deletes the residents {@code ids} that nothing refers to any more; registered ones (the care registry's) only
     * when {@code evenRegistered}.
     */
    static int deleteResidents(Connection c, List<Long> ids, boolean evenRegistered) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement st = c.prepareStatement("delete from resident r where r.id = any(?)"
                + (evenRegistered ? "" : " and not r.registered")
                + " and not exists (select 1 from ticket t where t.resident_id = r.id)"
                + " and not exists (select 1 from inbound_contact i where i.resident_id = r.id)"
                + " and not exists (select 1 from voice_call v where v.resident_id = r.id)"
                + " and not exists (select 1 from voice_callback b where b.resident_id = r.id)")) {
            st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            return st.executeUpdate();
        }
    }

    /** Runs {@code sql} with the positional markers {@code ?1}/{@code ?2} bound to the two arrays. */
    private static void update(Connection c, String sql, java.sql.Array ids, java.sql.Array references)
            throws SQLException {
        List<java.sql.Array> params = new ArrayList<>();
        StringBuilder jdbc = new StringBuilder();
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '?' && i + 1 < sql.length() && (sql.charAt(i + 1) == '1' || sql.charAt(i + 1) == '2')) {
                params.add(sql.charAt(i + 1) == '1' ? ids : references);
                jdbc.append('?');
                i++;
            } else {
                jdbc.append(ch);
            }
        }
        try (PreparedStatement st = c.prepareStatement(jdbc.toString())) {
            for (int i = 0; i < params.size(); i++) {
                st.setArray(i + 1, params.get(i));
            }
            st.executeUpdate();
        }
    }
}
