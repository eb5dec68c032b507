package org.hotlinehub.routes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.PartnerReceiver;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class PartnerDeliveryRetryTest {

    @Inject
    Sql sql;

    @Test
    void shouldRetryAndDeliverOnceWithTheSameKeyWhenPartnerFailsTwice() {
        PartnerReceiver receiver = HubTestResources.receiver;
        receiver.answerNext("/hooks/PF-FLAKY", 500, 500);
        String reference = Reports.fileJson("property-repair", "测试小区水管爆了", Reports.uniquePhone(), "TEST-FLAKY-COURT",
                null);

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.to("/hooks/PF-FLAKY").stream()
                .filter(r -> r.bodyText().contains(reference) && r.answered() == 200).count() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver
                .to("/hooks/PF-FLAKY").stream().filter(r -> r.bodyText().contains(reference)).count() == 3);

        List<PartnerReceiver.Received> attempts = receiver.to("/hooks/PF-FLAKY").stream()
                .filter(r -> r.bodyText().contains(reference)).toList();
        assertEquals(List.of(500, 500, 200), attempts.stream().map(PartnerReceiver.Received::answered).toList());
        assertEquals(1, attempts.stream().map(r -> r.header("Idempotency-Key")).distinct().count(),
                "one idempotency key across retries");
        assertEquals(1, attempts.stream().map(PartnerReceiver.Received::bodyText).distinct().count(),
                "the same body on every retry");
        assertEquals("DELIVERED", sql.one("select d.status from partner_delivery d join assignment a"
                + " on a.id = d.assignment_id join ticket t on t.id = a.ticket_id where t.reference = ?", reference));
        assertEquals(3, ((Number) sql.one("select d.attempts from partner_delivery d join assignment a"
                + " on a.id = d.assignment_id join ticket t on t.id = a.ticket_id where t.reference = ?", reference))
                .intValue());
    }
}
