package org.hotlinehub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ContactIntent;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.store.InboundContactEntity;
import org.hotlinehub.store.TicketRepository;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A follow-up locks its ticket before changing it: a copy read earlier in the same transaction must not write an old
 * status back over what another transaction (dispatch, a partner's accept) committed meanwhile.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class FollowUpLockTest {

    @Inject
    Conversations conversations;
    @Inject
    TicketRepository tickets;
    @Inject
    Sql sql;

    @Test
    void shouldKeepTheStatusAnotherTransactionCommittedWhileTheFollowUpWasOnItsWay() {
        long assignment = Reports.fileAndAwaitOffer(sql, "HY-GARDEN", "property-repair", "锁测试：单元门坏了关不上");
        String reference = (String) sql.one("select t.reference from ticket t join assignment a on a.ticket_id = t.id"
                + " where a.id = ?", assignment);
        InboundContact followUp = new InboundContact(Channel.SMS, "SM" + Long.toHexString(System.nanoTime())
                + "00000000000000000", reference, Instant.now(), "+8613900000002", null, "门还是坏的", "zh", null, null,
                null, null, null, List.of(), ContactIntent.FOLLOW_UP);
        QuarkusTransaction.requiringNew().run(() -> {
            // this transaction has read the ticket (as intake's batch does) ...
            assertEquals("DISPATCHED", tickets.findByReferenceOrAlias(reference).orElseThrow().status.name());
            // ... when another one commits a change to it
            QuarkusTransaction.requiringNew().run(() -> sql.update(
                    "update ticket set status = 'ACCEPTED' where reference = ?", reference));
            conversations.reply(new InboundContactEntity(), followUp);
        });
        assertEquals("ACCEPTED", sql.one("select status from ticket where reference = ?", reference));
        assertEquals(1L, sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'FOLLOW_UP'", reference));
    }
}
