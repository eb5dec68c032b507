package org.hotlinehub.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.IntakeUnavailableException;
import org.hotlinehub.model.TicketReference;
import org.hotlinehub.model.port.ReferenceNumbers;

import io.agroal.api.AgroalDataSource;

/**
 * References for contacts. Hi/lo allocation: one database round trip hands this instance 100 serials (the sequence steps by 100), so taking a
 * reference at the edge is a memory operation almost always, and instances never collide.
 */
@ApplicationScoped
public class SequenceReferenceNumbers implements ReferenceNumbers {

    static final int BLOCK = 100;

    @Inject
    AgroalDataSource dataSource;

    private long next;
    private long end;

    @Override
    public synchronized String next() {
        if (next >= end) {
            next = fetchBlockStart();
            end = next + BLOCK;
        }
        return TicketReference.of(next++);
    }

    @Override
    public String reserve(Channel channel, String externalId, String candidate) {
        try (var connection = dataSource.getConnection()) {
            try (var insert = connection.prepareStatement("insert into intake_reference (channel, external_id,"
                    + " reference) values (?, ?, ?) on conflict (channel, external_id) do nothing")) {
                insert.setString(1, channel.name());
                insert.setString(2, externalId);
                insert.setString(3, candidate);
                if (insert.executeUpdate() == 1) {
                    return candidate;
                }
            }
            try (var select = connection.prepareStatement(
                    "select reference from intake_reference where channel = ? and external_id = ?")) {
                select.setString(1, channel.name());
                select.setString(2, externalId);
                try (var rs = select.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IntakeUnavailableException("cannot reserve a ticket reference: database unavailable", e);
        }
    }

    private long fetchBlockStart() {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery("select nextval('ticket_reference_block_seq')")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IntakeUnavailableException("cannot number tickets: database unavailable", e);
        }
    }
}
