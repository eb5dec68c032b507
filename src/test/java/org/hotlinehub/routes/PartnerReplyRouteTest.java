package org.hotlinehub.routes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.camel.ProducerTemplate;
import org.hotlinehub.testsupport.DeadLetterRows;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Partners integrated over the broker answer on hub.partner.replies with their API key. */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class PartnerReplyRouteTest {

    @Inject
    ProducerTemplate producer;
    @Inject
    Sql sql;
    @Inject
    DeadLetterRows deadLetters;

    @Test
    void shouldApplyAnAcceptSentOnTheReplyQueueAndDeadLetterOneWithoutAValidKey() {
        String ref = Reports.fileJson("property-repair", "楼道扶手松动", Reports.uniquePhone(), "TEST-QUEUE-COURT", null);
        await().atMost(Duration.ofSeconds(15)).until(() -> sql.count("select count(*) from assignment a join ticket t"
                + " on t.id = a.ticket_id where t.reference = ?", ref) == 1);
        long id = ((Number) sql.one("select a.id from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ?", ref)).longValue();

        producer.sendBodyAndHeaders("jms:queue:hub.partner.replies", "{\"assignmentId\":" + id
                + ",\"action\":\"accept\"}", Map.of("HubPartnerKey", "test-key-PF-QUEUE"));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "ACCEPTED".equals(sql.one("select state from assignment where id = ?", id)));
        assertEquals("ACCEPTED", sql.one("select status from ticket where reference = ?", ref));

        String marker = "\"assignmentId\":" + id + ",\"action\":\"resolve\",\"note\":\"forged " + System.nanoTime();
        producer.sendBodyAndHeaders("jms:queue:hub.partner.replies", "{" + marker + "\"}",
                Map.of("HubPartnerKey", "stolen-key"));
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.containing(marker).size() == 1);
        assertEquals("ACCEPTED", sql.one("select state from assignment where id = ?", id));
        String headers = (String) sql.one("select headers from dead_letter where id = ?",
                deadLetters.containing(marker).get(0));
        assertFalse(headers.contains("stolen-key"), "credentials are not kept in dead letters: " + headers);
    }
}
