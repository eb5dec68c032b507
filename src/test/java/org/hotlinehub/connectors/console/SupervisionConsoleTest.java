package org.hotlinehub.connectors.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.MovableClock;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The supervisors' pages against rows put in place with SQL: deadlines, dead-letter replay, loads, the day. */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class SupervisionConsoleTest {

    @Inject
    Sql sql;
    @Inject
    MovableClock clock;
    @Inject
    ConnectionFactory broker;

    @Test
    void shouldReplayADeadLetterToItsQueueAndAuditIt() throws Exception {
        String queue = "hub.console-replay-" + System.nanoTime();
        long id = ((Number) sql.one("insert into dead_letter (message_id, source, reason, destination, body)"
                + " values (?, 'test', 'injected failure for +8613912345678', ?, ?) returning id", "m-" + queue,
                "queue:" + queue, "{\"replay\":\"" + queue + "\"}")).longValue();

        Document page = html(Sessions.console("supervisor").get("/console/supervision/dead-letters").then()
                .statusCode(200).extract().asString());
        assertNotNull(page.getElementById("dead-letter-" + id), "the open dead letter is listed");
        assertTrue(page.getElementById("dead-letter-" + id).text().contains("+86139****5678"),
                "phone numbers in the reason are masked");
        assertTrue(!page.getElementById("dead-letter-" + id).text().contains("+8613912345678"));

        Sessions.console("operator").post("/console/supervision/dead-letters/" + id + "/replay").then()
                .statusCode(403);
        Sessions.console("supervisor").post("/console/supervision/dead-letters/" + id + "/replay").then()
                .statusCode(303).header("Location", endsWith("/console/supervision/dead-letters?replayed=" + id));

        try (JMSContext context = broker.createContext()) {
            Message message = context.createConsumer(context.createQueue(queue)).receive(10_000);
            assertNotNull(message, "the replay put the message back on its queue");
            assertEquals("{\"replay\":\"" + queue + "\"}", message.getBody(String.class));
        }
        assertEquals(true, sql.one("select replayed from dead_letter where id = ?", id));
        assertEquals(1L, sql.count("select count(*) from audit_log where actor = 'supervisor'"
                + " and action = 'dead-letter.replay' and target_type = 'dead-letter' and target = ?",
                String.valueOf(id)));
        Sessions.console("supervisor").get("/console/supervision/dead-letters").then().statusCode(200)
                .body(not(containsString("id=\"dead-letter-" + id + "\"")));
        Sessions.console("supervisor").get("/console/supervision/dead-letters?all=true").then().statusCode(200)
                .body(containsString("id=\"dead-letter-" + id + "\""));
    }

    @Test
    void shouldShowOverdueAndNearDeadlineAssignmentsAndPartnerLoads() {
        String partner = "PF-SUP-" + System.nanoTime();
        long partnerId = ((Number) sql.one("insert into partner (code, type, name_zh, delivery_channel)"
                + " values (?, 'mediation', '督办测试调解室', 'portal') returning id", partner)).longValue();
        // the hub's clock, which the page reads and other tests may have moved ahead
        Instant now = clock.instant();
        String overdueRef = ticket("SUP-O-");
        String nearRef = ticket("SUP-N-");
        String calmRef = ticket("SUP-C-");
        assignment(overdueRef, partnerId, "ACCEPTED", now.minus(3, ChronoUnit.HOURS), now.minus(1, ChronoUnit.HOURS));
        assignment(nearRef, partnerId, "IN_PROGRESS", now.minus(9, ChronoUnit.HOURS),
                now.plus(1, ChronoUnit.HOURS));
        assignment(calmRef, partnerId, "OFFERED", now, now.plus(10, ChronoUnit.HOURS));

        Document page = html(Sessions.console("supervisor").get("/console/supervision").then().statusCode(200)
                .extract().asString());
        var overdue = page.select("#deadlines tr:has(td:containsOwn(" + overdueRef + "))");
        var near = page.select("#deadlines tr:has(td:containsOwn(" + nearRef + "))");
        assertEquals(1, overdue.size(), page.select("#deadlines").text());
        assertTrue(overdue.hasClass("overdue") && overdue.text().contains("已超时"), overdue.text());
        assertEquals(1, near.size());
        assertTrue(!near.hasClass("overdue") && near.text().contains("即将超时"), near.text());
        assertTrue(page.select("#deadlines td:containsOwn(" + calmRef + ")").isEmpty(),
                "an offer far from its deadline is not listed");

        Document loads = html(Sessions.console("supervisor").get("/console/supervision/partners?lang=en").then()
                .statusCode(200).extract().asString());
        var row = loads.select("table[data-type=mediation] tr[data-partner=" + partner + "] td");
        assertEquals(java.util.List.of(partner, "督办测试调解室", "1", "1", "1", "0", "1", "3"),
                row.eachText(), "offered, accepted, in progress, returned, overdue, total");
    }

    @Test
    void shouldCountADaysTicketsByChannelAndCategory() {
        String day = "2001-02-03";
        Timestamp noonInShanghai = Timestamp.from(Instant.parse("2001-02-03T04:00:00Z"));
        long repair = ((Number) sql.one("select id from catalog_entry where code = 'property-repair'")).longValue();
        for (String channel : new String[]{"SMS", "SMS", "WEB"}) {
            sql.update("insert into ticket (reference, channel, description, priority, status, category_id,"
                    + " created_at) values (?, ?, 'daily test', 'normal', 'RECEIVED', ?, ?)",
                    "D" + System.nanoTime(), channel, repair, noonInShanghai);
        }
        sql.update("insert into ticket (reference, channel, description, priority, status, created_at)"
                + " values (?, 'WECHAT', 'daily test', 'normal', 'RECEIVED', ?)", "D" + System.nanoTime(),
                noonInShanghai);
        sql.update("insert into ticket (reference, channel, description, priority, status, created_at)"
                + " values (?, 'WECHAT', 'the day before in Shanghai', 'normal', 'RECEIVED', ?)",
                "D" + System.nanoTime(),
                Timestamp.from(Instant.parse("2001-02-02T15:59:00Z")));

        Document page = html(Sessions.console("supervisor").get("/console/supervision/daily?day=" + day + "&lang=en")
                .then().statusCode(200).extract().asString());
        assertEquals("4 tickets filed on 2001-02-03", page.getElementById("daily-total").text());
        assertEquals(java.util.List.of("SMS 2", "WEB 1", "WECHAT 1"),
                page.select("#channel-table tbody tr").eachText());
        assertEquals(java.util.List.of("Property repair 3", "Not categorized 1"),
                page.select("#category-table tbody tr").eachText());
        assertEquals(2, page.select("canvas.bar-chart[data-chart]").size());
        assertTrue(page.select("canvas.bar-chart").first().attr("data-chart")
                .contains("\"counts\":[2,1,1]"), page.select("canvas.bar-chart").first().attr("data-chart"));
    }

    private String ticket(String prefix) {
        String reference = prefix + System.nanoTime();
        sql.update("insert into ticket (reference, channel, description, priority, status)"
                + " values (?, 'WEB', 'supervision test', 'normal', 'DISPATCHED')", reference);
        return reference;
    }

    private void assignment(String reference, long partnerId, String state, Instant offeredAt, Instant due) {
        Instant acceptBy = state.equals("OFFERED") ? due : offeredAt.plus(10, ChronoUnit.MINUTES);
        // warning points as the dispatcher stores them: 80 % into each window (hub.dispatch.warn-at)
        sql.update("insert into assignment (ticket_id, partner_id, role, state, reason, offered_at, accept_by,"
                + " resolve_by, accepted_at, accept_warn_at, resolve_warn_at) select id, ?, 'lead', ?, 'test', ?, ?, ?,"
                + " ?, cast(? as timestamptz) + (cast(? as timestamptz) - cast(? as timestamptz)) * 0.8,"
                + " cast(? as timestamptz) + (cast(? as timestamptz) - cast(? as timestamptz)) * 0.8"
                + " from ticket where reference = ?",
                partnerId, state, Timestamp.from(offeredAt), Timestamp.from(acceptBy), Timestamp.from(due),
                state.equals("OFFERED") ? null : Timestamp.from(offeredAt), Timestamp.from(offeredAt),
                Timestamp.from(acceptBy), Timestamp.from(offeredAt), Timestamp.from(offeredAt), Timestamp.from(due),
                Timestamp.from(offeredAt), reference);
    }

    static Document html(String body) {
        return Jsoup.parse(body);
    }
}
