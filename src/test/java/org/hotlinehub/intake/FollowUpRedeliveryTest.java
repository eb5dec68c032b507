package org.hotlinehub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ContactIntent;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.TicketCreated;
import org.hotlinehub.model.port.ReferenceNumbers;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A follow-up that takes a ticket out of triage commits the ticket and then publishes its event in the consumed
 * batch's JMS transaction. When that commit fails (the broker fails over between the two), the batch comes back: the
 * repeat must publish the event again, or the ticket waits in RECEIVED for ever (seen in the cluster's fault run, C1).
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class FollowUpRedeliveryTest {

    @Inject
    IntakeService intake;
    @Inject
    ReferenceNumbers references;
    @Inject
    Sql sql;

    @Test
    void shouldPublishARedeliveredFollowUpsEventAgainWhileItsTicketWaitsForDispatch() {
        String phone = "+86" + Reports.uniquePhone();
        String reference = references.next();
        // not located: triage, waiting for the resident to say where (as SmsConversationFlowTest's conversation)
        intake.acceptAll(List.of(new InboundContact(Channel.SMS, sid(), reference, Instant.now(), phone, null,
                "楼道里的水管漏水了，请派人来修", "zh", null, null, null, null, null, List.of())));
        assertEquals("TRIAGE", sql.one("select status from ticket where reference = ?", reference));

        InboundContact answer = new InboundContact(Channel.SMS, sid(), reference, Instant.now(), phone, null,
                "在短信测试苑5号楼", "zh", null, null, null, null, null, List.of(), ContactIntent.FOLLOW_UP);
        List<TicketCreated> first = intake.acceptAll(List.of(answer)).events();
        assertEquals(List.of(reference), first.stream().map(TicketCreated::reference).toList());
        assertFalse(first.get(0).triage());
        assertEquals("RECEIVED", sql.one("select status from ticket where reference = ?", reference));

        // the batch's JMS commit failed: the same message again
        List<TicketCreated> again = intake.acceptAll(List.of(answer)).events();
        assertEquals(List.of(reference), again.stream().map(TicketCreated::reference).toList(),
                "the ticket still waits for dispatch: its event goes out again");
        assertEquals(1L, sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'FOLLOW_UP'", reference), "the follow-up is recorded once");

        sql.update("update ticket set status = 'DISPATCHED' where reference = ?", reference);
        assertEquals(List.of(), intake.acceptAll(List.of(answer)).events(),
                "once dispatched, a repeat publishes nothing");
    }

    private static String sid() {
        return String.format("SM%032x", System.nanoTime());
    }
}
