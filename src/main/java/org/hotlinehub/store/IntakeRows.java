package org.hotlinehub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.TicketStatus;

/**
 * The rows a batch of new contacts becomes, written set-based on the transaction's own connection: one statement per
 * table for the whole batch (each column travels as one array parameter and is unnested), instead of one round trip
 * per row and entity. The statement texts are constant, so the driver's prepared statements are reused.
 */
@ApplicationScoped
public class IntakeRows {

    /** A resident as intake links a contact to it. */
    public record Resident(long id, String phone, String wechatOpenid, String name, String language, Long placeId,
            List<String> flags) {
    }

    /** A resident first seen in this batch. */
    public record NewResident(String phone, String wechatOpenid, String name, String language) {
    }

    /** A ticket as intake makes it. */
    public record NewTicket(String reference, Channel channel, Long residentId, Long categoryId, String description,
            String language, Long placeId, String address, Double lat, Double lon, String priority,
            TicketStatus status, String attributesJson, String triageReason, Instant createdAt, Instant updatedAt) {
    }

    @Inject
    EntityManager entityManager;

    /**
     * Inserts the contacts not stored before (by channel and external id).
     *
     * @return per position, the new row's id; null for a contact stored before, or earlier in the same list
     */
    public Long[] insertNewContacts(List<InboundContact> contacts, Instant now) {
        int n = contacts.size();
        String[] channel = new String[n];
        String[] externalId = new String[n];
        String[] reference = new String[n];
        String[] receivedAt = new String[n];
        String[] phone = new String[n];
        String[] body = new String[n];
        for (int i = 0; i < n; i++) {
            InboundContact c = contacts.get(i);
            channel[i] = c.channel().name();
            externalId[i] = c.externalId();
            reference[i] = c.reference();
            receivedAt[i] = c.receivedAt().toString();
            phone[i] = c.phone();
            body[i] = c.text();
        }
        Map<String, Long> inserted = work(connection -> {
            try (PreparedStatement insert = BatchSql.prepare(connection, "insert into inbound_contact"
                    + " (channel, external_id, reference, received_at, phone, body, created_at)"
                    + " select c.channel, c.external_id, c.reference, c.received_at::timestamptz, c.phone, c.body,"
                    + " ?::timestamptz from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                    + " as c(channel, external_id, reference, received_at, phone, body)"
                    + " on conflict (channel, external_id) do nothing returning id, channel, external_id")) {
                insert.setString(1, now.toString());
                setArrays(connection, insert, 2, channel, externalId, reference, receivedAt, phone, body);
                Map<String, Long> ids = new HashMap<>();
                try (ResultSet row = insert.executeQuery()) {
                    while (row.next()) {
                        ids.put(row.getString(2) + ':' + row.getString(3), row.getLong(1));
                    }
                }
                return ids;
            }
        });
        Long[] ids = new Long[n];
        for (int i = 0; i < n; i++) {
            // the first of several equal contacts in one list takes the row; the others are repeats of it
            ids[i] = inserted.remove(channel[i] + ':' + externalId[i]);
        }
        return ids;
    }

    /** The residents with these phone numbers or WeChat openids. */
    public List<Resident> residents(Collection<String> phones, Collection<String> wechatOpenids) {
        if (phones.isEmpty() && wechatOpenids.isEmpty()) {
            return List.of();
        }
        return work(connection -> {
            try (PreparedStatement query = BatchSql.prepare(connection, "select id, phone, wechat_openid, name,"
                    + " language, place_id, flags from resident where phone = any(?) or wechat_openid = any(?)")) {
                setArrays(connection, query, 1, phones.toArray(String[]::new), wechatOpenids.toArray(String[]::new));
                return residents(query);
            }
        });
    }

    /**
     * Inserts residents; one that another transaction inserted meanwhile (same phone or openid) is skipped.
     *
     * @return the rows inserted
     */
    public List<Resident> insertResidents(List<NewResident> residents, Instant now) {
        if (residents.isEmpty()) {
            return List.of();
        }
        int n = residents.size();
        String[] phone = new String[n];
        String[] openid = new String[n];
        String[] name = new String[n];
        String[] language = new String[n];
        for (int i = 0; i < n; i++) {
            NewResident r = residents.get(i);
            phone[i] = r.phone();
            openid[i] = r.wechatOpenid();
            name[i] = r.name();
            language[i] = r.language();
        }
        return work(connection -> {
            try (PreparedStatement insert = BatchSql.prepare(connection, "insert into resident (phone, wechat_openid,"
                    + " name, language, created_at, updated_at) select r.phone, r.openid, r.name, r.language,"
                    + " ?::timestamptz, ?::timestamptz from unnest(?::text[], ?::text[], ?::text[], ?::text[])"
                    + " as r(phone, openid, name, language) on conflict do nothing"
                    + " returning id, phone, wechat_openid, name, language, place_id, flags")) {
                insert.setString(1, now.toString());
                insert.setString(2, now.toString());
                setArrays(connection, insert, 3, phone, openid, name, language);
                return residents(insert);
            }
        });
    }

    /** Gives residents without a name the name a contact of theirs sent. */
    public void nameResidents(Map<Long, String> names) {
        if (names.isEmpty()) {
            return;
        }
        Long[] ids = names.keySet().toArray(Long[]::new);
        String[] values = Arrays.stream(ids).map(names::get).toArray(String[]::new);
        work(connection -> {
            try (PreparedStatement update = BatchSql.prepare(connection, "update resident set name = v.name"
                    + " from unnest(?::bigint[], ?::text[]) as v(id, name) where resident.id = v.id"
                    + " and resident.name is null")) {
                update.setArray(1, connection.createArrayOf("bigint", ids));
                update.setArray(2, connection.createArrayOf("text", values));
                return update.executeUpdate();
            }
        });
    }

