package org.hotlinehub.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.hotlinehub.model.OutboxChannel;
import org.hotlinehub.model.TicketCreated;
import org.hotlinehub.model.TicketEvent;
import org.hotlinehub.model.port.TicketEvents;
import org.hotlinehub.referencedata.ReferenceDataLoader;
import org.hotlinehub.store.OutboxStore;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A dispatch chunk writes its offers once, at its end; the volunteers it chooses must still be those that offering one
 * ticket at a time would choose: each offer counts as open load and makes its volunteer the most recently offered.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class DispatchChunkTest {

    @Inject
    Dispatcher dispatcher;
    @Inject
    ReferenceDataLoader loader;
    @Inject
    Sql sql;
    @Inject
    TicketEvents events;
    @Inject
    OutboxStore outbox;

    @Test
    void shouldLetEqualVolunteersTakeTurnsWithinOneChunk() {
        loader.load("chunk-fixture", """
                places:
                  - {code: FX-CHUNK-GRID, type: grid, parent: SN-01-05, name: {zh: 分批网格}}
                  - {code: FX-CHUNK-COURT, type: compound, parent: FX-CHUNK-GRID, name: {zh: 分批小区}, address: 分批路1号}
                catalog:
                  - code: fx-chunk-errand
                    name: {zh: 分批跑腿, en: Chunk errand}
                    group: elderly-care
                    keywords: {zh: [分批跑腿专用词], en: []}
                    urgency: normal
                    accept-within: PT30M
                    resolve-within: PT4H
                    party: volunteer
                    fallback: [residents-committee]
                    skills: [fx-chunk-skill]
                volunteers:
                  - {code: V-FXC-A, name: 分批甲, phone: "+8613811120001", grid: FX-CHUNK-GRID, skills: [fx-chunk-skill]}
                  - {code: V-FXC-B, name: 分批乙, phone: "+8613811120002", grid: FX-CHUNK-GRID, skills: [fx-chunk-skill]}
                  - {code: V-FXC-C, name: 分批丙, phone: "+8613811120003", grid: FX-CHUNK-GRID, skills: [fx-chunk-skill]}
                """);
        // V-FXC-A already holds an offer, made a minute ago: B and C come first, then whoever was offered longest ago,
        // which is A only if the chunk's own offers count as more recent than A's
        long earlier = ticket();
        sql.update("update ticket set status = 'DISPATCHED' where id = ?", earlier);
        sql.update("insert into assignment (ticket_id, volunteer_id, role, state, reason, offered_at, accept_by,"
                + " resolve_by, accept_warn_at, resolve_warn_at) select ?, v.id, 'lead', 'OFFERED', 'fixture',"
                + " now() - interval '1 minute', now() + interval '1 hour', now() + interval '1 day',"
                + " now() + interval '50 minutes', now() + interval '20 hours' from volunteer v where v.code = 'V-FXC-A'",
                earlier);
        sql.update("update volunteer set last_offered_at = now() - interval '1 minute' where code = 'V-FXC-A'");
        List<TicketCreated> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long id = ticket();
            created.add(new TicketCreated(id, (String) sql.one("select reference from ticket where id = ?", id), false,
                    Instant.now()));
        }

        // five tickets, one chunk, one flush; the DISPATCHED events captured as the dispatch stage does (an event
        // written to the outbox instead would flush the session at every offer)
        try (TicketEvents.Capture capture = events.capture(Set.of(TicketEvent.Kind.DISPATCHED))) {
            dispatcher.dispatchAll(created);
            assertEquals(5, capture.events().size());
        }

        List<Object> chosen = new ArrayList<>();
        for (TicketCreated t : created) {
            chosen.add(sql.one("select v.code from assignment a join volunteer v on v.id = a.volunteer_id"
                    + " where a.ticket_id = ?", t.ticketId()));
        }
        assertEquals(List.of("V-FXC-B", "V-FXC-C", "V-FXC-A", "V-FXC-B", "V-FXC-C"), chosen,
                "lightest load first, then whoever was offered least recently");
        assertEquals("compound FX-CHUNK-COURT → volunteer V-FXC-A by catalog fx-chunk-errand (same grid; skills"
                + " fx-chunk-skill; open load 1)",
                sql.one("select reason from assignment where ticket_id = ?",
                        created.get(2).ticketId()));
        for (TicketCreated t : created) {
            long assignment = ((Number) sql.one("select id from assignment where ticket_id = ?", t.ticketId()))
                    .longValue();
            // the chunk's offers reach the outbox with the chunk's one statement, each under its own key, with its
            // decision time written in the same row as the rest of the assignment
            assertEquals(List.of("asg-" + assignment + "-assignment.offered"),
                    sql.column("select idempotency_key from outbox where assignment_id = ? and stream = 'partner'"
                            + " and channel = 'SMS' and body like ?", assignment,
                            "%\"event\":\"assignment.offered\"%"));
            assertEquals(1L, sql.count("select count(*) from assignment where id = ? and decision_us is not null",
                    assignment));
            // the chunk's tickets are read-only in the session; their new status is written by one statement
            assertEquals(1L, sql.count("select count(*) from ticket t join assignment a on a.ticket_id = t.id"
                    + " where t.id = ? and t.status = 'DISPATCHED' and t.updated_at = a.offered_at", t.ticketId()));
        }
    }

    @Test
    void shouldNumberOfferRowsWhoseKeyIsTaken() {
        long ticket = ((Number) sql.one("insert into ticket (reference, channel, description, priority, status)"
                + " values (?, 'WEB', '编号测试', 'normal', 'DISPATCHED') returning id",
                "7" + (System.nanoTime() % 100_000_000L))).longValue();
        long assignment = ((Number) sql.one("insert into assignment (ticket_id, volunteer_id, role, state, reason,"
                + " offered_at, accept_by, resolve_by, accept_warn_at, resolve_warn_at) select ?, min(v.id), 'lead',"
                + " 'OFFERED', 'fixture', now(), now() + interval '1 hour', now() + interval '1 day',"
                + " now() + interval '50 minutes', now() + interval '20 hours' from volunteer v returning id", ticket))
                .longValue();
        Instant now = Instant.now();
        OutboxStore.PartnerDelivery fresh = new OutboxStore.PartnerDelivery(OutboxChannel.PARTNER_WEBHOOK, null, null,
                "FX-NUMBERED", assignment, "assignment.fx-numbered", "{}", now, now.plusSeconds(60));
        // the same event twice in one statement, then once more: the first row takes the key, the others count on
        QuarkusTransaction.requiringNew().run(() -> outbox.addPartnerDeliveries(List.of(fresh, fresh)));
        QuarkusTransaction.requiringNew().run(() -> outbox.addPartnerDeliveries(List.of(fresh)));
        String key = "asg-" + assignment + "-assignment.fx-numbered";
        assertEquals(List.of(key, key + "-2", key + "-3"), sql.column("select idempotency_key from outbox"
                + " where assignment_id = ? and topic = 'assignment.fx-numbered' order by id", assignment));
        // nobody receives these: the outbox must not keep trying them while the other tests run
        sql.update("delete from outbox where topic = 'assignment.fx-numbered'");
    }

    private long ticket() {
        String reference = "8" + (System.nanoTime() % 100_000_000L);
        return ((Number) sql.one("insert into ticket (reference, channel, category_id, description, place_id,"
                + " priority, status) values (?, 'WEB', (select id from catalog_entry where code = 'fx-chunk-errand'),"
                + " '分批跑腿', (select id from place where code = 'FX-CHUNK-COURT'), 'normal', 'RECEIVED')"
                + " returning id", reference)).longValue();
    }
}
