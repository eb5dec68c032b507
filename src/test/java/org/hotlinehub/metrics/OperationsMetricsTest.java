package org.hotlinehub.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hotlinehub.testsupport.Sessions.partnerJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;

import org.hotlinehub.connectors.jms.JmsEndpoints;
import org.hotlinehub.testsupport.DeadLetterRows;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.MovableClock;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The operations metrics on {@code /q/metrics}, after a real contact went through the hub: a form report that intake
 * stores and dispatch offers, a poison message intake dead-letters, an accepted offer past its resolve-by, and an
 * outbox row waiting for a retry. The gauges are refreshed by calling the bean, not by waiting for its schedule.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class OperationsMetricsTest {

    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Inject
    OperationsGauges gauges;
    @Inject
    Sql sql;
    @Inject
    DeadLetterRows deadLetters;
    @Inject
    ConnectionFactory broker;
    @Inject
    MovableClock clock;

    /** One scrape: the series' values by name and labels. */
    record Scrape(String text, Map<String, Map<Map<String, String>, Double>> series) {

        static Scrape take() {
            String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
            Map<String, Map<Map<String, String>, Double>> series = new HashMap<>();
            for (String line : text.split("\n")) {
                Matcher m = SERIES.matcher(line);
                if (line.startsWith("#") || !m.matches()) {
                    continue;
                }
                Map<String, String> labels = new HashMap<>();
                Matcher l = LABEL.matcher(m.group(2) == null ? "" : m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
                series.computeIfAbsent(m.group(1), k -> new HashMap<>()).put(labels, Double.valueOf(m.group(3)));
            }
            return new Scrape(text, series);
        }

        /** The sum of the series of that name whose labels include {@code labels}; 0 when there is none. */
        double sum(String name, String... labels) {
            return series.getOrDefault(name, Map.of()).entrySet().stream()
                    .filter(e -> matches(e.getKey(), labels)).mapToDouble(Map.Entry::getValue).sum();
        }

        /** The one series of that name with these labels, which must be there. */
        double one(String name, String... labels) {
            var found = series.getOrDefault(name, Map.of()).entrySet().stream()
                    .filter(e -> matches(e.getKey(), labels)).toList();
            assertEquals(1, found.size(), name + " " + String.join(",", labels) + " in " + series.get(name));
            return found.get(0).getValue();
        }

        private static boolean matches(Map<String, String> have, String... labels) {
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(have.get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }
    }

    private Scrape refreshed() {
        gauges.refresh();
        return Scrape.take();
    }

    @Test
    void shouldCountContactsTicketsOverdueWorkOutboxAndDeadLettersWhenAReportGoesThrough() {
        Scrape before = refreshed();
        double contacts = before.sum("hub_contacts_total", "channel", "WEB", "intent", "REQUEST");
        double dispatched = before.one("hub_tickets", "state", "DISPATCHED");
        double overdue = before.one("hub_overdue_assignments");
        double decided = before.sum("hub_dispatch_decision_seconds_count", "outcome", "offered");
        double intakeDeadLetters = before.sum("hub_dead_letters_total", "source", "intake-contact");

        String marker = "metrics-poison-" + System.nanoTime();
        try (JMSContext context = broker.createContext()) {
            context.createProducer().send(context.createQueue(JmsEndpoints.INTAKE_QUEUE), "{ not a contact " + marker);
        }
        long assignment = Reports.fileAndAwaitOffer(sql, "HY-GARDEN", "property-repair", "指标测试：楼道灯坏了");

        Scrape offered = refreshed();
        assertEquals(contacts + 1, offered.one("hub_contacts_total", "channel", "WEB", "intent", "REQUEST"),
                "the form report counted once, on its channel");
        assertEquals(dispatched + 1, offered.one("hub_tickets", "state", "DISPATCHED"), "the new ticket is offered");
        assertTrue(offered.sum("hub_dispatch_decision_seconds_count", "outcome", "offered") >= decided + 1);
        assertTrue(offered.sum("hub_dispatch_decision_seconds_bucket", "outcome", "offered", "le", "+Inf") >= 1);

        partnerJson("PF-HAIYUN").post("/partner-api/v1/assignments/" + assignment + "/accept").then().statusCode(200);
        sql.update("update assignment set resolve_by = ? where id = ?",
                java.sql.Timestamp.from(clock.instant().minus(Duration.ofHours(1))), assignment);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.containing(marker).size() == 1);
        long outboxRow = ((Number) sql.one("insert into outbox (stream, channel, recipient, idempotency_key, topic,"
                + " body, status, next_attempt_at, give_up_at, created_at) values ('sms', 'SMS', '+8613900000000',"
                + " ?, 'metrics-test', '', 'PENDING', ? , ?, now() - interval '1 hour') returning id", marker,
                java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(1))),
                java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(2))))).longValue();
        try {
            Scrape after = refreshed();
            assertEquals(overdue + 1, after.one("hub_overdue_assignments"), "the accepted work past resolve-by");
            assertEquals(intakeDeadLetters + 1, after.one("hub_dead_letters_total", "source", "intake-contact"));
            assertEquals(sql.count("select count(*) from dead_letter where not replayed"),
                    after.one("hub_open_dead_letters"));
            assertTrue(after.one("hub_open_dead_letters") >= 1);
            assertTrue(after.one("hub_outbox_pending_messages") >= 1, "the row waiting for its retry");
            double firstWritten = ((Number) sql.one("select extract(epoch from now() - created_at) from outbox"
                    + " where id = (select min(id) from outbox where status = 'PENDING')")).doubleValue();
            assertEquals(firstWritten, after.one("hub_outbox_oldest_age_seconds"), 5.0,
                    "the age of the first pending row");
            assertTrue(after.one("hub_outbox_lag_seconds") >= 0);
        } finally {
            sql.update("delete from outbox where id = ?", outboxRow);
        }
    }

    @Test
    void shouldExposeEverySeriesTheDashboardNamesWithItsDescription() {
        Reports.fileAndAwaitOffer(sql, "HY-GARDEN", "property-repair", "指标测试：水管漏水");
        // a dead letter of its own, so that the counter exists whatever ran before
        String marker = "metrics-series-" + System.nanoTime();
        try (JMSContext context = broker.createContext()) {
            context.createProducer().send(context.createQueue(JmsEndpoints.INTAKE_QUEUE), "{ not a contact " + marker);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.containing(marker).size() == 1);
        Scrape scrape = refreshed();

        Set<String> missing = new TreeSet<>(GrafanaDashboardTest.EXPOSED);
        missing.removeAll(scrape.series().keySet());
        assertEquals(Set.of(), missing, "series the dashboard names but the hub does not expose");
        for (String base : Set.of("hub_contacts_total", "hub_tickets", "hub_overdue_assignments",
                "hub_outbox_pending_messages", "hub_outbox_oldest_age_seconds", "hub_outbox_lag_seconds",
                "hub_open_dead_letters", "hub_dead_letters_total", "hub_dispatch_decision_seconds")) {
            // a counter's family is named without its _total in the HELP line
            Matcher help = Pattern.compile("(?m)^# HELP " + base.replaceAll("_total$", "") + "(?:_total)? (.+)$")
                    .matcher(scrape.text());
            assertTrue(help.find() && help.group(1).length() > 20, "a description of " + base);
        }
        for (String state : Set.of("RECEIVED", "TRIAGE", "DISPATCHED", "ACCEPTED", "IN_PROGRESS", "RESOLVED",
                "REOPENED")) {
            assertTrue(scrape.one("hub_tickets", "state", state) >= 0, state);
        }
        assertEquals(Set.of(), scrape.series().get("hub_tickets").keySet().stream().map(l -> l.get("state"))
                .filter(s -> Set.of("CLOSED", "CANCELLED", "MERGED").contains(s)).collect(
                        java.util.stream.Collectors.toSet()),
                "final statuses are not counted");
    }
}