    /** @return each new ticket's id, in the order of the list */
    public long[] insertTickets(List<NewTicket> tickets) {
        int n = tickets.size();
        String[] reference = new String[n];
        String[] channel = new String[n];
        Long[] residentId = new Long[n];
        Long[] categoryId = new Long[n];
        String[] description = new String[n];
        String[] language = new String[n];
        Long[] placeId = new Long[n];
        String[] address = new String[n];
        Double[] lat = new Double[n];
        Double[] lon = new Double[n];
        String[] priority = new String[n];
        String[] status = new String[n];
        String[] attributes = new String[n];
        String[] triageReason = new String[n];
        String[] createdAt = new String[n];
        String[] updatedAt = new String[n];
        for (int i = 0; i < n; i++) {
            NewTicket t = tickets.get(i);
            reference[i] = t.reference();
            channel[i] = t.channel().name();
            residentId[i] = t.residentId();
            categoryId[i] = t.categoryId();
            description[i] = t.description();
            language[i] = t.language();
            placeId[i] = t.placeId();
            address[i] = t.address();
            lat[i] = t.lat();
            lon[i] = t.lon();
            priority[i] = t.priority();
            status[i] = t.status().name();
            attributes[i] = t.attributesJson();
            triageReason[i] = t.triageReason();
            createdAt[i] = t.createdAt().toString();
            updatedAt[i] = t.updatedAt().toString();
        }
        Map<String, Long> byReference = work(connection -> {
            try (PreparedStatement insert = BatchSql.prepare(connection, "insert into ticket (reference, channel,"
                    + " resident_id, category_id, description, language, place_id, address, lat, lon, priority,"
                    + " status, attributes, triage_reason, created_at, updated_at)"
                    + " select t.reference, t.channel, t.resident_id, t.category_id, t.description, t.language,"
                    + " t.place_id, t.address, t.lat, t.lon, t.priority, t.status, t.attributes::jsonb,"
                    + " t.triage_reason, t.created_at::timestamptz, t.updated_at::timestamptz"
                    + " from unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[],"
                    + " ?::bigint[], ?::text[], ?::float8[], ?::float8[], ?::text[], ?::text[], ?::text[],"
                    + " ?::text[], ?::text[], ?::text[]) as t(reference, channel, resident_id, category_id,"
                    + " description, language, place_id, address, lat, lon, priority, status, attributes,"
                    + " triage_reason, created_at, updated_at) returning id, reference")) {
                insert.setArray(1, connection.createArrayOf("text", reference));
                insert.setArray(2, connection.createArrayOf("text", channel));
                insert.setArray(3, connection.createArrayOf("bigint", residentId));
                insert.setArray(4, connection.createArrayOf("bigint", categoryId));
                insert.setArray(5, connection.createArrayOf("text", description));
                insert.setArray(6, connection.createArrayOf("text", language));
                insert.setArray(7, connection.createArrayOf("bigint", placeId));
                insert.setArray(8, connection.createArrayOf("text", address));
                insert.setArray(9, connection.createArrayOf("float8", lat));
                insert.setArray(10, connection.createArrayOf("float8", lon));
                setArrays(connection, insert, 11, priority, status, attributes, triageReason, createdAt, updatedAt);
                Map<String, Long> ids = new HashMap<>();
                try (ResultSet row = insert.executeQuery()) {
                    while (row.next()) {
                        ids.put(row.getString(2), row.getLong(1));
                    }
                }
                return ids;
            }
        });
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = Objects.requireNonNull(byReference.get(reference[i]), reference[i]);
        }
        return ids;
    }

    /** Records which ticket and resident each contact became. */
    public void linkContacts(long[] contactIds, long[] ticketIds, Long[] residentIds) {
        Long[] contacts = Arrays.stream(contactIds).boxed().toArray(Long[]::new);
        Long[] tickets = Arrays.stream(ticketIds).boxed().toArray(Long[]::new);
        work(connection -> {
            try (PreparedStatement update = BatchSql.prepare(connection, "update inbound_contact"
                    + " set ticket_id = v.ticket_id, resident_id = v.resident_id"
                    + " from unnest(?::bigint[], ?::bigint[], ?::bigint[]) as v(id, ticket_id, resident_id)"
                    + " where inbound_contact.id = v.id")) {
                update.setArray(1, connection.createArrayOf("bigint", contacts));
                update.setArray(2, connection.createArrayOf("bigint", tickets));
                update.setArray(3, connection.createArrayOf("bigint", residentIds));
                return update.executeUpdate();
            }
        });
    }

    private <T> T work(ReturningWork<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work);
    }

    private static void setArrays(Connection connection, PreparedStatement statement, int first, String[]... columns)
            throws SQLException {
        for (int i = 0; i < columns.length; i++) {
            statement.setArray(first + i, connection.createArrayOf("text", columns[i]));
        }
    }

    private static List<Resident> residents(PreparedStatement statement) throws SQLException {
        List<Resident> found = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                long place = row.getLong(6);
                Long placeId = row.wasNull() ? null : place;
                java.sql.Array flags = row.getArray(7);
                found.add(new Resident(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), placeId,
                        flags == null ? List.of() : Arrays.stream((String[]) flags.getArray()).toList()));
            }
        }
        return found;
    }
}
