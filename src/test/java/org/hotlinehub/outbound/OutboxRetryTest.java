package org.hotlinehub.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.port.DeadLetters;
import org.hotlinehub.model.port.SmsOutbox;
import org.hotlinehub.model.port.VoiceOutbox;
import org.hotlinehub.model.port.WechatOutbox;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.MovableClock;
import org.hotlinehub.testsupport.PartnerReceiver;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioVoice;
import org.hotlinehub.testsupport.WechatApiStub;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The one outbox, channel by channel: a passing failure is retried with backoff (the same row, the same key), a row
 * still failing past its give-up time takes its stream's final status and becomes a dead letter whose replay sends it,
 * and a slow recipient holds up nobody else. The give-up time (hub.delivery.give-up-after, 24 h) is reached by moving
 * the hub's clock.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
@QuarkusTestResource(WechatApiStub.class)
class OutboxRetryTest {

    private static final String FLAKY = "/hooks/PF-FLAKY";

    @Inject
    SmsOutbox sms;
    @Inject
    WechatOutbox wechat;
    @Inject
    VoiceOutbox voice;
    @Inject
    DeadLetters deadLetters;
    @Inject
    MovableClock clock;
    @Inject
    HubConfig config;
    @Inject
    Sql sql;

    private static StubMapping failing(String path, String matching, int status) {
        return TwilioApiStub.server.stubFor(post(urlPathEqualTo(path)).atPriority(1)
                .withRequestBody(containing(matching))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20500, \"message\": \"Service Unavailable\", \"status\": " + status
                                + "}")));
    }

    /** Waits until the row failed and was put back for a retry at least {@code attempts} times. */
    private void awaitRetried(String table, long id, int attempts, String error) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from " + table + " where id = ?"
                + " and status = 'PENDING' and attempts >= ? and last_error like ?", id, attempts, error) == 1);
    }

    /** Moves the clock past the give-up time of rows written now. */
    private void passTheGiveUpTime() {
        clock.advance(config.delivery().giveUpAfter().plusHours(1));
    }

    private long deadLetter(String destination, String source) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from dead_letter where"
                + " destination = ? and source = ?", destination, source) == 1);
        return ((Number) sql.one("select id from dead_letter where destination = ?", destination)).longValue();
    }

    private String awaitFinal(String table, long id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !"PENDING".equals(sql.one("select status from " + table
                + " where id = ?", id)));
        return (String) sql.one("select status from " + table + " where id = ?", id);
    }

    @Test
    void shouldRetryAnSmsThenGiveUpAsFailedAndSendItOnReplayWhenTwilioStaysDown() {
        String phone = "+86" + Reports.uniquePhone();
        StubMapping down = failing(TwilioApiStub.MESSAGES_PATH, TwilioApiStub.toField(phone), 503);
        long id = sms.enqueue("outbox-test-" + phone, phone, "您的工单已受理。", "test", null).get(0);
        awaitRetried("outbound_message", id, 2, "Twilio HTTP 503%");

        passTheGiveUpTime();
        assertEquals("FAILED", awaitFinal("outbound_message", id));
        assertTrue(((String) sql.one("select last_error from outbound_message where id = ?", id))
                .matches("gave up after \\d+ attempts: Twilio HTTP 503.*"));
        long letter = deadLetter("outbox:" + id, "sms-outbound");
        int tries = TwilioApiStub.sentTo(phone).size();
        assertTrue(tries >= 3, "retried before giving up: " + tries);

        TwilioApiStub.server.removeStub(down);
        deadLetters.replay(letter);
        assertEquals("SENT", awaitFinal("outbound_message", id));
        assertEquals(tries + 1, TwilioApiStub.sentTo(phone).size(), "the replay sends it once more");
    }

    @Test
    void shouldRetryAWechatMessageWhileWechatIsBusyThenGiveUpAsFailed() {
        String openid = "oOutbox" + Reports.uniquePhone();
        // the hub's clock, not the database's now(): the sender checks the 48-hour window on the hub's clock, which
        // earlier tests (and this one) have moved ahead
        sql.update("insert into wechat_follower (openid, subscribed, last_interaction_at) values (?, true, ?)",
                openid, Timestamp.from(clock.instant()));
        StubMapping busy = WechatApiStub.server.stubFor(post(urlPathEqualTo(WechatApiStub.CUSTOM_PATH)).atPriority(1)
                .withRequestBody(containing(openid)).willReturn(aResponse().withHeader("Content-Type",
                        "application/json").withBody("{\"errcode\":-1,\"errmsg\":\"system error\"}")));
        try {
            long id = wechat.enqueue("outbox-test-" + openid, openid, "您好", null, "test", null);
            awaitRetried("wechat_outbound", id, 2, "WeChat -1: system error");
            assertEquals("-1", sql.one("select error_code from wechat_outbound where id = ?", id));

            passTheGiveUpTime();
            assertEquals("FAILED", awaitFinal("wechat_outbound", id));
            deadLetter("outbox:" + id, "wechat-outbound");
            assertTrue(WechatApiStub.sent(WechatApiStub.CUSTOM_PATH, openid).size() >= 3);
        } finally {
            WechatApiStub.server.removeStub(busy);
        }
    }

    @Test
    void shouldRetryACallTwilioCannotPlaceWithoutCountingItThenGiveUpAsFailed() {
        String phone = "+86" + Reports.uniquePhone();
        TwilioVoice.stubCalls();
        StubMapping down = failing(TwilioVoice.CALLS_PATH, TwilioApiStub.toField(phone), 500);
        voice.enqueue("outbox-test-" + phone, "survey", phone, "00000000", "zh", 3);
        long id = ((Number) sql.one("select id from voice_outbound where idempotency_key = ?",
                "outbox-test-" + phone)).longValue();
        await().atMost(Duration.ofSeconds(20)).until(() -> TwilioVoice.callsCreated().stream()
                .filter(f -> phone.equals(f.get("To"))).count() >= 2);
        assertEquals("PENDING", sql.one("select status from voice_outbound where id = ?", id));
        assertEquals(0, sql.one("select attempts from voice_outbound where id = ?", id),
                "a call Twilio could not place is no attempt: attempts are the calls placed");

        passTheGiveUpTime();
        assertEquals("FAILED", awaitFinal("voice_outbound", id));
        long letter = deadLetter("outbox:" + id, "voice-outbound");

        TwilioApiStub.server.removeStub(down);
        deadLetters.replay(letter);
        assertEquals("CALLING", awaitFinal("voice_outbound", id));
        assertEquals(1, sql.one("select attempts from voice_outbound where id = ?", id));
    }

    @Test
    void shouldRetryAPartnerWebhookThenDeadLetterItWithATimelineEntryAndDeliverItOnReplay() {
        PartnerReceiver receiver = HubTestResources.receiver;
        receiver.answerNext(FLAKY, Collections.nCopies(200, 503).toArray(Integer[]::new));
        try {
            String reference = Reports.fileJson("property-repair", "测试小区水管又爆了", Reports.uniquePhone(),
                    "TEST-FLAKY-COURT", null);
            String delivery = "select d.id from partner_delivery d join assignment a on a.id = d.assignment_id"
                    + " join ticket t on t.id = a.ticket_id where t.reference = ? and d.event_type = 'assignment.offered'";
            await().atMost(Duration.ofSeconds(30)).until(() -> sql.column(delivery, reference).size() == 1);
            long id = ((Number) sql.one(delivery, reference)).longValue();
            awaitRetried("partner_delivery", id, 2, "HTTP 503");

            passTheGiveUpTime();
            assertEquals("DEAD", awaitFinal("partner_delivery", id));
            long letter = deadLetter("partner-delivery:" + id, "partner-delivery");
            assertEquals(1L, sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                    + " where t.reference = ? and e.kind = 'DELIVERY_FAILED' and e.detail like ?", reference,
                    "assignment.offered to PF-FLAKY gave up after % attempts: HTTP 503"));

            receiver.answerNext(FLAKY);
            deadLetters.replay(letter);
            assertEquals("DELIVERED", awaitFinal("partner_delivery", id));
            String key = (String) sql.one("select idempotency_key from partner_delivery where id = ?", id);
            List<PartnerReceiver.Received> sent = receiver.to(FLAKY).stream()
                    .filter(r -> key.equals(r.header("Idempotency-Key"))).toList();
            assertTrue(sent.size() >= 3, "retried, then replayed: " + sent.size());
            assertEquals(200, sent.get(sent.size() - 1).answered());
            assertEquals(1, sent.stream().filter(r -> r.answered() == 200).count());
            assertEquals(1, sent.stream().map(PartnerReceiver.Received::bodyText).distinct().count(),
                    "the same body on every retry and on the replay");
        } finally {
            receiver.answerNext(FLAKY);
        }
    }

    @Test
    void shouldSendToOtherRecipientsWhileOneRecipientIsSlow() {
        String slow = "+86" + Reports.uniquePhone();
        String fast = "+86" + Reports.uniquePhone();
        StubMapping slowly = TwilioApiStub.server.stubFor(post(urlPathEqualTo(TwilioApiStub.MESSAGES_PATH))
                .atPriority(1).withRequestBody(containing(TwilioApiStub.toField(slow)))
                .willReturn(aResponse().withStatus(201).withFixedDelay(5000)
                        .withHeader("Content-Type", "application/json").withTransformers("response-template")
                        .withBody("{\"sid\": \"SM{{randomValue length=32 type='HEXADECIMAL' lowercase=true}}\","
                                + " \"status\": \"queued\"}")));
        try {
            List<Long> waiting = new ArrayList<>();
            for (int i = 0; i < 3 * config.delivery().parallelism(); i++) {
                waiting.addAll(sms.enqueue("outbox-slow-" + slow + "-" + i, slow, "第" + i + "条", "test", null));
            }
            long quick = sms.enqueue("outbox-fast-" + fast, fast, "您好", "test", null).get(0);

            await().atMost(Duration.ofSeconds(4)).until(() -> "SENT".equals(sql.one(
                    "select status from outbound_message where id = ?", quick)));
            long stillWaiting = waiting.stream().filter(id -> "PENDING".equals(sql.one(
                    "select status from outbound_message where id = ?", id))).count();
            assertTrue(stillWaiting >= waiting.size() - config.delivery().perRecipient(),
                    "at most " + config.delivery().perRecipient() + " sends to one recipient at a time; pending: "
                            + stillWaiting);
            await().atMost(Duration.ofSeconds(90)).until(() -> waiting.stream().allMatch(id -> "SENT".equals(
                    sql.one("select status from outbound_message where id = ?", id))));
        } finally {
            TwilioApiStub.server.removeStub(slowly);
        }
    }
}
